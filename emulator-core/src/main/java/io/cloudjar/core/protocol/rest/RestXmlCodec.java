package io.cloudjar.core.protocol.rest;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.http.Headers;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.http.RequestBody;
import io.cloudjar.core.http.ResponseBody;
import io.cloudjar.core.model.ModelClasses;
import io.cloudjar.core.model.OperationModel;
import io.cloudjar.core.protocol.CodecContext;
import io.cloudjar.core.protocol.FieldPath;
import io.cloudjar.core.protocol.ProtocolCodec;
import io.cloudjar.core.protocol.WireValues;
import io.cloudjar.core.protocol.xml.XmlDocuments;
import io.cloudjar.core.protocol.xml.XmlNode;
import io.cloudjar.core.protocol.xml.XmlShapeReader;
import io.cloudjar.core.protocol.xml.XmlShapeWriter;
import io.cloudjar.core.spi.Reply;
import io.cloudjar.core.spi.StreamingPayload;
import io.cloudjar.core.util.PercentCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;

/**
 * REST-XML (S3): members bound to the path, query string, headers, status code or an XML/blob payload,
 * as the SDK's field locations say. Streaming payloads stay streams in both directions.
 * Errors are {@code <Error><Code/><Message/>…<RequestId/><HostId/></Error>}, without a body for HEAD.
 */
public final class RestXmlCodec implements ProtocolCodec {
    /** Configuration documents (policies, lifecycle rules, tag sets) are small; refuse absurd ones. */
    private static final int XML_BODY_LIMIT = 20 * 1024 * 1024;

    @Override
    public ResolvedOperation resolve(CodecContext ctx) {
        IncomingRequest request = ctx.request();
        BrowserUpload upload = RestCodecContext.browserUploadOf(ctx);
        if (upload != null) { // S3 documents POST Object as a form of PutObject
            return new ResolvedOperation(ctx.api().operation("PutObject"), Map.of("Bucket", upload.bucket(), "Key", upload.key()));
        }
        String path = ctx.virtualHostBucket() == null ? request.rawPath()
                : "/" + PercentCodec.encode(ctx.virtualHostBucket(), false) + request.rawPath();
        ResolvedOperation resolved = RestOperationMatcher.match(ctx.api(), request, path);
        if (resolved == null) {
            throw AwsErrors.of("MethodNotAllowed", 405, "The specified method is not allowed against this resource.")
                    .withDetail("Method", request.method())
                    .withDetail("ResourceType", path.indexOf('/', 1) > 0 ? "OBJECT" : "BUCKET");
        }
        return resolved;
    }

    @Override
    public DecodedInput decode(CodecContext ctx) {
        OperationModel op = ctx.operation();
        IncomingRequest request = ctx.request();
        SdkPojo builder = op.newInputBuilder();
        BrowserUpload upload = RestCodecContext.browserUploadOf(ctx);
        boolean chunked = upload == null && RequestPayload.isAwsChunked(request);
        Headers headers = upload != null ? upload.asHeaders() : request.headers();
        for (SdkField<?> field : builder.sdkFields()) {
            Object value = readBoundMember(ctx, headers, field, chunked);
            if (value != null) {
                field.set(builder, value);
            }
        }
        StreamingPayload payload = !op.streamingInput() ? null : upload != null ? upload.payload()
                : RequestPayload.of(request, RestCodecContext.chunkSignaturesOf(ctx));
        return new DecodedInput(ModelClasses.build(builder), payload);
    }

    private Object readBoundMember(CodecContext ctx, Headers headers, SdkField<?> field, boolean chunked) {
        IncomingRequest request = ctx.request();
        FieldPath path = FieldPath.root().child(field.memberName());
        switch (field.location()) {
            case PATH:
            case GREEDY_PATH:
                String label = ctx.pathLabels().get(field.locationName());
                return label == null ? null : path.parse(field, label, Format.ISO_8601);
            case QUERY_PARAM:
                return readQuery(request, field, path);
            case HEADER:
                return readHeader(request, headers, field, path, chunked);
            case PAYLOAD:
                return field.containsTrait(PayloadTrait.class) ? readPayload(ctx, field, path) : null;
            default:
                return null;
        }
    }

    private static Object readQuery(IncomingRequest request, SdkField<?> field, FieldPath path) {
        List<String> values = request.query().asMap().get(field.locationName());
        if (values == null) {
            return null;
        }
        if (field.marshallingType().getKnownType() == MarshallingKnownType.LIST) {
            return new ArrayList<>(values);
        }
        return WireValues.isScalar(field) ? path.parse(field, values.get(0), Format.ISO_8601) : null;
    }

