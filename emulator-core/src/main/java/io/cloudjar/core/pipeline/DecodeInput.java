package io.cloudjar.core.pipeline;

import io.cloudjar.core.model.Protocol;
import io.cloudjar.core.protocol.FieldPath;
import io.cloudjar.core.protocol.InputValidator;
import io.cloudjar.core.protocol.ProtocolCodec.DecodedInput;
import io.cloudjar.core.protocol.ValidationErrors;
import io.cloudjar.core.protocol.Violation;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The SDK request object, decoded by the protocol's codec and checked against the model's constraints
 * (required members, enums, lengths, patterns). S3 checks only required members: its providers answer
 * bad values with S3's specific errors.
 */
final class DecodeInput implements Stage {
    @Override
    public void apply(RequestContext ctx) {
        DecodedInput decoded;
        try {
            decoded = Codecs.of(ctx.apiMetadata().protocol()).decode(ctx);
        } catch (FieldPath.InvalidMemberValueException e) {
            throw ValidationErrors.invalidValue(ctx.apiMetadata(), e);
        }
        boolean requiredOnly = ctx.apiMetadata().protocol() == Protocol.REST_XML;
        List<Violation> violations = new InputValidator(ctx.api(), requiredOnly).validate((SdkPojo) decoded.input());
        if (!violations.isEmpty()) {
            throw ValidationErrors.of(ctx.apiMetadata(), violations);
        }
        ctx.input(decoded.input());
        ctx.payload(decoded.payload());
    }
}
