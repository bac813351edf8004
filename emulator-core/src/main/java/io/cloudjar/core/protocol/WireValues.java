package io.cloudjar.core.protocol;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Scalar values between their wire text and the Java type of an SDK field, shared by every codec.
 * Timestamps follow the field's {@link TimestampFormatTrait} or the protocol's default for the location.
 */
public final class WireValues {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private WireValues() {
    }

    /** True for the types a codec writes as text (everything but structures, lists, maps, documents). */
    public static boolean isScalar(SdkField<?> field) {
        MarshallingKnownType t = field.marshallingType().getKnownType();
        return t != MarshallingKnownType.SDK_POJO && t != MarshallingKnownType.LIST
                && t != MarshallingKnownType.MAP && t != MarshallingKnownType.DOCUMENT;
    }

    /**
     * Parses wire text into the field's Java type.
     *
     * @throws InvalidValueException when the text is not of the field's type
     */
    public static Object parse(SdkField<?> field, String text, Format defaultTimestampFormat) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        try {
            switch (type) {
                case STRING:
                    return text;
                case INTEGER:
                    return Integer.valueOf(text.trim());
                case LONG:
                    return Long.valueOf(text.trim());
                case SHORT:
                    return Short.valueOf(text.trim());
                case BYTE:
                    return Byte.valueOf(text.trim());
                case FLOAT:
                    return Float.valueOf(text.trim());
                case DOUBLE:
                    return Double.valueOf(text.trim());
                case BIG_DECIMAL:
                    return new BigDecimal(text.trim());
                case BOOLEAN:
                    String b = text.trim().toLowerCase(Locale.ROOT);
                    if (!b.equals("true") && !b.equals("false")) {
                        throw new InvalidValueException(text, "boolean");
                    }
                    return Boolean.valueOf(b);
                case INSTANT:
                    return parseInstant(text.trim(), timestampFormat(field, defaultTimestampFormat));
                case SDK_BYTES:
                    return SdkBytes.fromByteArray(Base64.getDecoder().decode(text.trim()));
                default:
                    throw new IllegalArgumentException("Not a scalar: " + type);
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new InvalidValueException(text, type.name().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            if (type == MarshallingKnownType.SDK_BYTES) {
                throw new InvalidValueException(text, "base64 blob");
            }
            throw e;
        }
    }

    /** Formats a scalar for the wire. */
    public static String format(SdkField<?> field, Object value, Format defaultTimestampFormat) {
        if (value instanceof Instant instant) {
            return formatInstant(instant, timestampFormat(field, defaultTimestampFormat));
        }
        if (value instanceof SdkBytes bytes) {
            return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
        }
        if (value instanceof Float f) { // via the float's own shortest text: 0.1f, not 0.10000000149011612
            return new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(value);
    }

    public static Format timestampFormat(SdkField<?> field, Format defaultFormat) {
        return field.getOptionalTrait(TimestampFormatTrait.class).map(TimestampFormatTrait::format).orElse(defaultFormat);
    }

    public static Instant parseInstant(String text, Format format) {
        if (format == Format.UNIX_TIMESTAMP || format == Format.UNIX_TIMESTAMP_MILLIS || isNumber(text)) {
            BigDecimal n = new BigDecimal(text);
            if (format == Format.UNIX_TIMESTAMP_MILLIS) {
                return Instant.ofEpochMilli(n.longValue());
            }
            return Instant.ofEpochMilli(n.movePointRight(3).longValue());
        }
        if (format == Format.RFC_822 || Character.isLetter(text.charAt(0))) {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return ZonedDateTime.parse(text, DateTimeFormatter.ISO_DATE_TIME).toInstant();
            } catch (DateTimeParseException e2) {
                return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            }
        }
    }

    public static String formatInstant(Instant instant, Format format) {
        switch (format) {
            case RFC_822:
                return io.cloudjar.core.util.HttpDates.format(instant);
            case UNIX_TIMESTAMP:
                return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3).stripTrailingZeros().toPlainString();
            case UNIX_TIMESTAMP_MILLIS:
                return Long.toString(instant.toEpochMilli());
            default:
                return ISO_MILLIS.format(instant);
        }
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && (Character.isDigit(text.charAt(0)) || text.charAt(0) == '-')
                && text.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '-' || c == 'E' || c == 'e')
                && text.indexOf('-', 1) < 0;
    }

    /** A wire value that is not of the member's type; the codec reports it in the API's own error shape. */
    public static final class InvalidValueException extends RuntimeException {
        private final String value;
        private final String expectedType;

        public InvalidValueException(String value, String expectedType) {
            super("Invalid " + expectedType + " value '" + value + "'", null, false, false);
            this.value = value;
            this.expectedType = expectedType;
        }

        public String value() {
            return value;
        }

        public String expectedType() {
            return expectedType;
        }
    }

    /** Unset collections of the SDK are auto-constructed empty ones: they were never set, so skip them. */
    public static boolean isPresent(Object value) {
        return value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap);
    }
}
