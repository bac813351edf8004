package io.cloudjar.core.protocol.xml;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small read-only element tree of a request body (S3 configuration documents are a few KB). Parsed with
 * StAX, DTDs and external entities off, namespaces reduced to local names as S3 does. The tree is capped in depth
 * and size besides the body's byte limit, so a hostile document fails as malformed instead of costing a deep stack
 * in the readers or a node object for every few bytes.
 */
public final class XmlNode {
    /** S3's deepest documents (lifecycle rules with an {@code And} filter of tags) nest about 6 levels. */
    public static final int MAX_DEPTH = 64;
    /** CompleteMultipartUpload of 10,000 parts, each with a checksum of every algorithm, is about 80,000 elements. */
    public static final int MAX_ELEMENTS = 200_000;

    private static final XMLInputFactory INPUT = newInputFactory();

    private final String name;
    private final Map<String, String> attributes;
    private final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private XmlNode(String name, Map<String, String> attributes) {
        this.name = name;
        this.attributes = attributes;
    }

    /**
     * Parses a whole document; throws {@link XMLStreamException} when it is not well-formed XML, or nests deeper than
     * {@link #MAX_DEPTH} or has more than {@link #MAX_ELEMENTS} elements.
     */
    public static XmlNode parse(byte[] xml) throws XMLStreamException {
        XMLStreamReader reader = INPUT.createXMLStreamReader(new ByteArrayInputStream(xml));
        try {
            List<XmlNode> stack = new ArrayList<>();
            XmlNode root = null;
            int elements = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (stack.size() >= MAX_DEPTH) {
                        throw new XMLStreamException("Elements nest deeper than " + MAX_DEPTH + " levels");
                    }
                    if (++elements > MAX_ELEMENTS) {
                        throw new XMLStreamException("More than " + MAX_ELEMENTS + " elements");
                    }
                    Map<String, String> attrs = reader.getAttributeCount() == 0 ? Map.of() : new LinkedHashMap<>();
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        attrs.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                    }
                    XmlNode node = new XmlNode(reader.getLocalName(), attrs);
                    if (stack.isEmpty()) {
                        root = node;
                    } else {
                        stack.get(stack.size() - 1).children.add(node);
                    }
                    stack.add(node);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    stack.remove(stack.size() - 1);
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && !stack.isEmpty()) {
                    stack.get(stack.size() - 1).text.append(reader.getText());
                }
            }
            if (root == null) {
                throw new XMLStreamException("Empty document");
            }
            return root;
        } finally {
            reader.close();
        }
    }

    public String name() {
        return name;
    }

    public String text() {
        return text.toString();
    }

    public Map<String, String> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    public List<XmlNode> children() {
        return Collections.unmodifiableList(children);
    }

    public List<XmlNode> children(String childName) {
        List<XmlNode> matches = new ArrayList<>();
        for (XmlNode child : children) {
            if (child.name.equals(childName)) {
                matches.add(child);
            }
        }
        return matches;
    }

    public XmlNode child(String childName) {
        for (XmlNode child : children) {
            if (child.name.equals(childName)) {
                return child;
            }
        }
        return null;
    }

    private static XMLInputFactory newInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }
}
