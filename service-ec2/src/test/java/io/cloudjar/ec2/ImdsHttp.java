package io.cloudjar.ec2;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP calls to an instance's metadata service, as curl in the instance would make them. */
final class ImdsHttp {
    static final String TOKEN = "X-aws-ec2-metadata-token";
    static final String TTL = "X-aws-ec2-metadata-token-ttl-seconds";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final CloudjarServerExtension cloudjar;

    ImdsHttp(CloudjarServerExtension cloudjar) {
        this.cloudjar = cloudjar;
    }

    /** What an SDK's IMDS endpoint setting points at for this instance. */
    URI endpoint(String instanceId) {
        return URI.create("http://localhost:" + cloudjar.port() + "/_cloudjar/ec2/" + instanceId);
    }

    /** GET (IMDSv1 when no headers are given); {@code headers} are name, value pairs. */
    HttpResponse<String> get(String instanceId, String path, String... headers) {
        return send(instanceId, "GET", path, headers);
    }

    HttpResponse<byte[]> getBytes(String instanceId, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(endpoint(instanceId) + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> send(String instanceId, String method, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint(instanceId) + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An IMDSv2 session token for the instance. */
    String token(String instanceId, int ttlSeconds) {
        HttpResponse<String> answer = send(instanceId, "PUT", "/latest/api/token", TTL, Integer.toString(ttlSeconds));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("token request answered " + answer.statusCode());
        }
        return answer.body();
    }
}
