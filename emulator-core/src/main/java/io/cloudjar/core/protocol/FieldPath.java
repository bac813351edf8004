package io.cloudjar.core.protocol;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;

/**
 * Where a decoder is inside a request ({@code tagSpecifications.1.tags.2.key}), as AWS names members in
 * validation messages: lower camel case, list positions counted from one ({@link #member} adds the
 * {@code .member} step that the "validation errors detected" messages put after a position).
 */
public final class FieldPath {
    private static final FieldPath ROOT = new FieldPath(null, null, false);

    /** The path this one extends (null for the root). */
    private final FieldPath parent;
    /** A member name as the model spells it, or a list position's step ({@code 2}, {@code 2.member}). */
    private final String step;
    private final boolean memberStep;
    /**
     * The path's text, built when first asked: decoders make a path for every member they read, and only a
     * member that fails validation needs its name spelled out.
     */
    private String text;

    private FieldPath(FieldPath parent, String step, boolean memberStep) {
        this.parent = parent;
        this.step = step;
        this.memberStep = memberStep;
        this.text = parent == null ? "" : null;
    }

    public static FieldPath root() {
        return ROOT;
    }

    public FieldPath child(String memberName) {
        return new FieldPath(this, memberName, true);
    }

    public FieldPath index(int position) {
        return new FieldPath(this, String.valueOf(position), false);
    }

    /**
     * A list item as AWS's validation messages name it: {@code tags.2.member.value}, whatever the protocol's
     * wire name of the item ({@code Tags.member.2}, a JSON array element).
     */
    public FieldPath member(int position) {
        return new FieldPath(this, position + ".member", false);
    }

    /** Parses a scalar, reporting a bad value with this path. */
    public Object parse(SdkField<?> field, String text, Format defaultTimestampFormat) {
        try {
            return WireValues.parse(field, text, defaultTimestampFormat);
        } catch (WireValues.InvalidValueException e) {
            throw new InvalidMemberValueException(this, e.value(), e.expectedType());
        }
    }

    @Override
    public String toString() {
        String built = text;
        if (built == null) {
            String above = parent.toString();
            if (!memberStep) {
                built = above + "." + step;
            } else {
                String camel = step.isEmpty() ? step : Character.toLowerCase(step.charAt(0)) + step.substring(1);
                built = above.isEmpty() ? camel : above + "." + camel;
            }
            text = built;
        }
        return built;
    }

    /** A member whose wire text is not of its type; codecs answer it in the API's validation error shape. */
    public static final class InvalidMemberValueException extends RuntimeException {
        private final FieldPath path;
        private final String value;
        private final String expectedType;

        public InvalidMemberValueException(FieldPath path, String value, String expectedType) {
            super("Value '" + value + "' at '" + path + "' is not a valid " + expectedType, null, false, false);
            this.path = path;
            this.value = value;
            this.expectedType = expectedType;
        }

        public FieldPath path() {
            return path;
        }

        public String value() {
            return value;
        }

        public String expectedType() {
            return expectedType;
        }
    }
}
