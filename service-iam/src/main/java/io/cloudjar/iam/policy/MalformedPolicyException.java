package io.cloudjar.iam.policy;

/** A document that is not a valid policy; the message is the one IAM answers MalformedPolicyDocument with. */
public final class MalformedPolicyException extends RuntimeException {
    public MalformedPolicyException(String message) {
        super(message, null, false, false);
    }
}
