package io.cloudjar.iam.policy;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * IAM's condition operators: String*, Numeric*, Date*, Bool, BinaryEquals, IpAddress/NotIpAddress, Arn*,
 * Null, each with {@code …IfExists} and the {@code ForAllValues:}/{@code ForAnyValue:} set qualifiers.
 * A negated operator (StringNotEquals, NotIpAddress, ...) holds when no policy value matches, and holds for
 * a missing key, as AWS documents; IfExists operators hold for a missing key.
 */
public final class ConditionOperators {
    private ConditionOperators() {
    }

    /** A parsed operator name, e.g. {@code ForAnyValue:StringLikeIfExists}. */
    public record Operator(Qualifier qualifier, Base base, boolean ifExists) {
    }

    public enum Qualifier { SINGLE, FOR_ALL_VALUES, FOR_ANY_VALUE }

    /** The base comparisons; {@code negated} ones hold when the positive comparison matches no policy value. */
    public enum Base {
        STRING_EQUALS(false), STRING_NOT_EQUALS(true), STRING_EQUALS_IGNORE_CASE(false),
        STRING_NOT_EQUALS_IGNORE_CASE(true), STRING_LIKE(false), STRING_NOT_LIKE(true),
        NUMERIC_EQUALS(false), NUMERIC_NOT_EQUALS(true), NUMERIC_LESS_THAN(false), NUMERIC_LESS_THAN_EQUALS(false),
        NUMERIC_GREATER_THAN(false), NUMERIC_GREATER_THAN_EQUALS(false),
        DATE_EQUALS(false), DATE_NOT_EQUALS(true), DATE_LESS_THAN(false), DATE_LESS_THAN_EQUALS(false),
        DATE_GREATER_THAN(false), DATE_GREATER_THAN_EQUALS(false),
        BOOL(false), BINARY_EQUALS(false), IP_ADDRESS(false), NOT_IP_ADDRESS(true),
        ARN_EQUALS(false), ARN_LIKE(false), ARN_NOT_EQUALS(true), ARN_NOT_LIKE(true), NULL(false);

        final boolean negated;

        Base(boolean negated) {
            this.negated = negated;
        }

        /** {@code STRING_NOT_EQUALS_IGNORE_CASE} → {@code StringNotEqualsIgnoreCase}. */
        String policyName() {
            StringBuilder sb = new StringBuilder();
            for (String part : name().split("_")) {
                sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
            }
            return sb.toString();
        }
    }

    /** The operator named in a policy, or null when IAM does not know it. */
    public static Operator parse(String name) {
        Qualifier qualifier = Qualifier.SINGLE;
        String rest = name;
        if (rest.startsWith("ForAllValues:")) {
            qualifier = Qualifier.FOR_ALL_VALUES;
            rest = rest.substring("ForAllValues:".length());
        } else if (rest.startsWith("ForAnyValue:")) {
            qualifier = Qualifier.FOR_ANY_VALUE;
            rest = rest.substring("ForAnyValue:".length());
        }
        boolean ifExists = rest.endsWith("IfExists");
        if (ifExists) {
            rest = rest.substring(0, rest.length() - "IfExists".length());
        }
        for (Base base : Base.values()) {
            if (base.policyName().equals(rest)) {
                if (base == Base.NULL && (ifExists || qualifier != Qualifier.SINGLE)) {
                    return null;
                }
                return new Operator(qualifier, base, ifExists);
            }
        }
        return null;
    }

