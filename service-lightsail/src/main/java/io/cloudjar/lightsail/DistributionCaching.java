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

/**
 * A distribution's caching: the default behaviour (cache or dont-cache), per-path behaviours, and the settings
 * (TTLs, methods, forwarded cookies, headers and query strings), checked against CloudFront's rules with its defaults
 * for what they leave out (a day by default, none at least, a year at most; GET and HEAD; nothing forwarded). Settings
 * given replace the distribution's, as UpdateDistribution documents.
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

    /**
     * The settings given, checked (TTLs in order, methods among CloudFront's choices, an allow-list with names), kept
     * as given: Lightsail answers them as they were set, without CloudFront's defaults filled in (Terraform's provider
     * plans against exactly that); null when none were given.
     */
    static CacheSettings settings(CacheSettings given) {
        if (given == null) {
            return null;
        }
        long defaultTtl = given.defaultTTL() == null ? DEFAULT_TTL : given.defaultTTL();
        long minimumTtl = given.minimumTTL() == null ? 0 : given.minimumTTL();
        long maximumTtl = given.maximumTTL() == null ? Math.max(MAXIMUM_TTL, defaultTtl) : given.maximumTTL();
        if (minimumTtl < 0 || minimumTtl > defaultTtl || defaultTtl > maximumTtl) {
            throw LightsailErrors.invalidInput("The TTLs must satisfy 0 <= minimumTTL (%d) <= defaultTTL (%d) <= maximumTTL (%d).",
                    minimumTtl, defaultTtl, maximumTtl);
        }
        String allowed = given.allowedHTTPMethods() == null ? ALLOWED_METHODS.get(0) : given.allowedHTTPMethods();
        String cached = given.cachedHTTPMethods() == null ? CACHED_METHODS.get(0) : given.cachedHTTPMethods();
        if (!ALLOWED_METHODS.contains(allowed)) {
            throw LightsailErrors.invalidInput("The allowed HTTP methods %s are not valid: use one of %s.", allowed,
                    String.join(" | ", ALLOWED_METHODS));
        }
        if (!CACHED_METHODS.contains(cached) || cached.length() > allowed.length()) {
            throw LightsailErrors.invalidInput("The cached HTTP methods %s are not valid for the allowed methods %s: use GET,HEAD"
                    + " or GET,HEAD,OPTIONS.", cached, allowed);
        }
        CookieObject cookies = given.forwardedCookies();
        if (cookies != null) {
            checkOption(cookies.option(), cookies.optionAsString(), !cookies.hasCookiesAllowList() || cookies.cookiesAllowList().isEmpty(),
                    "cookies");
        }
        HeaderObject headers = given.forwardedHeaders();
        if (headers != null) {
            if (headers.hasHeadersAllowList() && headers.headersAllowList().contains(HeaderEnum.UNKNOWN_TO_SDK_VERSION)) {
                throw LightsailErrors.invalidInput("The headers allow list %s names a header that cannot be forwarded.",
                        headers.headersAllowListAsStrings());
            }
            checkOption(headers.option(), headers.optionAsString(), !headers.hasHeadersAllowList() || headers.headersAllowList().isEmpty(),
                    "headers");
        }
        return given;
    }

    /** Whether the distribution lets viewers send POST and PUT (CloudFront's allowed methods default to GET and HEAD). */
    static boolean acceptsUploads(CacheSettings settings) {
        return settings != null && settings.allowedHTTPMethods() != null && settings.allowedHTTPMethods().contains("POST");
    }

    private static void checkOption(ForwardValues option, String text, boolean emptyList, String what) {
        if (option == ForwardValues.UNKNOWN_TO_SDK_VERSION) {
            throw LightsailErrors.invalidInput("The option %s for forwarded %s is not valid: use none, allow-list or all.", text, what);
        }
        if (option == ForwardValues.ALLOW_LIST && emptyList) { // null (not given) forwards nothing
            throw LightsailErrors.invalidInput("Forwarding an allow-list of %s needs the %s to forward.", what, what);
        }
    }
}
