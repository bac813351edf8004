package io.cloudjar.iam.policy;

/**
 * Who makes the request, as {@code Principal} elements of resource-based and trust policies see it.
 *
 * @param arn       the principal's ARN: {@code …:root}, {@code …:user/x}, {@code arn:aws:sts::…:assumed-role/r/s}
 * @param roleArn   for role sessions, the role's ARN (a policy naming the role matches its sessions)
 * @param federated for web identity or SAML callers, the provider ({@code Federated} principal)
 * @param service   for AWS services, e.g. {@code ec2.amazonaws.com} ({@code Service} principal)
 */
public record Caller(Kind kind, String accountId, String arn, String roleArn, String federated, String service) {
    public enum Kind { ROOT, USER, ROLE_SESSION, FEDERATED, SERVICE, ANONYMOUS }

    public static Caller root(String accountId) {
        return new Caller(Kind.ROOT, accountId, "arn:aws:iam::" + accountId + ":root", null, null, null);
    }

    public static Caller user(String accountId, String arn) {
        return new Caller(Kind.USER, accountId, arn, null, null, null);
    }

    public static Caller roleSession(String accountId, String sessionArn, String roleArn) {
        return new Caller(Kind.ROLE_SESSION, accountId, sessionArn, roleArn, null, null);
    }

    public static Caller federated(String accountId, String provider) {
        return new Caller(Kind.FEDERATED, accountId, null, null, provider, null);
    }

    public static Caller service(String service) {
        return new Caller(Kind.SERVICE, null, null, null, null, service);
    }
}
