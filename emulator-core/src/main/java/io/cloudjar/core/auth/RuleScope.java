package io.cloudjar.core.auth;

/**
 * The call an authorization rule is rendered for, beside its input: {@code {account}}, {@code {region}} and
 * {@code {partition}} and {@code {caller}} (the principal's ARN, null when anonymous) in templates, and what
 * resolvers need.
 */
public record RuleScope(String account, String region, String caller) {
    public String partition() {
        return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
