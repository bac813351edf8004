package io.cloudjar.core.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Facts about one AWS API from the generated index: enough to route a request without loading the
 * API's (possibly large) operation model.
 */
public record ApiMetadata(
        String api,
        Protocol protocol,
        String apiVersion,
        String signingName,
        String endpointPrefix,
        String serviceId,
        String sdkPackage,
        String xmlNamespace,
        String targetPrefix,
        String jsonVersion,
        String validationError) {

    static ApiMetadata from(JsonNode node) {
        return new ApiMetadata(
                node.path("api").asText(),
                Protocol.fromModel(node.path("protocol").asText()),
                node.path("apiVersion").asText(),
                node.path("signingName").asText(),
                node.path("endpointPrefix").asText(),
                node.path("serviceId").asText(),
                node.path("sdkPackage").asText(),
                textOrNull(node, "xmlNamespace"),
                textOrNull(node, "targetPrefix"),
                textOrNull(node, "jsonVersion"),
                node.path("validationError").asText("ValidationError"));
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The namespace AWS puts on response roots; EC2's model omits the trailing slash AWS sends. */
    public String responseNamespace() {
        if (xmlNamespace == null) {
            return null;
        }
        return xmlNamespace.endsWith("/") ? xmlNamespace : xmlNamespace + "/";
    }
}
