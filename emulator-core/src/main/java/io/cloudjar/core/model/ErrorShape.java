package io.cloudjar.core.model;

/** An error the AWS model declares: its HTTP status and whether the caller is at fault. */
public record ErrorShape(String code, int status, boolean senderFault) {
}
