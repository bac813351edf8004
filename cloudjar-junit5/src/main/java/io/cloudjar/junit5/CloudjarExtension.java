package io.cloudjar.junit5;

import io.cloudjar.core.config.EmulatorConfig;
import io.cloudjar.core.server.CloudjarServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;

/**
 * Starts Cloudjar in-process on a free port and hands tests what they need to call it. Either through the
 * annotation ({@link Cloudjar @Cloudjar}, settings as its attributes) or registered in code, on a
 * <em>static</em> field so that it starts before the class's first test:
 * <pre>{@code
 * @RegisterExtension
 * static final CloudjarExtension cloudjar = new CloudjarExtension().withServices("s3").resetBetweenTests();
 *
 * @Test void put(S3Client s3) { ... }          // or: S3Client s3 = cloudjar.client(S3Client.class);
 * }</pre>
 * Parameters it resolves: any AWS SDK v2 client type ({@link SdkClient} subtypes with a static {@code builder()}),
 * built for the endpoint, region {@code us-east-1}, credentials {@code test}/{@code test} (S3: path style) and
 * closed when the test (or, for class-level parameters, the class) ends; the endpoint as {@link URI}; the
 * {@link CloudjarServer} itself. Use either the annotation or a registered instance on a class, not both.
 */
public class CloudjarExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";
    public static final Region REGION = Region.US_EAST_1;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CloudjarExtension.class);
    private static final String CURRENT = "current";

    private final boolean fromCode;
    private final Set<String> services = new TreeSet<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private boolean enforceIam;
    private boolean resetBetweenTests;
    private Cloudjar.Lifecycle lifecycle = Cloudjar.Lifecycle.PER_CLASS;
    private volatile CloudjarServer server;

    /** Settings from the test class's {@link Cloudjar} annotation, or the defaults when it has none. */
    public CloudjarExtension() {
        this(false);
    }

    private CloudjarExtension(boolean fromCode) {
        this.fromCode = fromCode;
    }

    /** An extension configured in code only (any {@link Cloudjar} annotation on the class is not read). */
    public static CloudjarExtension create() {
        return new CloudjarExtension(true);
    }

    /** APIs to start ({@code SERVICES=s3,iam}); none named starts every one. */
    public CloudjarExtension withServices(String... apis) {
        for (String api : apis) {
            services.add(api.trim().toLowerCase(java.util.Locale.ROOT));
        }
        return this;
    }

    /** Evaluates IAM policies on every call ({@code ENFORCE_IAM=1}). */
    public CloudjarExtension withEnforcedIam() {
        enforceIam = true;
        return this;
    }

    /** Starts the server as if {@code name=value} were in its environment. */
    public CloudjarExtension withEnv(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Wipes all state before every test, as {@code POST /moto-api/reset} does. */
    public CloudjarExtension resetBetweenTests() {
        resetBetweenTests = true;
        return this;
    }

    /** One server for the whole run, shared by every class with the same settings, stopped when the run ends. */
    public CloudjarExtension perSuite() {
        lifecycle = Cloudjar.Lifecycle.PER_SUITE;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ServerRef inherited = context.getStore(NAMESPACE).get(CURRENT, ServerRef.class);
        if (inherited != null) { // a @Nested class: the enclosing class's server serves it
            remember(inherited);
            return;
        }
        Settings settings = settings(context);
        ExtensionContext owner = settings.lifecycle == Cloudjar.Lifecycle.PER_SUITE ? context.getRoot() : context;
        RunningServer running = owner.getStore(NAMESPACE).getOrComputeIfAbsent(
                "server " + settings.key(), key -> RunningServer.start(settings), RunningServer.class);
        ServerRef ref = new ServerRef(running.server, settings);
        context.getStore(NAMESPACE).put(CURRENT, ref); // not closeable: the owner's store closes the server
        remember(ref);
    }

    private void remember(ServerRef ref) {
        server = ref.server;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ServerRef ref = ref(context);
        if (ref.settings.resetBetweenTests) {
            ref.server.runtime().reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == URI.class || type == CloudjarServer.class || (SdkClient.class.isAssignableFrom(type) && builderMethod(type) != null);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        CloudjarServer current = ref(extensionContext).server;
        if (type == URI.class) {
            return endpointOf(current);
        }
        if (type == CloudjarServer.class) {
            return current;
        }
        SdkClient client = build(type, endpointOf(current));
        // Closed with the context the parameter belongs to: the test method's, or the class's for constructors.
        extensionContext.getStore(NAMESPACE).put(new Object(), new ClosingClient(client));
        return client;
    }

    /** The running server; set once the class's tests have started. */
    public CloudjarServer server() {
        if (server == null) {
            throw new IllegalStateException("Cloudjar has not started: register the extension on a static field");
        }
        return server;
    }

    /** {@code http://localhost:<port>}. */
    public URI endpoint() {
        return endpointOf(server());
    }

    public int port() {
        return server().port();
    }

    /** Wipes all state now, as {@code POST /moto-api/reset} does. */
    public void reset() {
        server().runtime().reset();
    }

    /**
     * A new client of this type for the server (the caller closes it), e.g. {@code client(S3Client.class)}: endpoint,
     * region {@code us-east-1}, credentials {@code test}/{@code test}, path-style addressing for S3.
     */
    public <C extends SdkClient> C client(Class<C> type) {
        return type.cast(build(type, endpoint()));
    }

    /** The builder configured as {@link #client(Class)} configures it, for more settings before {@code build()}. */
    public <B extends AwsClientBuilder<B, C>, C> B configure(B builder) {
        return configure(builder, endpoint());
    }

    private static <B extends AwsClientBuilder<B, C>, C> B configure(B builder, URI endpoint) {
        builder.endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
        // S3's builder: bucket names in the path, since localhost has no bucket subdomains. Looked up on a public
        // interface (S3BaseClientBuilder): the builder's own class is package-private.
        Method pathStyle = publicInterfaceMethod(builder.getClass(), "forcePathStyle", Boolean.class);
        if (pathStyle == null) {
            return builder; // other services have no addressing style
        }
        try {
            pathStyle.invoke(builder, Boolean.TRUE);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot set path-style addressing on " + builder.getClass().getName(), e);
        }
        return builder;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SdkClient build(Class<?> type, URI endpoint) {
        Method builderMethod = builderMethod(type);
        if (builderMethod == null) {
            throw new ParameterResolutionException(type.getName() + " has no static builder()");
        }
        Object builder;
        try {
            builder = builderMethod.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new ParameterResolutionException("cannot call " + type.getName() + ".builder()", e);
        }
        if (!(builder instanceof AwsClientBuilder awsBuilder)) {
            throw new ParameterResolutionException(type.getName() + ".builder() is not an AwsClientBuilder");
        }
        return (SdkClient) configure(awsBuilder, endpoint).build();
    }

    private static Method publicInterfaceMethod(Class<?> type, String name, Class<?>... parameters) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (Modifier.isPublic(i.getModifiers())) {
                    try {
                        return i.getMethod(name, parameters);
                    } catch (NoSuchMethodException e) {
                        // try the next
                    }
                }
                Method inherited = publicInterfaceMethod(i, name, parameters);
                if (inherited != null) {
                    return inherited;
                }
            }
        }
        return null;
    }

    private static Method builderMethod(Class<?> type) {
        try {
            Method m = type.getMethod("builder");
            return Modifier.isStatic(m.getModifiers()) && AwsClientBuilder.class.isAssignableFrom(m.getReturnType()) ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static URI endpointOf(CloudjarServer server) {
        return URI.create("http://localhost:" + server.port());
    }

    private ServerRef ref(ExtensionContext context) {
        ServerRef ref = context.getStore(NAMESPACE).get(CURRENT, ServerRef.class);
        if (ref == null) {
            throw new ExtensionConfigurationException("Cloudjar has not started for " + context.getDisplayName()
                    + ": register CloudjarExtension on a static field (or use @Cloudjar on the class)");
        }
        return ref;
    }

    private Settings settings(ExtensionContext context) {
        if (fromCode || touched()) {
            return new Settings(Set.copyOf(services), enforceIam, Map.copyOf(env), resetBetweenTests, lifecycle);
        }
        Cloudjar annotation = context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, Cloudjar.class))
                .orElse(null);
        if (annotation == null) {
            return new Settings(Set.of(), false, Map.of(), false, Cloudjar.Lifecycle.PER_CLASS);
        }
        return Settings.of(annotation);
    }

    private boolean touched() {
        return !services.isEmpty() || enforceIam || !env.isEmpty() || resetBetweenTests
                || lifecycle != Cloudjar.Lifecycle.PER_CLASS;
    }

    /** What a server was started with; two classes share a per-suite server only when these are equal. */
    record Settings(Set<String> services, boolean enforceIam, Map<String, String> env, boolean resetBetweenTests,
                    Cloudjar.Lifecycle lifecycle) {
        static Settings of(Cloudjar annotation) {
            Set<String> apis = new TreeSet<>();
            for (String api : annotation.services()) {
                apis.add(api.trim().toLowerCase(java.util.Locale.ROOT));
            }
            Map<String, String> env = new LinkedHashMap<>();
            for (String pair : annotation.env()) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new ExtensionConfigurationException("@Cloudjar(env) entries are NAME=value, not: " + pair);
                }
                env.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
            }
            return new Settings(apis, annotation.enforceIam(), env, annotation.resetBetweenTests(), annotation.lifecycle());
        }

        /** What the server depends on (resetting is done per class, so it is not part of it). */
        String key() {
            return new TreeSet<>(services) + " iam=" + enforceIam + " env=" + new java.util.TreeMap<>(env);
        }

        EmulatorConfig config() {
            EmulatorConfig base = EmulatorConfig.forTests();
            EmulatorConfig config = new EmulatorConfig(base.host(), 0, services, null, base.defaultRegion(),
                    base.defaultAccount(), enforceIam, Map.of());
            for (Map.Entry<String, String> e : env.entrySet()) {
                config = config.withEnv(e.getKey(), e.getValue());
            }
            return config;
        }
    }

    private record ServerRef(CloudjarServer server, Settings settings) {
    }

    /** Stops the server when the store that owns it (the class's, or the root's for a suite) is closed. */
    @SuppressWarnings("deprecation") // CloseableResource: still the one JUnit before 5.13 closes
    private static final class RunningServer implements ExtensionContext.Store.CloseableResource {
        final CloudjarServer server;
        private boolean closed;

        private RunningServer(CloudjarServer server) {
            this.server = server;
        }

        static RunningServer start(Settings settings) {
            try {
                return new RunningServer(CloudjarServer.start(settings.config()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while Cloudjar started", e);
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                server.close();
            }
        }
    }

    @SuppressWarnings("deprecation")
    private record ClosingClient(SdkClient client) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            client.close();
        }
    }
}
