package io.cloudjar.core.protocol;

import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.model.OperationModel;
import io.cloudjar.core.spi.StreamingPayload;
import java.util.Map;

/**
 * One AWS wire protocol, generic over every operation: finds the operation a request calls, decodes the
 * request into the SDK request object, encodes the SDK response or an AWS error in the protocol's shape.
 */
public interface ProtocolCodec {
    /** Which operation of {@code ctx.api()} the request calls. */
    ResolvedOperation resolve(CodecContext ctx);

    /** The SDK request object for {@code ctx.operation()} (and the streaming body, for S3 uploads). */
    DecodedInput decode(CodecContext ctx);

    /** The HTTP response for an SDK response object (or a {@link io.cloudjar.core.spi.Reply} of one). */
    OutgoingResponse encode(CodecContext ctx, Object output);

    OutgoingResponse encodeError(CodecContext ctx, AwsException error);

    record ResolvedOperation(OperationModel operation, Map<String, String> pathLabels) {
        public ResolvedOperation(OperationModel operation) {
            this(operation, Map.of());
        }
    }

    record DecodedInput(Object input, StreamingPayload payload) {
        public DecodedInput(Object input) {
            this(input, null);
        }
    }
}
