package io.cloudjar.core.support;

import io.cloudjar.core.errors.AwsErrors;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * AWS Describe* filters: values of one filter are alternatives, several filters must all match, values
 * may use {@code *} and {@code ?} wildcards; {@code tag:<key>}, {@code tag-key} and {@code tag-value} work on
 * every resource that has tags. Each Describe call declares its filter names; others are rejected as AWS does.
 *
 * @param <T> the resource type
 */
public final class Filters<T> {
    private final Map<String, Function<T, Collection<String>>> attributes = new LinkedHashMap<>();
    private Function<T, Map<String, String>> tags;

    /** A filter name and the resource values it compares against. */
    public Filters<T> on(String name, Function<T, Collection<String>> values) {
        attributes.put(name, values);
        return this;
    }

    /** A filter on one value; null values never match. */
    public Filters<T> onValue(String name, Function<T, ?> value) {
        return on(name, t -> {
            Object v = value.apply(t);
            return v == null ? List.of() : List.of(String.valueOf(v));
        });
    }

    public Filters<T> withTags(Function<T, Map<String, String>> tagsOf) {
        this.tags = tagsOf;
        return this;
    }

    /** True when {@code item} satisfies every filter. */
    public boolean matches(T item, List<Filter> filters) {
        for (Filter filter : filters) {
            if (!matches(item, filter)) {
                return false;
            }
        }
        return true;
    }

    /** Rejects unknown filter names before any item is looked at. */
    public void validate(List<Filter> filters) {
        for (Filter filter : filters) {
            String name = filter.name();
            if (name == null) {
                throw AwsErrors.badRequest("InvalidParameterValue", "The filter 'null' is invalid");
            }
            boolean tagFilter = tags != null && (name.startsWith("tag:") || name.equals("tag-key") || name.equals("tag-value"));
            if (!tagFilter && !attributes.containsKey(name)) {
                throw AwsErrors.badRequest("InvalidParameterValue", "The filter '%s' is invalid", name);
            }
        }
    }

    private boolean matches(T item, Filter filter) {
        String name = filter.name();
        if (tags != null && name.startsWith("tag:")) {
            String value = tags.apply(item).get(name.substring(4));
            return value != null && anyMatch(List.of(value), filter.values());
        }
        if (tags != null && name.equals("tag-key")) {
            return anyMatch(tags.apply(item).keySet(), filter.values());
        }
        if (tags != null && name.equals("tag-value")) {
            return anyMatch(tags.apply(item).values(), filter.values());
        }
        return anyMatch(attributes.get(name).apply(item), filter.values());
    }

    private static boolean anyMatch(Collection<String> actual, List<String> wanted) {
        for (String pattern : wanted) {
            for (String value : actual) {
                if (value != null && wildcard(pattern, value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code *} matches any run of characters and {@code ?} any one, as in AWS filters; a backslash makes the
     * next character literal, so {@code \*amazon\?\\} matches the text {@code *amazon?\}.
     */
    public static boolean wildcard(String pattern, String value) {
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0 && pattern.indexOf('\\') < 0) {
            return pattern.equals(value);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
    }

    /** A service-neutral filter, converted from the SDK's per-service {@code Filter} class. */
    public record Filter(String name, List<String> values) {
        public Filter {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }
}
