package io.cloudjar.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.server.CloudjarServer;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The extension registered in code: services subset, IAM enforced, clients built on request, no reset. */
class CloudjarExtensionTest {
    @RegisterExtension
    static final CloudjarExtension CLOUDJAR = CloudjarExtension.create().withServices("s3", "iam").withEnforcedIam();

    @Test
    void configuredFromCode(CloudjarServer server, URI endpoint) {
        assertThat(CLOUDJAR.server()).isSameAs(server);
        assertThat(CLOUDJAR.endpoint()).isEqualTo(endpoint);
        assertThat(server.runtime().config().services()).containsExactlyInAnyOrder("s3", "iam");
        assertThat(server.runtime().config().enforceIam()).isTrue();
    }

    @Test
    void rootCredentialsAreAllowedAndPathStyleIsUsed() {
        try (S3Client s3 = CLOUDJAR.client(S3Client.class); IamClient iam = CLOUDJAR.client(IamClient.class)) {
            s3.createBucket(b -> b.bucket("from-code"));
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("from-code");
            iam.createUser(u -> u.userName("bob"));
        }
    }

    @Test
    void resetOnRequest() {
        try (S3Client s3 = CLOUDJAR.client(S3Client.class)) {
            s3.createBucket(b -> b.bucket("wiped"));
            CLOUDJAR.reset();
            assertThat(s3.listBuckets().buckets()).isEmpty();
            assertThatThrownBy(() -> s3.headBucket(b -> b.bucket("wiped"))).isInstanceOf(S3Exception.class);
        }
    }
}
