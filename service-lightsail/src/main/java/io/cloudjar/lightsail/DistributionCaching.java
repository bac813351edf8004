package io.cloudjar.lightsail;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.lightsail.model.BehaviorEnum;
import software.amazon.awssdk.services.lightsail.model.CacheBehavior;
import software.amazon.awssdk.services.lightsail.model.CacheBehaviorPerPath;
import software.amazon.awssdk.services.lightsail.model.CacheSettings;
import software.amazon.awssdk.services.lightsail.model.CookieObject;
import software.amazon.awssdk.services.lightsail.model.ForwardValues;
import software.amazon.awssdk.services.lightsail.model.HeaderEnum;
import software.amazon.awssdk.services.lightsail.model.HeaderObject;
import software.amazon.awssdk.services.lightsail.model.QueryStringObject;

/**
 * A distribution's caching: the default behaviour (cache or dont-cache), per-path behaviours, and the settings
 * (TTLs, methods, forwarded cookies, headers and query strings) checked and completed with CloudFront's defaults
 * (a day by default, none at least, a year at most; GET and HEAD; nothing forwarded). Settings given replace the
 * distribution's, as UpdateDistribution documents; what they leave out takes the default.
 */
final class DistributionCaching {
    static final long DEFAULT_TTL = 86_400;
    static final long MAXIMUM_TTL = 31_536_000;
    private static final List<String> ALLOWED_METHODS = List.of("GET,HEAD", "GET,HEAD,OPTIONS",
            "GET,HEAD,OPTIONS,PUT,PATCH,POST,DELETE");
    private static final List<String> CACHED_METHODS = List.of("GET,HEAD", "GET,HEAD,OPTIONS");
    private static final int MAX_PATH_BEHAVIORS = 25;

    private DistributionCaching() {
    }

    static CacheBehavior defaultBehavior(CacheBehavior given) {
        if (given == null || given.behavior() == null || given.behavior() == BehaviorEnum.UNKNOWN_TO_SDK_VERSION) {
            throw LightsailErrors.invalidInput("The default cache behavior must be cache or dont-cache: %s",
                    given == null ? null : given.behaviorAsString());
        }
        return CacheBehavior.builder().behavior(given.behavior()).build();
    }

    static List<CacheBehaviorPerPath> pathBehaviors(List<CacheBehaviorPerPath> given) {
        if (given.size() > MAX_PATH_BEHAVIORS) {
            throw LightsailErrors.invalidInput("A distribution can have at most %d cache behaviors.", MAX_PATH_BEHAVIORS);
        }
        Set<String> paths = new HashSet<>();
        for (CacheBehaviorPerPath p : given) {
            if (p.path() == null || p.path().isBlank() || p.behavior() == null || p.behavior() == BehaviorEnum.UNKNOWN_TO_SDK_VERSION) {
                throw LightsailErrors.invalidInput("A cache behavior needs a path and the behavior cache or dont-cache: %s %s",
                        p.path(), p.behaviorAsString());
            }
            if (!paths.add(p.path())) {
                throw LightsailErrors.invalidInput("The cache behavior path %s is given twice.", p.path());
            }
        }
        return List.copyOf(given);
    }

    /** The settings given, checked, with CloudFront's defaults for what they leave out. */
    static CacheSettings settings(CacheSettings given) {
        CacheSettings s = given == null ? CacheSettings.builder().build() : given;
        long defaultTtl = s.defaultTTL() == null ? DEFAULT_TTL : s.defaultTTL();
        long minimumTtl = s.minimumTTL() == null ? 0 : s.minimumTTL();
        long maximumTtl = s.maximumTTL() == null ? Math.max(MAXIMUM_TTL, defaultTtl) : s.maximumTTL();
        if (minimumTtl < 0 || minimumTtl > defaultTtl || defaultTtl > maximumTtl) {
            throw LightsailErrors.invalidInput("The TTLs must satisfy 0 <= minimumTTL (%d) <= defaultTTL (%d) <= maximumTTL (%d).",
                    minimumTtl, defaultTtl, maximumTtl);
        }
        String allowed = s.allowedHTTPMethods() == null ? ALLOWED_METHODS.get(0) : s.allowedHTTPMethods();
        String cached = s.cachedHTTPMethods() == null ? CACHED_METHODS.get(0) : s.cachedHTTPMethods();
        if (!ALLOWED_METHODS.contains(allowed)) {
            throw LightsailErrors.invalidInput("The allowed HTTP methods %s are not valid: use one of %s.", allowed,
                    String.join(" | ", ALLOWED_METHODS));
        }
        if (!CACHED_METHODS.contains(cached) || cached.length() > allowed.length()) {
            throw LightsailErrors.invalidInput("The cached HTTP methods %s are not valid for the allowed methods %s: use GET,HEAD"
                    + " or GET,HEAD,OPTIONS.", cached, allowed);
        }
        return CacheSettings.builder().defaultTTL(defaultTtl).minimumTTL(minimumTtl).maximumTTL(maximumTtl)
                .allowedHTTPMethods(allowed).cachedHTTPMethods(cached)
                .forwardedCookies(cookies(s.forwardedCookies()))
                .forwardedHeaders(headers(s.forwardedHeaders()))
                .forwardedQueryStrings(queryStrings(s.forwardedQueryStrings()))
                .build();
    }

    private static CookieObject cookies(CookieObject given) {
        if (given == null || given.option() == null) {
            return CookieObject.builder().option(ForwardValues.NONE).cookiesAllowList(List.of()).build();
        }
        List<String> list = given.hasCookiesAllowList() ? given.cookiesAllowList() : List.of();
        checkOption(given.option(), given.optionAsString(), list.isEmpty(), "cookies");
        return CookieObject.builder().option(given.option())
                .cookiesAllowList(given.option() == ForwardValues.ALLOW_LIST ? list : List.of()).build();
    }

    private static HeaderObject headers(HeaderObject given) {
        if (given == null || given.option() == null) {
            return HeaderObject.builder().option(ForwardValues.NONE).headersAllowList(List.<HeaderEnum>of()).build();
        }
        List<HeaderEnum> list = given.hasHeadersAllowList() ? given.headersAllowList() : List.of();
        if (list.contains(HeaderEnum.UNKNOWN_TO_SDK_VERSION)) {
            throw LightsailErrors.invalidInput("The headers allow list %s names a header that cannot be forwarded.",
                    given.headersAllowListAsStrings());
        }
        checkOption(given.option(), given.optionAsString(), list.isEmpty(), "headers");
        return HeaderObject.builder().option(given.option())
                .headersAllowList(given.option() == ForwardValues.ALLOW_LIST ? list : List.of()).build();
    }

    private static QueryStringObject queryStrings(QueryStringObject given) {
        boolean forward = given != null && Boolean.TRUE.equals(given.option());
        List<String> list = given != null && given.hasQueryStringsAllowList() ? given.queryStringsAllowList() : List.of();
        return QueryStringObject.builder().option(forward).queryStringsAllowList(forward ? list : List.of()).build();
    }

    private static void checkOption(ForwardValues option, String text, boolean emptyList, String what) {
        if (option == ForwardValues.UNKNOWN_TO_SDK_VERSION) {
            throw LightsailErrors.invalidInput("The option %s for forwarded %s is not valid: use none, allow-list or all.", text, what);
        }
        if (option == ForwardValues.ALLOW_LIST && emptyList) {
            throw LightsailErrors.invalidInput("Forwarding an allow-list of %s needs the %s to forward.", what, what);
        }
    }
}
