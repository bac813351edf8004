package io.cloudjar.iam;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.core.spi.ServiceProvider;
import io.cloudjar.core.support.Pages;
import io.cloudjar.iam.state.IamAccount;
import io.cloudjar.iam.state.IamErrors;
import io.cloudjar.iam.state.IamState;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * What every IAM provider shares: the API name, the one {@link IamState} of the server, the caller's
 * account, and IAM's listing rules ({@code PathPrefix}, {@code Marker}/{@code MaxItems}, default 100).
 */
abstract class IamFeature implements ServiceProvider {
    static final int DEFAULT_MAX_ITEMS = 100;

    protected IamState state;
    protected ServiceContext context;

    @Override
    public final String api() {
        return "iam";
    }

    @Override
    public void init(ServiceContext serviceContext) {
        this.context = serviceContext;
        this.state = IamState.of(serviceContext);
        IamRuleResolvers.register(serviceContext, state);
        serviceContext.shared(IamResourceTags.class, () -> { // registered once, by the first of IAM's providers
            IamResourceTags tags = new IamResourceTags(state);
            serviceContext.addResourcePolicies(tags);
            return tags;
        });
        // ENFORCE_IAM=1: the evaluator decides every call (see IamAuthorizer); otherwise every call is allowed until
        // moto's reset-auth switches the evaluator on
        IamAuthorizer evaluator = serviceContext.shared(IamAuthorizer.class,
                () -> new IamAuthorizer(state, serviceContext.resourcePolicies()));
        if (serviceContext.config().enforceIam()) {
            serviceContext.setAuthorizer(evaluator);
        } else {
            serviceContext.offerEvaluator(evaluator);
        }
    }

    protected IamAccount account(CallContext ctx) {
        return state.account(ctx.accountId());
    }

    /** Runs {@code work} under the caller's account lock. */
    protected <T> T inAccount(CallContext ctx, Function<IamAccount, T> work) {
        return account(ctx).locked(work);
    }

    static String pathOrRoot(String path) {
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** Items on {@code pathPrefix}, sorted by name regardless of case, one page of them. */
    static <T> Pages.Page<T> page(List<T> items, Function<T, String> name, Function<T, String> path, String pathPrefix,
                                  Integer maxItems, String marker) {
        String prefix = pathOrRoot(pathPrefix);
        Predicate<T> onPath = t -> path == null || path.apply(t).startsWith(prefix);
        return page(items.stream().filter(onPath).toList(), name, maxItems, marker);
    }

    static <T> Pages.Page<T> page(List<T> items, Function<T, String> name, Integer maxItems, String marker) {
        Function<T, String> key = t -> name.apply(t).toLowerCase(Locale.ROOT);
        List<T> sorted = items.stream().sorted(Comparator.comparing(key)).toList();
        return Pages.page(sorted, key, maxItems == null ? DEFAULT_MAX_ITEMS : maxItems, marker, IamErrors::invalidMarker);
    }

    static Map<String, String> tagMap(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Tag tag : tags) {
            if (map.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(tag.key()))) {
                throw io.cloudjar.iam.state.IamErrors.duplicateTagKeys();
            }
            map.put(tag.key(), tag.value());
        }
        return map;
    }
}
