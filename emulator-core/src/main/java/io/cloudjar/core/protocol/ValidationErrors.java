package io.cloudjar.core.protocol;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.model.ApiMetadata;
import io.cloudjar.core.model.Protocol;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How each API words a request that breaks its model. IAM, STS and the JSON APIs use the "N validation
 * errors detected" message; EC2 and RDS name the parameter ({@code MissingParameter},
 * {@code InvalidParameterValue}).
 */
public final class ValidationErrors {
    private ValidationErrors() {
    }

    public static AwsException of(ApiMetadata api, List<Violation> violations) {
        Violation first = violations.get(0);
        boolean ec2Style = api.protocol() == Protocol.EC2 || "rds".equals(api.api());
        if (ec2Style) {
            if (first.kind() == Violation.Kind.MISSING) {
                return AwsErrors.of("MissingParameter", 400, "The request must contain the parameter %s", first.wireName());
            }
            // EC2 does not recite enum value sets (InstanceType has ~1,000 values); it names the value and parameter
            String detail = first.constraint().contains("enum value set") ? "" : " " + first.constraint();
            return AwsErrors.of("InvalidParameterValue", 400, "Value (%s) for parameter %s is invalid.%s",
                    first.value(), first.path(), detail);
        }
        if (api.protocol() == Protocol.REST_XML) {
            return AwsErrors.of(first.kind() == Violation.Kind.MISSING ? "MissingParameter" : "InvalidArgument", 400,
                    first.kind() == Violation.Kind.MISSING ? "The request must contain the parameter %s" : "Invalid value for %s",
                    first.wireName());
        }
        String detail = violations.stream()
                .map(v -> "Value " + (v.value() == null ? "null" : "'" + v.value() + "'") + " at '" + v.path()
                        + "' failed to satisfy constraint: " + v.constraint())
                .collect(Collectors.joining("; "));
        int n = violations.size();
        return AwsErrors.of(api.validationError(), 400, "%d validation error%s detected: %s", n, n == 1 ? "" : "s", detail);
    }

    /** A wire value of the wrong type (text where a number belongs, an unparsable timestamp). */
    public static AwsException invalidValue(ApiMetadata api, FieldPath.InvalidMemberValueException e) {
        if (api.protocol() == Protocol.JSON) {
            return AwsErrors.of("SerializationException", 400, "Value '%s' at '%s' cannot be converted to %s",
                    e.value(), e.path(), e.expectedType());
        }
        return of(api, List.of(new Violation(Violation.Kind.INVALID, e.path().toString(), e.path().toString(), e.value(),
                "Member must be a valid " + e.expectedType())));
    }
}
