package io.cloudjar.iam.state;

/** The account's password policy, as UpdateAccountPasswordPolicy sets it (unset members take AWS's defaults). */
public record PasswordPolicy(int minimumLength, boolean requireSymbols, boolean requireNumbers,
                             boolean requireUppercase, boolean requireLowercase, boolean allowUsersToChange,
                             Integer maxAge, Integer reusePrevention, boolean hardExpiry) {
}
