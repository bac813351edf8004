package io.cloudjar.s3;

import io.cloudjar.core.auth.PolicyGrammar;
import io.cloudjar.core.auth.PolicyGrammar.StatementOutline;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What S3 accepts as a bucket policy, in S3's words ({@code MalformedPolicy}): a JSON object IAM's grammar reads
 * as a resource-based policy, naming only this bucket and its objects, only S3 actions, and principals that are
 * accounts, IAM users and roles, or everyone. Also whether a policy makes the bucket public
 * ({@code GetBucketPolicyStatus}).
 */
final class BucketPolicyRules {
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern IAM_PRINCIPAL = Pattern.compile(
            "arn:aws:(iam::[0-9]{12}:(root|user/.+|role/.+|federated-user/.+)|sts::[0-9]{12}:(assumed-role|federated-user)/.+)");

    /** Condition keys whose fixed values keep a policy from being public (S3's "Block Public Access" rules). */
    private static final Set<String> NARROWING = Set.of("aws:sourceip", "aws:sourcearn", "aws:sourcevpc",
            "aws:sourcevpce", "aws:sourceaccount", "aws:sourceowner", "aws:principalaccount", "aws:principalarn",
            "aws:principalorgid", "aws:principalorgpaths", "aws:userid", "aws:username", "s3:dataaccesspointarn",
            "s3:dataaccesspointaccount");

    private BucketPolicyRules() {
    }

    /** The statements of a valid policy; empty when IAM does not run (then only the first byte is checked). */
    static Optional<List<StatementOutline>> check(String document, String bucket, Optional<PolicyGrammar> grammar) {
        if (document == null || !document.stripLeading().startsWith("{")) {
            throw S3Errors.malformedPolicy("Policies must be valid JSON and the first byte must be '{'");
        }
        if (grammar.isEmpty()) {
            return Optional.empty();
        }
        List<StatementOutline> statements;
        try {
            statements = grammar.get().outline(document);
        } catch (PolicyGrammar.InvalidPolicyException e) {
            throw S3Errors.malformedPolicy(inS3Words(e));
        }
        for (StatementOutline s : statements) {
            if (s.resources().isEmpty()) {
                throw S3Errors.malformedPolicy("Missing required field Resource");
            }
            if (s.resources().stream().anyMatch(r -> !inBucket(r, bucket))) {
                throw S3Errors.malformedPolicy("Policy has invalid resource");
            }
            if (s.actions().stream().anyMatch(a -> !a.equals("*") && !a.regionMatches(true, 0, "s3:", 0, 3))) {
                throw S3Errors.malformedPolicy("Policy has invalid action");
            }
            if (s.principals().entrySet().stream().anyMatch(e -> !validPrincipal(e.getKey(), e.getValue()))) {
                throw S3Errors.malformedPolicy("Invalid principal in policy");
            }
        }
        return Optional.of(statements);
    }

    /**
     * S3's rule for a public policy: an Allow to everyone ({@code "*"} or {@code {"AWS": "*"}}) that no condition
     * narrows to fixed callers or networks (a fixed, non-wildcard value of one of {@link #NARROWING} keys; an
     * {@code aws:SourceIp} of {@code 0.0.0.0/0} narrows nothing).
     */
    static boolean isPublic(List<StatementOutline> statements) {
        return statements.stream().anyMatch(s -> s.allow() && !s.notPrincipal()
                && (s.principals().containsKey("*") || s.principals().getOrDefault("AWS", List.of()).contains("*"))
                && s.conditions().entrySet().stream().noneMatch(c -> narrows(c.getKey(), c.getValue())));
    }

    private static boolean narrows(String key, List<String> values) {
        String k = key.toLowerCase(Locale.ROOT);
        if (!NARROWING.contains(k) || values.isEmpty()) {
            return false;
        }
        return values.stream().noneMatch(v -> v.contains("*") || v.contains("?")
                || (k.equals("aws:sourceip") && (v.equals("0.0.0.0/0") || v.equals("::/0"))));
    }

    private static boolean inBucket(String resource, String bucket) {
        String arn = "arn:aws:s3:::" + bucket;
        return resource.equals(arn) || resource.startsWith(arn + "/");
    }

    private static boolean validPrincipal(String type, List<String> values) {
        return switch (type) {
            case "*", "Service", "CanonicalUser", "Federated" -> true;
            case "AWS" -> values.stream().allMatch(v -> v.equals("*") || ACCOUNT.matcher(v).matches()
                    || IAM_PRINCIPAL.matcher(v).matches());
            default -> false;
        };
    }

    /** IAM's words for a document it refuses, as S3 says them. */
    private static String inS3Words(PolicyGrammar.InvalidPolicyException e) {
        String iam = e.getMessage();
        if (e.syntax()) {
            return "This policy contains invalid Json";
        }
        if (iam.startsWith("Missing required field Principal")) {
            return "Missing required field Principal";
        }
        if (iam.startsWith("Resource ")) {
            return "Policy has invalid resource";
        }
        if (iam.startsWith("Actions/Condition") || iam.startsWith("Vendor ")) {
            return "Policy has invalid action";
        }
        if (iam.equals("Policy statement must contain actions.")) {
            return "Missing required field Action";
        }
        return iam;
    }
}
