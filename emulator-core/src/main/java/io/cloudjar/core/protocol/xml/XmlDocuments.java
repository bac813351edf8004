package io.cloudjar.core.protocol.xml;

import java.io.StringWriter;
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

    /**
     * A UTF-8 document with the XML declaration AWS sends. The writer gets characters and the text is encoded
     * once at the end: given an OutputStream, the JDK's writer encodes and writes byte by byte, which made
     * large answers (DescribeInstances pages of 1,000 instances, several MB) about three times slower.
     * Characters XML 1.0 forbids are replaced here, once for the whole document ({@link XmlChars}): the
     * markup never holds one, so every text and attribute any writer put in the document is covered.
     */
    public static byte[] write(Body body) {
        StringWriter text = new StringWriter(512);
        try {
            XMLStreamWriter out = OUTPUT.createXMLStreamWriter(text);
            out.writeStartDocument("UTF-8", "1.0");
            body.write(out);
            out.writeEndDocument();
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write XML", e);
        }
        return XmlChars.legal(text.toString()).getBytes(StandardCharsets.UTF_8);
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
