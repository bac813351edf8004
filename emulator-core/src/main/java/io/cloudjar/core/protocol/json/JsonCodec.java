package io.cloudjar.core.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.http.Headers;
import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.http.ResponseBody;
import io.cloudjar.core.model.ModelClasses;
import io.cloudjar.core.model.OperationModel;
import io.cloudjar.core.protocol.CodecContext;
import io.cloudjar.core.protocol.FieldPath;
import io.cloudjar.core.protocol.ProtocolCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.core.SdkPojo;

/**
 * AWS JSON 1.1 (Lightsail): the operation from {@code X-Amz-Target: Prefix.Operation}, JSON bodies,
 * timestamps as epoch seconds, errors as {@code {"__type": "...", "message": "..."}}.
 */
public final class JsonCodec implements ProtocolCodec {
    /** Request documents nest a few levels; a document member may nest deeper, but not without end. */
    static final int MAX_DEPTH = 64;
    /** Tokens of one body (each value, name and bracket): bounds the tree a body may become, beside its bytes. */
    static final long MAX_TOKENS = 500_000;

    /**
     * Strict like AWS: a document followed by more text ({@code {...}}}) is not a request body. Reading stops with a
     * {@link StreamConstraintsException} (a SerializationException to the client)
     * past {@link #MAX_DEPTH} or {@link #MAX_TOKENS}.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxTokenCount(MAX_TOKENS).build())
            .build())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int BODY_LIMIT = 16 * 1024 * 1024;

    @Override
    public ResolvedOperation resolve(CodecContext ctx) {
        String target = ctx.request().header("X-Amz-Target");
        String prefix = ctx.apiMetadata().targetPrefix() + ".";
        if (target == null || !target.startsWith(prefix)) {
            throw unknownOperation();
        }
        OperationModel op = ctx.api().operation(target.substring(prefix.length()));
        if (op == null) {
            throw unknownOperation();
        }
        return new ResolvedOperation(op);
    }

    private static AwsException unknownOperation() {
        return AwsErrors.of("UnknownOperationException", 400, "The requested operation is not recognized by the service.");
    }

    @Override
    public DecodedInput decode(CodecContext ctx) {
        JsonNode body;
        try {
            byte[] bytes = ctx.request().body().bytes(BODY_LIMIT);
            body = bytes.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw AwsErrors.of("SerializationException", 400, "The request body nests too deeply or has too many values.");
        } catch (JsonProcessingException e) {
            throw AwsErrors.of("SerializationException", 400, "Start of structure or map found where not expected.");
        } catch (IOException e) {
            throw AwsErrors.of("SerializationException", 400, "The request body could not be read.");
        }
        if (body == null || body.isMissingNode() || !body.isObject()) {
            throw AwsErrors.of("SerializationException", 400, "Start of structure or map expected.");
        }
        SdkPojo builder = ctx.operation().newInputBuilder();
        JsonShapeReader.readMembers(body, builder, FieldPath.root());
        return new DecodedInput(ModelClasses.build(builder));
    }

    @Override
    public OutgoingResponse encode(CodecContext ctx, Object output) {
        byte[] json = write(gen -> new JsonShapeWriter(gen).writeObject((SdkPojo) output));
        return response(200, ctx, json);
    }

    @Override
    public OutgoingResponse encodeError(CodecContext ctx, AwsException error) {
        byte[] json = write(gen -> {
            gen.writeStartObject();
            gen.writeStringField("__type", error.code());
            gen.writeStringField("message", error.getMessage());
            for (var detail : error.details().entrySet()) {
                gen.writeStringField(detail.getKey(), detail.getValue());
            }
            gen.writeEndObject();
        });
        OutgoingResponse response = response(error.status(), ctx, json);
        response.headers().set("x-amzn-ErrorType", error.code());
        return response;
    }

    private static OutgoingResponse response(int status, CodecContext ctx, byte[] json) {
        Headers headers = new Headers();
        headers.set("Content-Type", "application/x-amz-json-" + (ctx.apiMetadata().jsonVersion() == null ? "1.1"
                : ctx.apiMetadata().jsonVersion()));
        headers.set("x-amzn-RequestId", ctx.requestId());
        return new OutgoingResponse(status, headers, ResponseBody.of(json));
    }

    @FunctionalInterface
    private interface JsonBody {
        void write(JsonGenerator gen) throws IOException;
    }

    private static byte[] write(JsonBody body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator gen = MAPPER.getFactory().createGenerator(bytes)) {
            body.write(gen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
