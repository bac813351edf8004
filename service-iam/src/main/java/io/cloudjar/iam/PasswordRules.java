package io.cloudjar.iam;

import io.cloudjar.iam.state.IamErrors;
import io.cloudjar.iam.state.LoginProfile;
import io.cloudjar.iam.state.PasswordPolicy;

/**
 * Checks a console password against the account's password policy or, when none is set, AWS's default:
 * at least 8 characters with at least three of upper case, lower case, digits and symbols.
 */
final class PasswordRules {
    private static final String SYMBOLS = "!@#$%^&*()_+-=[]{}|'";

    private PasswordRules() {
    }

    static void check(PasswordPolicy policy, String password) {
        boolean upper = password.chars().anyMatch(Character::isUpperCase);
        boolean lower = password.chars().anyMatch(Character::isLowerCase);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        boolean symbol = password.chars().anyMatch(c -> SYMBOLS.indexOf(c) >= 0 || !Character.isLetterOrDigit(c));
        if (policy == null) {
            int kinds = (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
            if (password.length() < 8) {
                throw IamErrors.passwordPolicyViolation("Password should have at least 8 characters");
            }
            if (kinds < 3) {
                throw IamErrors.passwordPolicyViolation("Password should include at least three of: uppercase letters, "
                        + "lowercase letters, numbers and symbols");
            }
            return;
        }
        if (password.length() < policy.minimumLength()) {
            throw IamErrors.passwordPolicyViolation("Password should have at least " + policy.minimumLength() + " characters");
        }
        if (policy.requireUppercase() && !upper) {
            throw IamErrors.passwordPolicyViolation("Password should have at least one uppercase letter");
        }
        if (policy.requireLowercase() && !lower) {
            throw IamErrors.passwordPolicyViolation("Password should have at least one lowercase letter");
        }
        if (policy.requireNumbers() && !digit) {
            throw IamErrors.passwordPolicyViolation("Password should have at least one number");
        }
        if (policy.requireSymbols() && !symbol) {
            throw IamErrors.passwordPolicyViolation("Password should have at least one symbol");
        }
    }

    /** PasswordReusePrevention: the new password may not be any of the user's last N (the current one included). */
    static void checkNotReused(PasswordPolicy policy, LoginProfile profile, String password) {
        Integer count = policy == null ? null : policy.reusePrevention();
        if (count != null && count > 0 && profile.recentPasswords(count).contains(password)) {
            throw IamErrors.passwordPolicyViolation("Password should not be one of your last " + count + " passwords");
        }
    }
}
