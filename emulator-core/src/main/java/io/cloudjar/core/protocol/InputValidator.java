package io.cloudjar.core.protocol;

import io.cloudjar.core.model.ApiModel;
import io.cloudjar.core.model.Protocol;
import io.cloudjar.core.model.ShapeFacts.MemberConstraints;
import io.cloudjar.core.model.ShapeFacts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;

/**
 * Checks a decoded request against the AWS model's constraints: required members, enums, lengths,
 * ranges and patterns, recursing into nested structures. One validator for every API; how a violation
 * is reported is the API's business ({@link ValidationErrors}).
 */
public final class InputValidator {
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final Pattern UNUSABLE = Pattern.compile("");

    private final ApiModel api;
    private final boolean requiredOnly;

    public InputValidator(ApiModel api, boolean requiredOnly) {
        this.api = api;
        this.requiredOnly = requiredOnly;
    }

    public List<Violation> validate(SdkPojo request) {
        List<Violation> violations = new ArrayList<>();
        check(request, FieldPath.root(), "", violations);
        return violations;
    }

    private void check(SdkPojo pojo, FieldPath path, String wirePrefix, List<Violation> out) {
        ShapeFacts facts = api.shape(pojo.getClass());
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            boolean present = WireValues.isPresent(value);
            // the member's path and wire name are made only when reported or recursed into: most members of most
            // calls (a PutObject has about fifty) are absent or fine, and naming each cost more than checking it
            if (!present) {
                if (facts.required().contains(field.memberName())) {
                    out.add(new Violation(Violation.Kind.MISSING, path.child(field.memberName()).toString(),
                            wirePrefix + field.locationName(), null, "Member must not be null"));
                }
                continue;
            }
            MemberConstraints constraints = facts.member(field.memberName());
            if (constraints != null && !requiredOnly) {
                int before = out.size();
                checkConstraints(value, constraints, out);
                for (int i = before; i < out.size(); i++) {
                    out.set(i, out.get(i).at(path.child(field.memberName()).toString(), wirePrefix + field.locationName()));
                }
            }
            if (nested(field)) {
                recurse(field, value, path.child(field.memberName()), wirePrefix + field.locationName(), out);
            }
        }
    }

    /** Whether a member holds structures to check: a structure, or a list of them. */
    private static boolean nested(SdkField<?> field) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        return type == MarshallingKnownType.SDK_POJO || type == MarshallingKnownType.LIST
                && field.getRequiredTrait(ListTrait.class).memberFieldInfo().marshallingType().getKnownType()
                == MarshallingKnownType.SDK_POJO;
    }

    private void recurse(SdkField<?> field, Object value, FieldPath path, String wireName, List<Violation> out) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        if (type == MarshallingKnownType.SDK_POJO) {
            check((SdkPojo) value, path, wireName + ".", out);
        } else if (type == MarshallingKnownType.LIST
                && field.getRequiredTrait(ListTrait.class).memberFieldInfo().marshallingType().getKnownType()
                == MarshallingKnownType.SDK_POJO) {
            int i = 1;
            for (Object item : (List<?>) value) {
                if (item instanceof SdkPojo nested) {
                    // EC2 names parameters as sent; the other APIs' messages say "tags.1.member.key"
                    FieldPath itemPath = api.metadata().protocol() == Protocol.EC2 ? path.index(i) : path.member(i);
                    check(nested, itemPath, wireName + "." + i + ".", out);
                }
                i++;
            }
        }
    }

    /** Adds the value's violations, unnamed ({@link Violation#at} names them). */
    private static void checkConstraints(Object value, MemberConstraints c, List<Violation> out) {
        if (value instanceof String s) {
            if (c.enumValues() != null && !c.enumValues().contains(s)) {
                out.add(invalid(s, "Member must satisfy enum value set: " + c.enumValues()));
                return;
            }
            int length = s.codePointCount(0, s.length());
            if (c.min() != null && length < c.min()) {
                out.add(invalid(s, "Member must have length greater than or equal to " + c.min()));
            }
            if (c.max() != null && length > c.max()) {
                out.add(invalid(s, "Member must have length less than or equal to " + c.max()));
            }
            Pattern pattern = c.pattern() == null ? null : pattern(c.pattern());
            if (pattern != null && pattern != UNUSABLE && !pattern.matcher(s).matches()) {
                out.add(invalid(s, "Member must satisfy regular expression pattern: " + c.pattern()));
            }
        } else if (value instanceof Number n && !(value instanceof Float) && !(value instanceof Double)) {
            if (c.min() != null && n.longValue() < c.min()) {
                out.add(invalid(String.valueOf(value), "Member must have value greater than or equal to " + c.min()));
            }
            if (c.max() != null && n.longValue() > c.max()) {
                out.add(invalid(String.valueOf(value), "Member must have value less than or equal to " + c.max()));
            }
        } else if (value instanceof Collection<?> list) {
            if (c.min() != null && list.size() < c.min()) {
                out.add(invalid(String.valueOf(value), "Member must have length greater than or equal to " + c.min()));
            }
            if (c.max() != null && list.size() > c.max()) {
                out.add(invalid(String.valueOf(value), "Member must have length less than or equal to " + c.max()));
            }
            if (c.itemEnumValues() != null) {
                for (Object item : list) {
                    if (!c.itemEnumValues().contains(String.valueOf(item))) {
                        out.add(invalid(String.valueOf(value), "Member must satisfy constraint: [Member must satisfy enum value set: "
                                + c.itemEnumValues() + "]"));
                        break;
                    }
                }
            }
        }
    }

    private static Violation invalid(String value, String constraint) {
        return new Violation(Violation.Kind.INVALID, null, null, value, constraint);
    }

    /** AWS patterns are mostly Java-compatible; one that is not is skipped rather than failing calls. */
    private static Pattern pattern(String regex) {
        return PATTERNS.computeIfAbsent(regex, r -> {
            try {
                return Pattern.compile(r, Pattern.DOTALL);
            } catch (PatternSyntaxException e) {
                return UNUSABLE;
            }
        });
    }
}
