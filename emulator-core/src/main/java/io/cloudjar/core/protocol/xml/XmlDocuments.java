package io.cloudjar.core.protocol.xml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Creates XML documents with the JDK's StAX writer; the body of each is filled by a callback. */
public final class XmlDocuments {
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private XmlDocuments() {
    }

    /** Fills one document. */
    @FunctionalInterface
    public interface Body {
        void write(XMLStreamWriter out) throws XMLStreamException;
    }

    /** A UTF-8 document with the XML declaration AWS sends. */
    public static byte[] write(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try {
            XMLStreamWriter out = OUTPUT.createXMLStreamWriter(bytes, "UTF-8");
            out.writeStartDocument("UTF-8", "1.0");
            body.write(out);
            out.writeEndDocument();
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write XML", e);
        }
        return bytes.toByteArray();
    }

    /** Starts the root element with a default namespace, when the API has one. */
    public static void startRoot(XMLStreamWriter out, String name, String namespace) throws XMLStreamException {
        out.writeStartElement(name);
        if (namespace != null) {
            out.writeDefaultNamespace(namespace);
        }
    }

    public static void element(XMLStreamWriter out, String name, String text) throws XMLStreamException {
        out.writeStartElement(name);
        if (text != null) {
            out.writeCharacters(text);
        }
        out.writeEndElement();
    }

    public static String toString(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }
}
