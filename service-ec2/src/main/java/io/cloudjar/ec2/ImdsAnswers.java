package io.cloudjar.ec2;

import io.cloudjar.core.spi.PlainResponse;
import java.util.Map;

/**
 * The answers of the instance metadata service as EC2's looks on the wire: values, listings and JSON
 * documents as {@code text/plain} (JSON in the pretty layout IMDS prints), user data as bytes, errors as its
 * small XHTML status page, and {@code Server: EC2ws} on every answer.
 */
final class ImdsAnswers {
    private static final String SERVER = "EC2ws";
    private static final Map<Integer, String> REASONS = Map.of(400, "Bad Request", 401, "Unauthorized", 403, "Forbidden",
            404, "Not Found", 405, "Method Not Allowed");
    /** EC2's status page; a fixed document, not serialised output. */
    private static final String PAGE = """
            <?xml version="1.0" encoding="iso-8859-1"?>
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
            \t"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
             <head>
              <title>%1$d - %2$s</title>
             </head>
             <body>
              <h1>%1$d - %2$s</h1>
             </body>
            </html>
            """;

    private ImdsAnswers() {
    }

    static PlainResponse text(String value) {
        return PlainResponse.text(200, "text/plain", value).withHeader("Server", SERVER);
    }

    static PlainResponse json(Object document) {
        return PlainResponse.json(200, "text/plain", document, true).withHeader("Server", SERVER);
    }

    static PlainResponse bytes(byte[] value) {
        return PlainResponse.bytes(200, "application/octet-stream", value).withHeader("Server", SERVER);
    }

    static PlainResponse error(int status) {
        return PlainResponse.text(status, "text/html", PAGE.formatted(status, REASONS.get(status))).withHeader("Server", SERVER);
    }
}
