package io.cloudjar.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One operation of an API: its HTTP binding, the SDK v2 classes it decodes into and encodes from, and
 * the wire facts the SDK classes lack (result wrapper, success status, root element, streaming).
 * SDK classes are loaded on first use, so an API with 800 operations costs nothing until it is called.
 */
public final class OperationModel {
    private final ApiModel api;
    private final String name;
    private final String httpMethod;
    private final UriTemplate uri;
    private final String inputClassName;
    private final String outputClassName;
    private final String resultWrapper;
    private final int successStatus;
    private final String xmlRoot;
    private final boolean streamingInput;
    private final boolean lowPriority;
    private final List<String> requiredQuery;
    private final List<String> requiredHeaders;
    private volatile Class<?> inputClass;

    OperationModel(ApiModel api, String name, JsonNode node) {
        this.api = api;
        this.name = name;
        this.httpMethod = node.path("method").asText("POST");
        this.uri = UriTemplate.parse(node.path("uri").asText("/"));
        this.inputClassName = node.path("input").asText();
        this.outputClassName = node.path("output").asText();
        this.resultWrapper = node.hasNonNull("wrapper") ? node.get("wrapper").asText() : null;
        this.successStatus = node.path("status").asInt(200);
        this.xmlRoot = node.hasNonNull("root") ? node.get("root").asText() : null;
        this.streamingInput = node.path("streamingInput").asBoolean(false);
        this.lowPriority = node.path("lowPriority").asBoolean(false);
        this.requiredQuery = texts(node.path("requiredQuery"));
        this.requiredHeaders = texts(node.path("requiredHeaders"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return List.copyOf(out);
    }

    public ApiModel api() {
        return api;
    }

    public String name() {
        return name;
    }

    public String httpMethod() {
        return httpMethod;
    }

    public UriTemplate uri() {
        return uri;
    }

    public String resultWrapper() {
        return resultWrapper;
    }

    public int successStatus() {
        return successStatus;
    }

    /** S3's response root element name, e.g. {@code ListBucketResult}; null when the model has none. */
    public String xmlRoot() {
        return xmlRoot;
    }

    public boolean streamingInput() {
        return streamingInput;
    }

    /** S3 Express operations that share plain S3's bindings and lose ties to them. */
    public boolean lowPriority() {
        return lowPriority;
    }

    /** REST: query parameters the operation requires, which tell it apart from others on the same path. */
    public List<String> requiredQuery() {
        return requiredQuery;
    }

    /** REST: headers the operation requires (lower case), e.g. {@code x-amz-copy-source}. */
    public List<String> requiredHeaders() {
        return requiredHeaders;
    }

    /** The SDK request class, e.g. {@code CreateVpcRequest}. */
    private Class<?> inputClass() {
        Class<?> c = inputClass;
        if (c == null) {
            c = api.loadModelClass(inputClassName);
            inputClass = c;
        }
        return c;
    }

    public String inputClassName() {
        return inputClassName;
    }
    /** A fresh builder of the request class; builders of SDK model classes are themselves SdkPojos. */
    public SdkPojo newInputBuilder() {
        return ModelClasses.newBuilder(inputClass());
    }


    @Override
    public String toString() {
        return api.metadata().api() + ":" + name;
    }
}
