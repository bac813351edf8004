package io.cloudjar.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.http.Headers;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The signed policy of an S3 browser-form upload (S3 API reference, "Creating a POST policy"): it must be
 * signed with the uploader's secret, not be expired, hold for every field ({@code eq}, {@code starts-with},
 * exact matches), and name every field the form sends. Its {@code content-length-range} is enforced while
 * the file streams in.
 */
public final class PostPolicy {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields a policy need not mention. */
    private static final Set<String> EXEMPT = Set.of("policy", "x-amz-signature", "signature", "awsaccesskeyid", "file");

    private PostPolicy() {
    }

    /** The allowed file sizes, inclusive. */
    public record SizeRange(long min, long max) {
        public static final SizeRange ANY = new SizeRange(0, Long.MAX_VALUE);
    }

    /**
     * Verifies the form's signature and policy.
     *
     * @param bucket the bucket the form posts to (the policy's {@code bucket} condition)
     */
    public static SizeRange verify(Headers fields, String bucket, SigV4Credential credential, String secretKey, Instant now) {
        String policy = fields.get("policy");
        if (policy == null) {
            throw AwsErrors.of("InvalidArgument", 400, "Bucket POST must contain a field named 'policy'.  If it is specified, "
                    + "please check the order of the fields.").withDetail("ArgumentName", "policy");
        }
        SigV4Verifier.verifyPolicy(policy, credential, secretKey);
        JsonNode doc;
        try {
            doc = JSON.readTree(Base64.getDecoder().decode(policy.trim()));
        } catch (IOException | IllegalArgumentException e) {
            throw invalidPolicy("Invalid Policy: Invalid JSON.");
        }
        if (doc == null || !doc.isObject()) { // valid JSON, but not the document S3 expects (an array, a string)
            throw invalidPolicy("Invalid Policy: Invalid JSON.");
        }
        JsonNode expiration = doc.get("expiration");
        if (expiration == null) {
            throw invalidPolicy("Invalid Policy: Policy missing expiration.");
        }
        try {
            if (!expiration.isTextual() || now.isAfter(Instant.parse(expiration.asText()))) {
                throw expiration.isTextual() ? denied("Invalid according to Policy: Policy expired.")
                        : invalidPolicy("Invalid Policy: Invalid 'expiration' value: '" + expiration + "'");
            }
        } catch (DateTimeParseException e) {
            throw invalidPolicy("Invalid Policy: Invalid 'expiration' value: '" + expiration.asText() + "'");
        }
        JsonNode conditions = doc.get("conditions");
        if (conditions == null) {
            throw invalidPolicy("Invalid Policy: Policy missing conditions.");
        }
        if (!conditions.isArray()) { // an object would otherwise be walked as if its values were conditions
            throw invalidPolicy("Invalid Policy: Invalid 'conditions' value: must be a List.");
        }
        Set<String> covered = new HashSet<>();
        SizeRange range = SizeRange.ANY;
        for (JsonNode condition : conditions) {
            if (condition.isObject()) {
                if (condition.size() != 1) { // {} or {"acl": …, "key": …}: S3 takes one field per object
                    throw invalidPolicy("Invalid Policy: Invalid Simple-Condition: Simple-Conditions must have exactly one "
                            + "property specified.");
                }
                var entry = condition.fields().next();
                String field = entry.getKey().toLowerCase(Locale.ROOT);
                covered.add(field);
                if (!entry.getValue().asText().equals(value(fields, field, bucket))) {
                    throw conditionFailed(condition);
                }
            } else if (condition.isArray() && condition.size() == 3) {
                String op = condition.get(0).asText().toLowerCase(Locale.ROOT);
                if (op.equals("content-length-range")) {
                    range = new SizeRange(condition.get(1).asLong(), condition.get(2).asLong());
                    continue;
                }
                String field = condition.get(1).asText().toLowerCase(Locale.ROOT).replaceFirst("^\\$", "");
                covered.add(field);
                String actual = value(fields, field, bucket);
                String expected = condition.get(2).asText();
                boolean holds = switch (op) {
                    case "eq" -> expected.equals(actual);
                    case "starts-with" -> actual != null && actual.startsWith(expected);
                    default -> throw invalidPolicy("Invalid Policy: Invalid Condition: " + condition);
                };
                if (!holds) {
                    throw conditionFailed(condition);
                }
            } else {
                throw invalidPolicy("Invalid Policy: Invalid Simple-Condition: " + condition);
            }
        }
        for (String name : fields.names()) {
            String field = name.toLowerCase(Locale.ROOT);
            if (!EXEMPT.contains(field) && !field.startsWith("x-ignore-") && !covered.contains(field)) {
                throw denied("Invalid according to Policy: Extra input fields: " + field);
            }
        }
        return range;
    }

    private static String value(Headers fields, String field, String bucket) {
        return field.equals("bucket") ? bucket : fields.get(field);
    }

    private static AwsException conditionFailed(JsonNode condition) {
        return denied("Invalid according to Policy: Policy Condition failed: " + condition);
    }

    private static AwsException denied(String message) {
        return AwsErrors.of("AccessDenied", 403, message);
    }

    private static AwsException invalidPolicy(String message) {
        return AwsErrors.of("InvalidPolicyDocument", 400, message);
    }
}
