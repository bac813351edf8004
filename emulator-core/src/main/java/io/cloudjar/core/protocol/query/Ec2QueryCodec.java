package io.cloudjar.core.protocol.query;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.protocol.CodecContext;
import io.cloudjar.core.protocol.xml.XmlDocuments;
import io.cloudjar.core.protocol.xml.XmlShapeWriter;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import software.amazon.awssdk.core.SdkPojo;

/**
 * EC2's variant of the query protocol: lists as {@code Name.N}, responses with {@code <requestId>} and the
 * members straight under the root, errors as {@code <Response><Errors><Error>…</Errors><RequestID/>}.
 */
public final class Ec2QueryCodec extends AwsQueryCodec {

    @Override
    protected QueryShapeReader.ListStyle listStyle() {
        return QueryShapeReader.ListStyle.EC2;
    }

    @Override
    protected AwsException unknownAction(String action, CodecContext ctx) {
        return AwsErrors.of("InvalidAction", 400, "The action %s is not valid for this web service.", action);
    }

    @Override
    protected void writeResponseMembers(XMLStreamWriter out, CodecContext ctx, SdkPojo output) throws XMLStreamException {
        XmlDocuments.element(out, "requestId", ctx.requestId());
        new XmlShapeWriter(out).writeMembers(output);
    }

    @Override
    public OutgoingResponse encodeError(CodecContext ctx, AwsException error) {
        byte[] xml = XmlDocuments.write(out -> {
            out.writeStartElement("Response");
            out.writeStartElement("Errors");
            out.writeStartElement("Error");
            XmlDocuments.element(out, "Code", error.code());
            XmlDocuments.element(out, "Message", error.getMessage());
            out.writeEndElement();
            out.writeEndElement();
            XmlDocuments.element(out, "RequestID", ctx.requestId());
            out.writeEndElement();
        });
        return xmlResponse(error.status(), ctx, xml);
    }
}
