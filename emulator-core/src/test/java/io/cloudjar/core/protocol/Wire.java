package io.cloudjar.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.http.Headers;
import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.http.ResponseBody;
import io.cloudjar.core.pipeline.RequestContext;
import io.cloudjar.core.pipeline.TestContexts;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Wire-level helpers for codec tests: requests as clients send them, responses parsed for assertions. */
final class Wire {
    static final ObjectMapper JSON = new ObjectMapper();

    private Wire() {
    }

    /** A query-protocol POST with a form body, pairs given as name, value, name, value, ... */
    static RequestContext form(String api, String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        Headers headers = new Headers().set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        return TestContexts.forApi(api, TestContexts.request("POST", "/", headers, body.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A JSON 1.1 POST; a null target sends no X-Amz-Target header. */
    static RequestContext json(String api, String target, String body) {
        Headers headers = new Headers().set("Content-Type", "application/x-amz-json-1.1");
        if (target != null) {
            headers.set("X-Amz-Target", target);
        }
        return TestContexts.forApi(api, TestContexts.request("POST", "/", headers, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** A REST request; headers given as name, value, name, value, ... */
    static RequestContext rest(String api, String method, String uri, byte[] body, String... headerPairs) {
        Headers headers = new Headers();
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.add(headerPairs[i], headerPairs[i + 1]);
        }
        return TestContexts.forApi(api, TestContexts.request(method, uri, headers, body));
    }

    static RequestContext rest(String api, String method, String uri, String... headerPairs) {
        return rest(api, method, uri, new byte[0], headerPairs);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(OutgoingResponse response) {
        ResponseBody body = response.body();
        if (body instanceof ResponseBody.Bytes b) {
            return b.data();
        }
        if (body instanceof ResponseBody.FileSlice f) { // a Reply of a file (S3 GetObject)
            try (FileChannel channel = f.channel()) {
                ByteBuffer data = ByteBuffer.allocate(Math.toIntExact(f.length()));
                while (data.hasRemaining() && channel.read(data, f.offset() + data.position()) >= 0) {
                    // read until the slice is complete
                }
                return data.array();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(body).as("response body").isEqualTo(ResponseBody.EMPTY);
        return new byte[0];
    }

    static String text(OutgoingResponse response) {
        return new String(bytes(response), StandardCharsets.UTF_8);
    }

    static JsonNode json(OutgoingResponse response) {
        return json(bytes(response));
    }

    static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON: " + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }

    static JsonNode json(String text) {
        return json(utf8(text));
    }

    /** The document element of an XML response, parsed namespace-aware. */
    static Element xml(OutgoingResponse response) {
        return xml(bytes(response));
    }

    static Element xml(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("Not XML: " + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }

    static Element xml(String text) {
        return xml(utf8(text));
    }

    /** The child elements of {@code parent} with the local name {@code name}, in document order. */
    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || e.getLocalName().equals(name))) {
                out.add(e);
            }
        }
        return out;
    }

    /** The element at a slash-separated path of local names below {@code root}; fails when absent. */
    static Element at(Element root, String path) {
        Element current = root;
        for (String step : path.split("/")) {
            List<Element> matches = children(current, step);
            assertThat(matches).as("element %s below <%s>", step, current.getLocalName()).isNotEmpty();
            current = matches.get(0);
        }
        return current;
    }

    static String textAt(Element root, String path) {
        return at(root, path).getTextContent();
    }

    /**
     * A canonical text of an XML tree (namespaces, names, attributes, texts), for comparing documents parsed.
     * Siblings are ordered by name (stably, so repeated elements keep their order): XML readers of AWS
     * clients look members up by name, while the order of list items matters.
     */
    static String canonical(Element element) {
        StringBuilder out = new StringBuilder();
        canonical(element, 0, out);
        return out.toString();
    }

    private static void canonical(Element e, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append('{').append(e.getNamespaceURI() == null ? "" : e.getNamespaceURI()).append('}')
                .append(e.getLocalName());
        TreeMap<String, String> attrs = new TreeMap<>();
        NamedNodeMap map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Node a = map.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                attrs.put("{" + (a.getNamespaceURI() == null ? "" : a.getNamespaceURI()) + "}" + a.getLocalName(), a.getNodeValue());
            }
        }
        if (!attrs.isEmpty()) {
            out.append(' ').append(attrs);
        }
        List<Element> kids = new ArrayList<>(children(e, null));
        kids.sort(java.util.Comparator.comparing(k -> "{" + k.getNamespaceURI() + "}" + k.getLocalName()));
        if (kids.isEmpty()) {
            out.append(" = '").append(e.getTextContent()).append("'\n");
            return;
        }
        out.append('\n');
        for (Element kid : kids) {
            canonical(kid, depth + 1, out);
        }
    }

    /** The AWS error a codec call throws. */
    static AwsException awsError(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).as("AWS error").isInstanceOf(AwsException.class);
        return (AwsException) thrown;
    }
}
