package io.cloudjar.lightsail;

import io.cloudjar.core.auth.ResourcePolicies;
import io.cloudjar.core.spi.ServiceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * What lightsail.authz needs beyond the input. Lightsail calls name resources by name, but policies name them by
 * ARN, which carries a UUID: {@code {arnOf<Type>(member)}} (arnOfInstance, arnOfStaticIp, arnOfKeyPair, ... one per
 * {@link ResourceType}) looks the name up; a resource that does not exist renders to nothing, so the check is asked
 * on {@code *} (and the call then fails as not found). {@code {arnOfResource(member)}} finds a name of any type (tags).
 * The resources' tags reach policies as {@code aws:ResourceTag/<key>}.
 */
final class LightsailAuthorization {
    private LightsailAuthorization() {
    }

    static void register(ServiceContext context, LightsailStore store) {
        for (ResourceType type : ResourceType.knownValues()) {
            context.addRuleResolver("arnOf" + type, (name, call) -> store.get(call.account(), call.region()).table(type)
                    .flatMap(t -> t.find(name)).map(r -> List.of(r.meta().arn())).orElse(List.of()));
        }
        context.addRuleResolver("arnOfResource", (name, call) -> store.get(call.account(), call.region()).named(name)
                .map(r -> r.meta().arn()).limit(1).toList());
        context.addResourcePolicies(arn -> store.byArn(arn).map(r -> new ResourcePolicies.ResourcePolicy(
                accountOf(arn), null, null, ResourcePolicies.tagKeys(null, valued(r.meta().tags())))));
    }

    private static String accountOf(String arn) {
        return arn.split(":", 6)[4];
    }

    /** A key-only tag is matched by policies as the empty value. */
    private static Map<String, String> valued(Map<String, String> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        tags.forEach((k, v) -> out.put(k, v == null ? "" : v));
        return out;
    }
}
