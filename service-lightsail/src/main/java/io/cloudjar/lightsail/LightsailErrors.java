package io.cloudjar.lightsail;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * Every Lightsail error Cloudjar answers, in one place. Lightsail's error shapes carry {@code code}, {@code docs},
 * {@code message} and {@code tip} beside {@code __type}; the codes are the model's, so their status (400) comes
 * from it. Messages follow AWS's wording where it is known ("Some names are already in use: ...", "The Instance
 * does not exist: ..."); the rest say plainly what was wrong.
 */
final class LightsailErrors {
    static final String DOCS = "https://docs.aws.amazon.com/lightsail/2016-11-28/api-reference";

    private LightsailErrors() {
    }

    /** A resource named in the call that this account and region do not have. */
    static AwsException notFound(ResourceType type, String name) {
        return notFound("The %s does not exist: %s", type, name);
    }

    static AwsException notFound(String message, Object... args) {
        return shaped("NotFoundException", "DoesNotExist", message, args);
    }

    /** The input is well formed but not acceptable: an unknown bundle, a name in use, a port range upside down. */
    static AwsException invalidInput(String message, Object... args) {
        return shaped("InvalidInputException", null, message, args);
    }

    /** Names already taken by resources of the region, whatever their type, as AWS words it. */
    static AwsException namesInUse(java.util.Collection<String> names) {
        return invalidInput("Some names are already in use: %s", String.join(", ", names));
    }

    /** The resource is in a state that does not allow the change (stopping a stopped instance, deleting an attached disk). */
    static AwsException operationFailure(String message, Object... args) {
        return shaped("OperationFailureException", null, message, args);
    }

    /** Refused by Lightsail itself rather than by IAM (IAM's denials are worded by the pipeline). */
    static AwsException accessDenied(String message, Object... args) {
        return shaped("AccessDeniedException", null, message, args);
    }

    /** A call this region does not answer, as domain calls outside us-east-1 (code UnsupportedOperation). */
    static AwsException unsupported(String message, Object... args) {
        return shaped("InvalidInputException", "UnsupportedOperation", message, args);
    }

    /** A page token Lightsail did not issue. */
    static AwsException badPageToken(String token) {
        return invalidInput("The page token '%s' is not valid.", token);
    }

    private static AwsException shaped(String type, String code, String message, Object... args) {
        AwsException error = AwsErrors.modeled(type, message, args).withDetail("docs", DOCS);
        return code == null ? error : error.withDetail("code", code);
    }
}