    /** @param headers the request's headers, or the fields of a browser form that stand for them */
    private static Object readHeader(IncomingRequest request, Headers headers, SdkField<?> field, FieldPath path, boolean chunked) {
        String name = field.locationName();
        MarshallingKnownType type = field.marshallingType().getKnownType();
        if (type == MarshallingKnownType.MAP) { // x-amz-meta-*: S3 keeps metadata names in lower case
            Map<String, String> map = new LinkedHashMap<>();
            for (String header : headers.names()) {
                if (header.regionMatches(true, 0, name, 0, name.length())) {
                    map.put(header.substring(name.length()).toLowerCase(Locale.ROOT),
                            String.join(",", headers.getAll(header)));
                }
            }
            return map.isEmpty() ? null : map;
        }
        String value = headers.get(name);
        if (chunked && name.equalsIgnoreCase("Content-Length")) {
            long decoded = RequestPayload.decodedLength(request);
            return decoded < 0 ? null : decoded;
        }
        if (chunked && name.equalsIgnoreCase("Content-Encoding") && value != null) {
            // aws-chunked describes the transfer, not the object: S3 does not store it
            String rest = Arrays.stream(value.split(",")).map(String::trim)
                    .filter(v -> !v.equalsIgnoreCase("aws-chunked") && !v.isEmpty()).collect(Collectors.joining(","));
            return rest.isEmpty() ? null : rest;
        }
        if (value == null) {
            return null;
        }
        if (type == MarshallingKnownType.LIST) { // sent as one comma-separated header or repeated headers
            List<String> items = new ArrayList<>();
            for (String header : headers.getAll(name)) {
                for (String item : header.split(",")) {
                    items.add(item.trim());
                }
            }
            return items;
        }
        return path.parse(field, value, Format.RFC_822);
    }

    private static Object readPayload(CodecContext ctx, SdkField<?> field, FieldPath path) {
        byte[] body;
        try {
            body = ctx.request().body().bytes(XML_BODY_LIMIT);
        } catch (RequestBody.BodyTooLargeException e) {
            throw AwsErrors.of("MaxMessageLengthExceeded", 400, "Your request was too big.");
        } catch (IOException e) {
            throw AwsErrors.of("IncompleteBody", 400, "You did not provide the number of bytes specified by the Content-Length HTTP header.");
        }
        ContentSha256.verify(ctx.request().header("x-amz-content-sha256"), body);
        MarshallingKnownType type = field.marshallingType().getKnownType();
        if (type == MarshallingKnownType.SDK_BYTES) {
            return SdkBytes.fromByteArray(body);
        }
        if (type == MarshallingKnownType.STRING) {
            return body.length == 0 ? null : new String(body, StandardCharsets.UTF_8);
        }
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        try {
            XmlNode root = XmlNode.parse(body);
            if (!root.name().equals(field.locationName())) {
                throw malformedXml();
            }
            return XmlShapeReader.readStructure(root, field, path);
        } catch (XMLStreamException e) {
            throw malformedXml();
        }
    }

    private static AwsException malformedXml() {
        return AwsErrors.of("MalformedXML", 400,
                "The XML you provided was not well-formed or did not validate against our published schema");
    }

