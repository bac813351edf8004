package io.cloudjar.core.util;

/**
 * What an HTTP/1.1 header can carry (RFC 9110 5.5): a value of visible ISO-8859-1 characters, spaces and tabs, a
 * name of token characters. Values taken from a request (S3's {@code response-*} overrides, form fields) are
 * checked with it before they are stored or answered, since a response header that breaks these rules cannot be
 * sent at all.
 */
public final class HeaderText {
    private HeaderText() {
    }

    /** Why a value cannot be a header value. */
    public enum Problem {
        /** A control character (CR, LF, NUL, ...): the value would end or corrupt the header section. */
        CONTROL_CHARACTER,
        /** A character beyond ISO-8859-1, which HTTP/1.1 headers cannot carry. */
        NOT_ISO_8859_1
    }

    /** The problem of a header value, or null when it is valid (null is valid: nothing is sent). */
    public static Problem checkValue(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return Problem.CONTROL_CHARACTER;
            }
            if (c > 0xff) {
                return Problem.NOT_ISO_8859_1;
            }
        }
        return null;
    }

    /** Whether a name is a non-empty token (letters, digits and {@code !#$%&'*+-.^_`|~}). */
    public static boolean isValidName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!token) {
                return false;
            }
        }
        return true;
    }
}
