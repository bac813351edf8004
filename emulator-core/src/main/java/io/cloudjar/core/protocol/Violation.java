package io.cloudjar.core.protocol;

/**
 * One way a request breaks its model: a required member missing, or a value outside its constraint.
 *
 * @param path       the member in AWS's lower-camel notation ({@code tags.1.key})
 * @param wireName   the member as sent on the wire ({@code Tags.member.1.Key}, {@code CidrBlock})
 * @param value      the offending value, null when missing
 * @param constraint AWS's wording of the constraint ("Member must not be null", ...)
 */
public record Violation(Kind kind, String path, String wireName, String value, String constraint) {
    public enum Kind { MISSING, INVALID }

    /** This violation of the member at {@code path}, sent as {@code wireName}. */
    public Violation at(String path, String wireName) {
        return new Violation(kind, path, wireName, value, constraint);
    }
}
