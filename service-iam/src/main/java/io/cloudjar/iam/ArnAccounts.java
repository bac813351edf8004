package io.cloudjar.iam;

/** The account an ARN names ({@code arn:aws:ec2:us-east-1:123456789012:vpc/vpc-1} → {@code 123456789012}). */
final class ArnAccounts {
    private ArnAccounts() {
    }

    /** The ARN's account field; null when it has none ({@code arn:aws:s3:::bucket}, {@code *}): the caller's own. */
    static String of(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || parts[4].isEmpty() || parts[4].equals("*")) {
            return null;
        }
        return parts[4].matches("[0-9]{12}") ? parts[4] : null;
    }
}
