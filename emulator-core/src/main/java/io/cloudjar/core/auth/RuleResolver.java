package io.cloudjar.core.auth;

import java.util.List;

/**
 * What the input alone cannot give an authorization rule, looked up by a service: an IAM user's path from its
 * name, the bucket and key of an S3 copy source. Named in rule templates as {@code {name(Member)}}; registered
 * with {@link io.cloudjar.core.spi.ServiceContext#addRuleResolver}.
 */
@FunctionalInterface
public interface RuleResolver {
    /**
     * @param value the member's value, as text
     * @param call the account and region the call acts in
     * @return the values to put in the template (empty: the resource or key drops out)
     */
    List<String> resolve(String value, RuleScope call);
}
