package io.cloudjar.iam;

import io.cloudjar.core.auth.Arn;

/** The account an ARN names ({@code arn:aws:ec2:us-east-1:123456789012:vpc/vpc-1} → {@code 123456789012}). */
final class ArnAccounts {
    private ArnAccounts() {
    }

    /** The ARN's account field; null when it has none ({@code arn:aws:s3:::bucket}, {@code *}): the caller's own. */
    static String of(String arn) {
        return Arn.parse(arn).map(Arn::account).filter(account -> account.matches("[0-9]{12}")).orElse(null);
    }
}
