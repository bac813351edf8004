package io.cloudjar.core.protocol.xml;

import io.cloudjar.core.protocol.WireValues;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;
import software.amazon.awssdk.core.traits.XmlAttributeTrait;

/**
 * Writes an SDK model object as XML elements, walking its {@code sdkFields()}: the one serializer behind
 * the EC2, AWS query and REST-XML responses. Element names are the names the SDK unmarshals from
 * ({@code unmarshallLocationName}), so what the SDK would read back is exactly what is written.
 */
public final class XmlShapeWriter {
    public static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

    private final XMLStreamWriter out;

    public XmlShapeWriter(XMLStreamWriter out) {
        this.out = out;
    }

    /** Writes the payload members of {@code pojo} as child elements of the current element. */
    public void writeMembers(SdkPojo pojo) throws XMLStreamException {
        for (SdkField<?> field : pojo.sdkFields()) {
            if (field.location() != MarshallLocation.PAYLOAD || field.containsTrait(XmlAttributeTrait.class)) {
                continue;
            }
            Object value = field.getValueOrDefault(pojo);
            if (WireValues.isPresent(value)) {
                writeField(field, field.unmarshallLocationName(), value);
            }
        }
    }

    /** Writes {@code <name>…</name>} for a structure, with its XML-attribute members on the element. */
    public void writeStructure(String name, SdkPojo pojo) throws XMLStreamException {
        out.writeStartElement(name);
        writeAttributes(pojo);
        writeMembers(pojo);
        out.writeEndElement();
    }

    private void writeAttributes(SdkPojo pojo) throws XMLStreamException {
        for (SdkField<?> field : pojo.sdkFields()) {
            if (!field.containsTrait(XmlAttributeTrait.class)) {
                continue;
            }
            Object value = field.getValueOrDefault(pojo);
            if (value == null) {
                continue;
            }
            String name = field.unmarshallLocationName();
            String text = WireValues.format(field, value, Format.ISO_8601);
            if (name.startsWith("xsi:")) {
                out.writeNamespace("xsi", XSI_NS);
                out.writeAttribute("xsi", XSI_NS, name.substring(4), text);
            } else {
                out.writeAttribute(name, text);
            }
        }
    }

    private void writeField(SdkField<?> field, String name, Object value) throws XMLStreamException {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        switch (type) {
            case SDK_POJO -> writeStructure(name, (SdkPojo) value);
            case LIST -> writeList(field, name, (List<?>) value);
            case MAP -> writeMap(field, name, (Map<?, ?>) value);
            case DOCUMENT -> throw new IllegalArgumentException("Documents are not part of XML protocols: " + name);
            default -> writeText(name, WireValues.format(field, value, Format.ISO_8601));
        }
    }

    private void writeList(SdkField<?> field, String name, List<?> list) throws XMLStreamException {
        ListTrait trait = field.getRequiredTrait(ListTrait.class);
        SdkField<?> member = trait.memberFieldInfo();
        if (trait.isFlattened()) {
            for (Object item : list) {
                if (item != null) {
                    writeField(member, name, item);
                }
            }
            return;
        }
        out.writeStartElement(name);
        String memberName = member.unmarshallLocationName() != null ? member.unmarshallLocationName() : "member";
        for (Object item : list) {
            if (item != null) {
                writeField(member, memberName, item);
            }
        }
        out.writeEndElement();
    }

    private void writeMap(SdkField<?> field, String name, Map<?, ?> map) throws XMLStreamException {
        MapTrait trait = field.getRequiredTrait(MapTrait.class);
        SdkField<?> valueField = trait.valueFieldInfo();
        if (!trait.isFlattened()) {
            out.writeStartElement(name);
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.writeStartElement(trait.isFlattened() ? name : "entry");
            writeText(trait.keyLocationName(), String.valueOf(entry.getKey()));
            if (entry.getValue() != null) {
                writeField(valueField, trait.valueLocationName(), entry.getValue());
            }
            out.writeEndElement();
        }
        if (!trait.isFlattened()) {
            out.writeEndElement();
        }
    }

    private void writeText(String name, String text) throws XMLStreamException {
        out.writeStartElement(name);
        out.writeCharacters(text);
        out.writeEndElement();
    }}