    /**
     * Whether the condition holds.
     *
     * @param requestValues the context key's values, or null when the request lacks the key
     * @param policyValues  the condition's values, variables already substituted
     */
    public static boolean holds(Operator op, List<String> requestValues, List<String> policyValues) {
        if (op.base() == Base.NULL) {
            boolean absent = requestValues == null || requestValues.isEmpty();
            return policyValues.stream().anyMatch(v -> Boolean.parseBoolean(v) == absent);
        }
        boolean missing = requestValues == null || requestValues.isEmpty();
        if (missing) {
            return switch (op.qualifier()) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> false;
                case SINGLE -> op.ifExists() || op.base().negated;
            };
        }
        return switch (op.qualifier()) {
            case FOR_ALL_VALUES -> requestValues.stream().allMatch(v -> holdsForOne(op.base(), v, policyValues));
            case FOR_ANY_VALUE -> requestValues.stream().anyMatch(v -> holdsForOne(op.base(), v, policyValues));
            case SINGLE -> op.base().negated
                    ? requestValues.stream().allMatch(v -> holdsForOne(op.base(), v, policyValues))
                    : requestValues.stream().anyMatch(v -> holdsForOne(op.base(), v, policyValues));
        };
    }

    /** One request value against the policy values: any match (OR), or for negated operators none (NOR). */
    private static boolean holdsForOne(Base base, String value, List<String> policyValues) {
        boolean anyMatch = policyValues.stream().anyMatch(p -> compare(base, value, p));
        return base.negated != anyMatch;
    }

    /** The positive comparison behind {@code base}. */
    private static boolean compare(Base base, String value, String pattern) {
        String policy = Wildcards.literal(pattern);
        return switch (base) {
            case STRING_EQUALS, STRING_NOT_EQUALS -> value.equals(policy);
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> value.equalsIgnoreCase(policy);
            case STRING_LIKE, STRING_NOT_LIKE -> Wildcards.matches(pattern, value, false);
            case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS -> order(numeric(value, policy), c -> c == 0);
            case NUMERIC_LESS_THAN -> order(numeric(value, policy), c -> c < 0);
            case NUMERIC_LESS_THAN_EQUALS -> order(numeric(value, policy), c -> c <= 0);
            case NUMERIC_GREATER_THAN -> order(numeric(value, policy), c -> c > 0);
            case NUMERIC_GREATER_THAN_EQUALS -> order(numeric(value, policy), c -> c >= 0);
            case DATE_EQUALS, DATE_NOT_EQUALS -> order(date(value, policy), c -> c == 0);
            case DATE_LESS_THAN -> order(date(value, policy), c -> c < 0);
            case DATE_LESS_THAN_EQUALS -> order(date(value, policy), c -> c <= 0);
            case DATE_GREATER_THAN -> order(date(value, policy), c -> c > 0);
            case DATE_GREATER_THAN_EQUALS -> order(date(value, policy), c -> c >= 0);
            case BOOL -> value.equalsIgnoreCase(policy);
            case BINARY_EQUALS -> value.equals(policy);
            case IP_ADDRESS, NOT_IP_ADDRESS -> inCidr(value, policy);
            case ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE -> Wildcards.arnMatches(pattern, value);
            case NULL -> throw new IllegalStateException("Null is decided by presence");
        };
    }

    /** An unparsable value (null order) never matches. */
    private static boolean order(Integer comparison, java.util.function.IntPredicate test) {
        return comparison != null && test.test(comparison);
    }

    private static Integer numeric(String value, String policy) {
        try {
            return new BigDecimal(value.trim()).compareTo(new BigDecimal(policy.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer date(String value, String policy) {
        Instant a = instant(value);
        Instant b = instant(policy);
        return a == null || b == null ? null : a.compareTo(b);
    }

    /** ISO 8601 date-times, plain dates, or epoch seconds, as IAM accepts them. */
    static Instant instant(String text) {
        String s = text.trim();
        try {
            if (s.matches("-?\\d+")) {
                return Instant.ofEpochSecond(Long.parseLong(s));
            }
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** Whether an IP address lies in a CIDR block (a bare address means /32 or /128). */
    static boolean inCidr(String address, String cidr) {
        try {
            String[] parts = cidr.trim().split("/", 2);
            byte[] network = ipBytes(parts[0]);
            byte[] ip = ipBytes(address.trim());
            if (network == null || ip == null || network.length != ip.length) {
                return false;
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (bits < 0 || bits > network.length * 8) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((network[i / 8] & mask) != (ip[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Literal IPv4/IPv6 only: never a DNS lookup. */
    private static byte[] ipBytes(String text) {
        boolean ipv4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = text.contains(":") && text.matches("[0-9a-fA-F:.]+");
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }
}
