package io.cloudjar.core.auth;

import io.cloudjar.core.model.ModelClasses;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;

/**
 * A text with placeholders, parsed once: {@code arn:aws:ec2:{region}:{account}:vpc/{VpcId}}. A placeholder is
 * <ul>
 *   <li>{@code {account}}, {@code {region}}, {@code {partition}}: the call's; {@code {caller}}: the caller's ARN;</li>
 *   <li>{@code {Member}} or {@code {Member.Member}}: an input member by its model name; a list gives one value per
 *       item, so a template can render to several texts (every combination of its placeholders' values);</li>
 *   <li>{@code {resolver(Member)}}: the member's value looked up by a service's {@link RuleResolver};</li>
 *   <li>any of these with {@code |default}: the template used when the member is absent ({@code {SubnetId|*}},
 *       {@code {userArn(UserName)|{caller}}}).</li>
 * </ul>
 * A placeholder without a value and without a default makes the template render to nothing.
 */
public final class RuleTemplate {
    /** The call's values; a member of one of these names cannot be named in a template. */
    private static final List<String> SCOPE_VARIABLES = List.of("account", "region", "partition", "caller");

    private final String text;
    private final List<Object> parts; // String literals and Placeholders

    private record Placeholder(String scopeVariable, String resolver, List<String> path, RuleTemplate fallback) {
    }

    private RuleTemplate(String text, List<Object> parts) {
        this.text = text;
        this.parts = parts;
    }

    static RuleTemplate parse(String text) {
        List<Object> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            if (open < 0) {
                parts.add(text.substring(i));
                break;
            }
            int close = closing(text, open);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed { in " + text);
            }
            if (open > i) {
                parts.add(text.substring(i, open));
            }
            parts.add(placeholder(text.substring(open + 1, close), text));
            i = close + 1;
        }
        return new RuleTemplate(text, List.copyOf(parts));
    }

    /** The index of the brace that closes the one at {@code open} (a default may hold a placeholder), or -1. */
    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static Placeholder placeholder(String body, String text) {
        RuleTemplate fallback = null;
        int bar = body.indexOf('|');
        if (bar >= 0) {
            fallback = parse(body.substring(bar + 1));
            body = body.substring(0, bar);
        }
        String resolver = null;
        int paren = body.indexOf('(');
        if (paren >= 0) {
            if (!body.endsWith(")")) {
                throw new IllegalArgumentException("unclosed ( in " + text);
            }
            resolver = body.substring(0, paren);
            body = body.substring(paren + 1, body.length() - 1);
        }
        if (body.isEmpty()) {
            throw new IllegalArgumentException("empty placeholder in " + text);
        }
        if (resolver == null && SCOPE_VARIABLES.contains(body)) {
            return new Placeholder(body, null, List.of(), fallback);
        }
        return new Placeholder(null, resolver, List.of(body.split("\\.")), fallback);
    }

    String text() {
        return text;
    }

    /** Whether the template is one placeholder and nothing else (its values may be structures, such as tags). */
    boolean isSinglePlaceholder() {
        return parts.size() == 1 && parts.get(0) instanceof Placeholder;
    }

    /** Every text the template renders to; empty when a placeholder has no value. */
    List<String> render(SdkPojo input, RuleScope scope, Map<String, RuleResolver> resolvers) {
        List<String> out = new ArrayList<>();
        out.add("");
        for (Object part : parts) {
            if (part instanceof String literal) {
                out.replaceAll(s -> s + literal);
                continue;
            }
            List<Object> values = values((Placeholder) part, input, scope, resolvers);
            if (values.isEmpty()) {
                return List.of();
            }
            List<String> next = new ArrayList<>(out.size() * values.size());
            for (String prefix : out) {
                for (Object value : values) {
                    next.add(prefix + value);
                }
            }
            out = next;
        }
        return out;
    }

    /** The values of a single-placeholder template as they are in the input: texts, numbers or structures. */
    List<Object> rawValues(SdkPojo input, RuleScope scope, Map<String, RuleResolver> resolvers) {
        return values((Placeholder) parts.get(0), input, scope, resolvers);
    }

    private static List<Object> values(Placeholder p, SdkPojo input, RuleScope scope, Map<String, RuleResolver> resolvers) {
        List<Object> values = new ArrayList<>();
        if (p.scopeVariable() != null) {
            String value = switch (p.scopeVariable()) {
                case "account" -> scope.account();
                case "region" -> scope.region();
                case "caller" -> scope.caller();
                default -> scope.partition();
            };
            if (value != null) {
                values.add(value);
            }
            return values;
        }
        collect(input, p.path(), 0, values);
        if (p.resolver() != null) {
            RuleResolver resolver = resolvers.get(p.resolver());
            List<Object> resolved = new ArrayList<>();
            for (Object value : values) {
                if (resolver != null) {
                    resolved.addAll(resolver.resolve(String.valueOf(value), scope));
                }
            }
            values = resolved;
        }
        if (values.isEmpty() && p.fallback() != null) {
            values.addAll(p.fallback().render(input, scope, resolvers));
        }
        return values;
    }

    private static void collect(Object node, List<String> path, int step, List<Object> into) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            items.forEach(item -> collect(item, path, step, into));
            return;
        }
        if (step == path.size()) {
            if (!(node instanceof String s && s.isEmpty())) {
                into.add(node);
            }
            return;
        }
        if (node instanceof SdkPojo pojo) {
            collect(ModelClasses.member(pojo, path.get(step)), path, step + 1, into);
        }
    }

    /**
     * What is wrong with the template for an input shape (a member it names that the shape lacks, a resolver
     * nobody registered), or null when nothing is.
     */
    String problem(SdkPojo inputBuilder, Collection<String> resolverNames) {
        for (Object part : parts) {
            if (!(part instanceof Placeholder p)) {
                continue;
            }
            if (p.fallback() != null && p.fallback().problem(inputBuilder, resolverNames) != null) {
                return p.fallback().problem(inputBuilder, resolverNames);
            }
            if (p.scopeVariable() != null) {
                continue;
            }
            if (p.resolver() != null && !resolverNames.contains(p.resolver())) {
                return "no service registers the resolver " + p.resolver() + "()";
            }
            List<SdkField<?>> fields = inputBuilder.sdkFields();
            for (String step : p.path()) {
                SdkField<?> field = fields == null ? null : fields.stream()
                        .filter(f -> f.memberName().equals(step)).findFirst().orElse(null);
                if (field == null) {
                    return "the input has no member " + String.join(".", p.path());
                }
                fields = nestedFields(field);
            }
        }
        return null;
    }

    /** The members of a structure member, or of a list's structure items; null for a scalar. */
    private static List<SdkField<?>> nestedFields(SdkField<?> field) {
        SdkField<?> item = field;
        ListTrait list = field.getOptionalTrait(ListTrait.class).orElse(null);
        if (list != null) {
            item = list.memberFieldInfo();
        }
        Supplier<SdkPojo> constructor = item.constructor();
        return constructor == null ? null : constructor.get().sdkFields();
    }

    @Override
    public String toString() {
        return text;
    }
}
