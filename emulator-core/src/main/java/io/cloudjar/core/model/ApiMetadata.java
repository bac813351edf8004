package io.cloudjar.core.model;

import java.util.Properties;

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

    /** Reads one API's facts from the index: properties named {@code <api>.<fact>}. */
    static ApiMetadata from(Properties index, String api) {
        return new ApiMetadata(
                api,
                Protocol.fromModel(index.getProperty(api + ".protocol")),
                index.getProperty(api + ".apiVersion"),
                index.getProperty(api + ".signingName"),
                index.getProperty(api + ".endpointPrefix"),
                index.getProperty(api + ".serviceId"),
                index.getProperty(api + ".sdkPackage"),
                index.getProperty(api + ".xmlNamespace"),
                index.getProperty(api + ".targetPrefix"),
                index.getProperty(api + ".jsonVersion"),
                index.getProperty(api + ".validationError", "ValidationError"));
    }

    /** The namespace AWS puts on response roots; EC2's model omits the trailing slash AWS sends. */
    public String responseNamespace() {
        if (xmlNamespace == null) {
            return null;
        }
        return xmlNamespace.endsWith("/") ? xmlNamespace : xmlNamespace + "/";
    }
}
