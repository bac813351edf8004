package io.cloudjar.core.protocol.query;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.errors.CommonErrors;
import io.cloudjar.core.http.Headers;
import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.http.ResponseBody;
import io.cloudjar.core.model.ApiModel;
import io.cloudjar.core.model.OperationModel;
import io.cloudjar.core.protocol.CodecContext;
import io.cloudjar.core.protocol.FieldPath;
import io.cloudjar.core.protocol.ProtocolCodec;
import io.cloudjar.core.protocol.xml.XmlDocuments;
import io.cloudjar.core.protocol.xml.XmlShapeWriter;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The AWS query protocol (IAM, STS, RDS): form parameters in, {@code <OpResponse><OpResult>} XML out,
 * errors as {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}.
 */
public class AwsQueryCodec implements ProtocolCodec {

    @Override
    public ResolvedOperation resolve(CodecContext ctx) {
        String action = ctx.parameters().get("Action");
        if (action == null || action.isEmpty()) {
            throw CommonErrors.missingAction();
        }
        ApiModel api = ctx.api();
        OperationModel op = api.operation(action);
        if (op == null) {
            throw unknownAction(action, ctx);
        }
        return new ResolvedOperation(op);
    }

    protected AwsException unknownAction(String action, CodecContext ctx) {
        return AwsErrors.of("InvalidAction", 400, "Could not find operation %s for version %s",
                action, ctx.apiMetadata().apiVersion());
    }

    @Override
    public DecodedInput decode(CodecContext ctx) {
        SdkPojo builder = ctx.operation().newInputBuilder();
        new QueryShapeReader(ctx.parameters().asMap(), listStyle()).readMembers(builder, FieldPath.root());
        return new DecodedInput(io.cloudjar.core.model.ModelClasses.build(builder));
    }

    protected QueryShapeReader.ListStyle listStyle() {
        return QueryShapeReader.ListStyle.QUERY;
    }

    @Override
    public OutgoingResponse encode(CodecContext ctx, Object output) {
        OperationModel op = ctx.operation();
        byte[] xml = XmlDocuments.write(out -> {
            XmlDocuments.startRoot(out, op.name() + "Response", ctx.apiMetadata().responseNamespace());
            writeResponseMembers(out, ctx, (SdkPojo) output);
            out.writeEndElement();
        });
        return xmlResponse(200, ctx, xml);
    }

    /** AWS query: the members inside {@code <OpResult>}, then {@code <ResponseMetadata>}. */
    protected void writeResponseMembers(XMLStreamWriter out, CodecContext ctx, SdkPojo output) throws XMLStreamException {
        String wrapper = ctx.operation().resultWrapper();
        if (wrapper != null) {
            out.writeStartElement(wrapper);
            new XmlShapeWriter(out).writeMembers(output);
            out.writeEndElement();
        }
        out.writeStartElement("ResponseMetadata");
        XmlDocuments.element(out, "RequestId", ctx.requestId());
        out.writeEndElement();
    }

    @Override
    public OutgoingResponse encodeError(CodecContext ctx, AwsException error) {
        byte[] xml = XmlDocuments.write(out -> {
            XmlDocuments.startRoot(out, "ErrorResponse", ctx.apiMetadata().responseNamespace());
            out.writeStartElement("Error");
            XmlDocuments.element(out, "Type", error.senderFault() ? "Sender" : "Receiver");
            XmlDocuments.element(out, "Code", error.code());
            XmlDocuments.element(out, "Message", error.getMessage());
            for (var detail : error.details().entrySet()) {
                XmlDocuments.element(out, detail.getKey(), detail.getValue());
            }
            out.writeEndElement();
            XmlDocuments.element(out, "RequestId", ctx.requestId());
            out.writeEndElement();
        });
        return xmlResponse(error.status(), ctx, xml);
    }

    protected OutgoingResponse xmlResponse(int status, CodecContext ctx, byte[] xml) {
        Headers headers = new Headers();
        headers.set("Content-Type", "text/xml");
        headers.set("x-amzn-RequestId", ctx.requestId());
        return new OutgoingResponse(status, headers, ResponseBody.of(xml));
    }
}
