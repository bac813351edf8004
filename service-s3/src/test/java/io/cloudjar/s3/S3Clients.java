package io.cloudjar.s3;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.net.InetAddress;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** S3 clients for tests, in both addressing styles. */
final class S3Clients {
    private S3Clients() {
    }

    static S3Client pathStyle(CloudjarServerExtension cloudjar) {
        return cloudjar.client(S3Client.builder().forcePathStyle(true));
    }

    /**
     * Virtual-host style: the SDK sends {@code Host: <bucket>.localhost}; every name resolves to loopback
     * here, as {@code *.localhost} does on machines with systemd-resolved.
     */
    static S3Client virtualHost(CloudjarServerExtension cloudjar) {
        return cloudjar.client(S3Client.builder()
                .httpClient(ApacheHttpClient.builder().dnsResolver(host -> new InetAddress[] {InetAddress.getLoopbackAddress()}).build()));
    }

    /** A client of either style ("path" or "virtual-host") in another region or account. */
    static S3Client of(CloudjarServerExtension cloudjar, String style, Region region, String accessKey) {
        S3ClientBuilder builder = style.equals("path") ? S3Client.builder().forcePathStyle(true) : S3Client.builder()
                .httpClient(ApacheHttpClient.builder().dnsResolver(host -> new InetAddress[] {InetAddress.getLoopbackAddress()}).build());
        return cloudjar.client(builder, region, accessKey, CloudjarServerExtension.SECRET_KEY);
    }

    static S3AsyncClient async(CloudjarServerExtension cloudjar) {
        return cloudjar.client(S3AsyncClient.builder().forcePathStyle(true));
    }

    /** Both addressing styles, for parameterized tests: ("path", client), ("virtual-host", client). */
    static Stream<Arguments> bothStyles(CloudjarServerExtension cloudjar) {
        return Stream.of(Arguments.of("path", pathStyle(cloudjar)), Arguments.of("virtual-host", virtualHost(cloudjar)));
    }
}
