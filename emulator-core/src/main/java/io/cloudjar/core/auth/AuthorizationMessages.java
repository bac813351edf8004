package io.cloudjar.core.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * EC2's encoded authorization failure messages: the decision context as the JSON that
 * {@code sts decode-authorization-message} returns on AWS ({@code allowed}, {@code explicitDeny},
 * {@code matchedStatements}, {@code failures}, {@code context} with principal, action, resource and conditions),
 * encoded so that only STS reads it back. AWS encrypts it; here it is a marked Base64 text, opaque enough that
 * clients treat it as AWS's and STS refuses anything it did not encode.
 */
public final class AuthorizationMessages {
    private static final String MARKER = "cloudjar-auth:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuthorizationMessages() {
    }

    /** The encoded message of a denial of {@code action} on {@code resource}. */
    public static String encode(Principal principal, String action, String resource, Map<String, List<String>> conditions,
                                Decision decision) {
        ObjectNode root = JSON.createObjectNode();
        root.put("allowed", decision.allowed());
        root.put("explicitDeny", decision.explicitDeny());
        ArrayNode matched = root.putObject("matchedStatements").putArray("items");
        for (String statement : decision.matched()) {
            matched.addObject().put("statementId", statement).put("effect", decision.explicitDeny() ? "DENY" : "ALLOW");
        }
        root.putObject("failures").putArray("items");
        ObjectNode context = root.putObject("context");
        ObjectNode who = context.putObject("principal");
        who.put("id", principal.userId());
        if (principal.name() != null) {
            who.put("name", principal.name());
        }
        who.put("arn", principal.isAnonymous() ? "anonymous" : principal.arn());
        context.put("action", action);
        context.put("resource", resource);
        ArrayNode items = context.putObject("conditions").putArray("items");
        conditions.forEach((key, values) -> {
            ObjectNode item = items.addObject();
            item.put("key", key);
            ArrayNode v = item.putObject("values").putArray("items");
            values.forEach(value -> v.addObject().put("value", value));
        });
        return encode(root.toString());
    }

    /** Encodes any JSON as a message (tests make their own). */
    public static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((MARKER + json).getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON of a message {@link #encode} made, or null when it is not one. */
    public static String decode(String encoded) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
            return text.startsWith(MARKER) ? text.substring(MARKER.length()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
