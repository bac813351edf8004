package io.cloudjar.core.runtime;

import io.cloudjar.core.auth.ConditionKeys;

import io.cloudjar.core.auth.AuthorizationRequest;

import io.cloudjar.core.auth.Authorizer;
import io.cloudjar.core.auth.CredentialResolver;
import io.cloudjar.core.auth.DefaultCredentials;
import io.cloudjar.core.auth.OperationRules;
import io.cloudjar.core.auth.Principal;
import io.cloudjar.core.auth.RuleResolver;
import io.cloudjar.core.auth.ResourcePolicies;
import io.cloudjar.core.config.EmulatorConfig;
import io.cloudjar.core.model.ModelRegistry;
import io.cloudjar.core.routing.ApiRouter;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.core.store.StoreRegistry;
import io.cloudjar.core.util.EmulatorClock;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared objects of one running emulator: models, router, providers, stores, clock, credentials and
 * the authorizer. Providers see it as their {@link ServiceContext}.
 */
public final class EmulatorRuntime implements ServiceContext, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmulatorRuntime.class);

    private final EmulatorConfig config;
    private final ModelRegistry models;
    private final ApiRouter router;
    private final StoreRegistry stores = new StoreRegistry();
    private final EmulatorClock clock;
    private final List<CredentialResolver> resolvers = new CopyOnWriteArrayList<>();
    private final DefaultCredentials defaultCredentials;
    private final ProviderRegistry providers;
    private final OperationRules operationRules;
    private final CallsInFlight callsInFlight = new CallsInFlight();
    private volatile Authorizer authorizer = Authorizer.ALLOW_ALL;
    private volatile Authorizer evaluator; // IAM's, offered without ENFORCE_IAM: moto's reset-auth switches it on
    private final List<ResourcePolicies> resourcePolicies = new CopyOnWriteArrayList<>();
    private final ResourcePolicies allResourcePolicies = ResourcePolicies.firstOf(resourcePolicies);
    private final NoAuthActions noAuthActions = new NoAuthActions();
    private volatile InitStatus initStatus = new InitStatus();
    private final java.util.Map<Class<?>, Object> shared = new java.util.concurrent.ConcurrentHashMap<>();

    public EmulatorRuntime(EmulatorConfig config) {
        this(config, Clock.systemUTC());
    }

    /** @param baseClock what the emulator clock's offset is added to: the wall clock, or a test's fixed clock */
    public EmulatorRuntime(EmulatorConfig config, Clock baseClock) {
        this.config = config;
        this.clock = new EmulatorClock(baseClock);
        this.models = new ModelRegistry();
        this.router = new ApiRouter(models);
        this.defaultCredentials = DefaultCredentials.of(config);
        List<ServiceProvider> enabled = ServiceLoader.load(ServiceProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> config.serviceEnabled(p.api()))
                .collect(Collectors.toList());
        Map<Class<?>, String> apiOfProvider = new LinkedHashMap<>();
        enabled.forEach(p -> apiOfProvider.put(p.getClass(), p.api()));
        this.operationRules = OperationRules.of(apiOfProvider);
        this.providers = new ProviderRegistry(enabled, models, operationRules);
        for (ServiceProvider provider : enabled) {
            provider.init(this);
        }
        checkEnforcement(config);
        LOG.debug("Providers: {}", enabled.stream().map(p -> p.getClass().getSimpleName()).collect(Collectors.toList()));
    }

    /**
     * {@code ENFORCE_IAM=1} never means "allow everything": IAM starts even when {@code SERVICES} leaves it out (see
     * {@link EmulatorConfig#serviceEnabled}), and a server whose class path lacks service-iam refuses to start.
     */
    private void checkEnforcement(EmulatorConfig settings) {
        if (!settings.enforceIam()) {
            return;
        }
        if (authorizer == Authorizer.ALLOW_ALL) {
            throw new IllegalStateException("ENFORCE_IAM=1, but IAM's policy evaluator (module service-iam) is not on the "
                    + "class path: refusing to start rather than allow every call");
        }
        if (!settings.services().isEmpty() && !settings.services().contains("iam")) {
            LOG.info("ENFORCE_IAM=1: IAM and STS run too, although SERVICES={} leaves them out, because the policy "
                    + "evaluator and the users it decides for live there", String.join(",", new java.util.TreeSet<>(settings.services())));
        }
    }

    @Override
    public EmulatorConfig config() {
        return config;
    }

    public ModelRegistry models() {
        return models;
    }

    public ApiRouter router() {
        return router;
    }

    public ProviderRegistry providers() {
        return providers;
    }

    @Override
    public StoreRegistry stores() {
        return stores;
    }

    @Override
    public EmulatorClock clock() {
        return clock;
    }

    @Override
    public <T> Optional<T> lookup(Class<T> type) {
        return providers.all().stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    @Override
    public <T> T shared(Class<T> type, java.util.function.Supplier<T> factory) {
        return type.cast(shared.computeIfAbsent(type, t -> factory.get()));
    }

    /** The provider calls running, counted by the pipeline's Invoke stage. */
    public CallsInFlight callsInFlight() {
        return callsInFlight;
    }

    @Override
    public void afterCallsInFlight(Runnable action) {
        callsInFlight.whenDrained(action);
    }

    @Override
    public void addCredentialResolver(CredentialResolver resolver) {
        resolvers.add(resolver);
    }

    @Override
    public void addRuleResolver(String name, RuleResolver resolver) {
        operationRules.addResolver(name, resolver);
    }

    /** Every operation's IAM checks, from the services' rules files. */
    @Override
    public OperationRules operationRules() {
        return operationRules;
    }

    @Override
    public void setAuthorizer(Authorizer newAuthorizer) {
        this.authorizer = newAuthorizer;
    }

    public Authorizer authorizer() {
        return authorizer;
    }

    @Override
    public void offerEvaluator(Authorizer offered) {
        this.evaluator = offered;
    }

    /**
     * IAM's evaluator whether installed or only offered, or null without service-iam: it decides anonymous and
     * cross-account calls by resource-based policies even without {@code ENFORCE_IAM} (see Authorize).
     */
    public Authorizer evaluator() {
        return authorizer != Authorizer.ALLOW_ALL ? authorizer : evaluator;
    }

    @Override
    public boolean resourcePoliciesDecide() {
        return evaluator() != null;
    }

    @Override
    public boolean anonymousAllowed(String action, String resourceArn, String region) {
        Authorizer decider = evaluator();
        if (decider == null) {
            return true;
        }
        Principal anonymous = Principal.anonymous(config.defaultAccount());
        return decider.authorize(new AuthorizationRequest(anonymous, action, List.of(resourceArn),
                ConditionKeys.of(anonymous, clock.now(), region, null), region)).allowed();
    }

    /**
     * moto's {@code POST /moto-api/reset-auth}: after {@code count} calls IAM's evaluator decides (as moto's
     * {@code INITIAL_NO_AUTH_ACTION_COUNT}); {@code inf} switches it off again unless {@code ENFORCE_IAM=1} installed it.
     * Returns the previous count as moto prints it.
     */
    public String resetAuth(double count) {
        String previous = noAuthActions.reset(count);
        if (!config.enforceIam() && evaluator != null) { // an authorizer installed otherwise (a test's) stays
            if (Double.isInfinite(count) && authorizer == evaluator) {
                authorizer = Authorizer.ALLOW_ALL;
            } else if (!Double.isInfinite(count) && authorizer == Authorizer.ALLOW_ALL) {
                authorizer = evaluator;
            }
        }
        return previous;
    }

    @Override
    public void addResourcePolicies(ResourcePolicies policies) {
        resourcePolicies.add(policies);
    }

    @Override
    public ResourcePolicies resourcePolicies() {
        return allResourcePolicies;
    }

    /** moto's count of calls that skip authorization ({@code POST /moto-api/reset-auth}). */
    public NoAuthActions noAuthActions() {
        return noAuthActions;
    }

    /** The init hooks' stages and scripts, as {@code /_localstack/init} reports them. */
    public InitStatus initStatus() {
        return initStatus;
    }

    /** Reports the launcher's init hooks (it runs the boot hooks before the server exists). */
    public void useInitStatus(InitStatus status) {
        this.initStatus = status;
    }

    /** The principal an access key belongs to: IAM's keys first, then the LocalStack-style defaults. */
    public Principal resolvePrincipal(String accessKeyId) {
        return resolveIssued(accessKeyId).orElseGet(() -> defaultCredentials.resolve(accessKeyId).orElseThrow());
    }

    /**
     * The principal of a key Cloudjar issued (IAM access keys, STS and instance-profile sessions), whose signatures are
     * always verified; empty for any other key. Throws {@link io.cloudjar.core.auth.RejectedCredentials} for a key
     * its issuer refuses (inactive, deleted, expired).
     */
    public Optional<Principal> resolveIssued(String accessKeyId) {
        for (CredentialResolver resolver : resolvers) {
            Optional<Principal> principal = resolver.resolve(accessKeyId);
            if (principal.isPresent()) {
                return principal;
            }
        }
        return Optional.empty();
    }

    /** The keys nobody issued: roots, with the root key pair of {@code CLOUDJAR_ROOT_ACCESS_KEY_ID}/{@code …SECRET…}. */
    public DefaultCredentials defaultCredentials() {
        return defaultCredentials;
    }

    /** Reports an authenticated call's key to the resolvers (IAM keeps each key's last use). */
    public void recordCredentialUse(String accessKeyId, String service, String region, java.time.Instant at) {
        for (CredentialResolver resolver : resolvers) {
            resolver.recordUse(accessKeyId, service, region, at);
        }
    }

    /** Wipes every store: {@code POST /moto-api/reset}. */
    public void reset() {
        stores.resetAll();
        LOG.info("State reset");
    }

    @Override
    public void close() {
        for (ServiceProvider provider : providers.all()) {
            try {
                provider.close();
            } catch (RuntimeException e) {
                LOG.warn("Provider {} failed to close", provider.getClass().getSimpleName(), e);
            }
        }
        for (Object component : shared.values()) {
            if (component instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("Shared component {} failed to close", component.getClass().getSimpleName(), e);
                }
            }
        }
    }
}
