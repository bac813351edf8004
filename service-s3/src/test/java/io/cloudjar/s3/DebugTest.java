package io.cloudjar.s3;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

class DebugTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @Test
    void debug() {
        var s3 = S3Clients.pathStyle(cloudjar);
        s3.createBucket(b -> b.bucket("dbg"));
        s3.putObject(r -> r.bucket("dbg").key("k"), RequestBody.fromString("x"));
        var resp = s3.getObjectAttributes(r -> r.bucket("dbg").key("k").objectAttributesWithStrings("ETag", "ObjectSize", "Checksum"));
        System.out.println("DEBUG " + resp + " " + resp.sdkHttpResponse().headers());
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            var raw = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(cloudjar.endpoint() + "/dbg/k?attributes"))
                    .header("x-amz-object-attributes", "ETag,ObjectSize").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            System.out.println("DEBUG RAW " + raw.statusCode() + " " + raw.body());
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
