package io.cloudjar.core.protocol.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Every document is XML 1.0 a strict parser reads, whatever characters the text it carries holds. */
class XmlDocumentsTest {

    private static Document parse(byte[] xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static byte[] document(String text) {
        return XmlDocuments.write(out -> {
            out.writeStartElement("Error");
            out.writeAttribute("id", text);
            XmlDocuments.element(out, "Message", text);
            out.writeEndElement();
        });
    }

    @Test
    void everyCharacterXmlForbidsIsReplacedInTextAndAttributes() throws Exception {
        StringBuilder forbidden = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            if (c != '\t' && c != '\n' && c != '\r') {
                forbidden.append(c);
            }
        }
        forbidden.append('\uD800').append("x").append('\uDFFF').append('\uFFFE').append('\uFFFF');
        String text = "vpc-" + forbidden + "-end";

        byte[] xml = document(text);

        String expected = "vpc-" + "\uFFFD".repeat(29) + "\uFFFDx\uFFFD\uFFFD\uFFFD-end";
        Document doc = parse(xml);
        assertThat(doc.getDocumentElement().getTextContent()).isEqualTo(expected);
        assertThat(doc.getDocumentElement().getAttribute("id")).isEqualTo(expected);
    }

    @Test
    void allowedCharactersAndSurrogatePairsAreKept() throws Exception {
        String text = "tab\tline\nemoji \uD83D\uDE00 last \uFFFD \uE000 \uD7FF";

        Document doc = parse(document(text));

        assertThat(doc.getDocumentElement().getTextContent()).isEqualTo(text);
        assertThat(XmlChars.legal(text)).isSameAs(text);
    }

    @Test
    void aSurrogateSplitAtTheEndIsReplaced() {
        assertThat(XmlChars.legal("a\uD83D")).isEqualTo("a\uFFFD");
        assertThat(XmlChars.legal("\uDE00a")).isEqualTo("\uFFFDa");
        assertThatCode(() -> parse(document("\uD83D"))).doesNotThrowAnyException();
    }

    @Test
    void aCarriageReturnIsReadBackAsItWasNotAsALineFeed() throws Exception {
        String text = "key\r\nwith\rreturns";

        byte[] xml = document(text);

        assertThat(new String(xml, java.nio.charset.StandardCharsets.UTF_8)).contains("key&#13;\nwith&#13;returns");
        assertThat(parse(xml).getDocumentElement().getTextContent()).isEqualTo(text);
    }
}