    @Override
    public OutgoingResponse encode(CodecContext ctx, Object output) {
        ResponseBody streamed = null;
        Object response = output;
        OperationModel op = ctx.operation();
        int status = op.successStatus();
        if (output instanceof Reply<?> reply) {
            response = reply.response();
            if (reply.file() != null) {
                streamed = new ResponseBody.FileSlice(reply.file().channel(), reply.file().offset(), reply.file().length());
            }
            status = reply.accepted() ? 202 : status;
        }
        SdkPojo pojo = (SdkPojo) response;
        Headers headers = s3Headers(ctx);
        SdkField<?> payloadField = null;
        boolean hasBodyMembers = false;
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (field.location() == MarshallLocation.HEADER && WireValues.isPresent(value)) {
                writeHeader(headers, field, value);
            } else if (field.location() == MarshallLocation.STATUS_CODE && value != null) {
                status = ((Number) value).intValue();
            } else if (field.location() == MarshallLocation.PAYLOAD) {
                if (field.containsTrait(PayloadTrait.class)) {
                    payloadField = field;
                } else if (WireValues.isPresent(value)) {
                    hasBodyMembers = true;
                }
            }
        }
        if (streamed != null && status == 200 && headers.contains("Content-Range")) {
            status = 206; // a body that is a range of the resource is Partial Content (RFC 9110 15.3.7)
        }
        ResponseBody body = streamed != null ? streamed : ResponseBody.EMPTY;
        if (streamed == null && payloadField != null) {
            body = payloadBody(ctx, headers, payloadField, payloadField.getValueOrDefault(pojo));
        } else if (streamed == null && (hasBodyMembers || op.xmlRoot() != null)) {
            String root = op.xmlRoot() != null ? op.xmlRoot() : op.name() + "Result";
            body = ResponseBody.of(XmlDocuments.write(out -> {
                XmlDocuments.startRoot(out, root, ctx.apiMetadata().responseNamespace());
                new XmlShapeWriter(out).writeMembers(pojo);
                out.writeEndElement();
            }));
            headers.set("Content-Type", "application/xml");
        }
        OutgoingResponse encoded = new OutgoingResponse(status, headers, body);
        BrowserUpload upload = RestCodecContext.browserUploadOf(ctx);
        return upload == null ? encoded : upload.answer(ctx, encoded);
    }

    private ResponseBody payloadBody(CodecContext ctx, Headers headers, SdkField<?> field, Object value) {
        if (value == null && ctx.operation().xmlRoot() != null) { // us-east-1: <LocationConstraint/>
            headers.set("Content-Type", "application/xml");
            return ResponseBody.of(XmlDocuments.write(out -> {
                XmlDocuments.startRoot(out, ctx.operation().xmlRoot(), ctx.apiMetadata().responseNamespace());
                out.writeEndElement();
            }));
        }
        if (value == null) {
            return ResponseBody.EMPTY;
        }
        switch (field.marshallingType().getKnownType()) {
            case SDK_POJO:
                String root = ctx.operation().xmlRoot() != null ? ctx.operation().xmlRoot() : field.unmarshallLocationName();
                headers.set("Content-Type", "application/xml");
                return ResponseBody.of(XmlDocuments.write(out -> {
                    out.writeStartElement(root);
                    String ns = ctx.apiMetadata().responseNamespace();
                    if (ns != null) {
                        out.writeDefaultNamespace(ns);
                    }
                    new XmlShapeWriter(out).writeMembers((SdkPojo) value);
                    out.writeEndElement();
                }));
            case SDK_BYTES:
                return ResponseBody.of(((SdkBytes) value).asByteArray());
            default:
                String text = WireValues.format(field, value, Format.ISO_8601);
                if (ctx.operation().xmlRoot() != null) { // GetBucketLocation: <LocationConstraint>eu-west-1</…>
                    headers.set("Content-Type", "application/xml");
                    return ResponseBody.of(XmlDocuments.write(out -> {
                        XmlDocuments.startRoot(out, ctx.operation().xmlRoot(), ctx.apiMetadata().responseNamespace());
                        out.writeCharacters(text);
                        out.writeEndElement();
                    }));
                }
                return ResponseBody.utf8(text);
        }
    }

    private static void writeHeader(Headers headers, SdkField<?> field, Object value) {
        String name = field.locationName();
        switch (field.marshallingType().getKnownType()) {
            case MAP:
                ((Map<?, ?>) value).forEach((k, v) -> headers.set(name + k, String.valueOf(v)));
                break;
            case LIST:
                headers.set(name, ((List<?>) value).stream().map(String::valueOf).collect(Collectors.joining(",")));
                break;
            default:
                if (!headers.contains(name)) { // S3 models Expires twice (Instant and String); the first wins
                    headers.set(name, WireValues.format(field, value, Format.RFC_822));
                }
        }
    }

    @Override
    public OutgoingResponse encodeError(CodecContext ctx, AwsException error) {
        Headers headers = s3Headers(ctx);
        if (error.responseMembers() instanceof SdkPojo members) {
            writeHeaderMembers(headers, members);
        }
        if ("MethodNotAllowed".equals(error.code()) && "DeleteMarker".equals(error.details().get("ResourceType"))) {
            headers.set("Allow", "DELETE"); // the one method a delete marker version allows
        }
        if ("HEAD".equals(ctx.request().method()) || error.status() == 304) { // neither may carry a body
            return new OutgoingResponse(error.status(), headers, ResponseBody.EMPTY);
        }
        headers.set("Content-Type", "application/xml");
        // S3 answers a bare <Error>; the other REST-XML APIs (S3 Control) wrap it in <ErrorResponse> as AWS's do.
        // A request refused before routing has no API yet and is answered as S3, the default.
        boolean wrapped = ctx.apiMetadata() != null && !"s3".equals(ctx.apiMetadata().api());
        byte[] xml = XmlDocuments.write(out -> {
            if (wrapped) {
                out.writeStartElement("ErrorResponse");
            }
            out.writeStartElement("Error");
            XmlDocuments.element(out, "Code", error.code());
            XmlDocuments.element(out, "Message", error.getMessage());
            for (Map.Entry<String, String> detail : error.details().entrySet()) {
                XmlDocuments.element(out, detail.getKey(), detail.getValue());
            }
            if (wrapped) {
                out.writeEndElement();
            }
            XmlDocuments.element(out, "RequestId", s3RequestId(ctx));
            XmlDocuments.element(out, "HostId", hostId(ctx));
            out.writeEndElement();
        });
        return new OutgoingResponse(error.status(), headers, ResponseBody.of(xml));
    }

    private static void writeHeaderMembers(Headers headers, SdkPojo pojo) {
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (field.location() == MarshallLocation.HEADER && WireValues.isPresent(value)) {
                writeHeader(headers, field, value);
            }
        }
    }

    private static Headers s3Headers(CodecContext ctx) {
        Headers headers = new Headers();
        headers.set("x-amz-request-id", s3RequestId(ctx));
        headers.set("x-amz-id-2", hostId(ctx));
        return headers;
    }

    /** S3 request ids are 16 upper-case hex digits; derived from the call's id so logs still match. */
    static String s3RequestId(CodecContext ctx) {
        return ctx.requestId().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
    }

    private static String hostId(CodecContext ctx) {
        return java.util.Base64.getEncoder().encodeToString(ctx.requestId().getBytes(StandardCharsets.UTF_8));
    }
}
