package io.cloudjar.s3;

import static io.cloudjar.s3.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.BadInputSweep;
import java.net.InetAddress;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3control.model.S3ControlException;

/** Account-level Block Public Access through S3 Control, enforced together with the bucket's own settings. */
class AccountPublicAccessBlockTest {
    private static final String ACCOUNT = "000000000000";

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private final S3Client s3 = S3Clients.pathStyle(cloudjar);
    // S3 Control puts the account in front of the host (000000000000.localhost): every name resolves to loopback here
    private final S3ControlClient control = cloudjar.client(S3ControlClient.builder()
            .httpClient(ApacheHttpClient.builder().dnsResolver(host -> new InetAddress[] {InetAddress.getLoopbackAddress()}).build()));

    @Test
    void theAccountSettingBlocksAPublicAclTheBucketAllows() {
        S3ControlException missing = catchThrowableOfType(S3ControlException.class,
                () -> control.getPublicAccessBlock(r -> r.accountId(ACCOUNT)));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("NoSuchPublicAccessBlockConfiguration");

        s3.createBucket(b -> b.bucket("account-pab").objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED));
        s3.deletePublicAccessBlock(r -> r.bucket("account-pab"));
        control.putPublicAccessBlock(r -> r.accountId(ACCOUNT).publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)));
        PublicAccessBlockConfiguration got = control.getPublicAccessBlock(r -> r.accountId(ACCOUNT)).publicAccessBlockConfiguration();
        assertThat(got.blockPublicAcls()).isTrue();
        assertThat(got.blockPublicPolicy()).as("flags left out are false").isFalse();

        assertS3Error(403, "AccessDenied", () -> s3.putBucketAcl(r -> r.bucket("account-pab").acl(BucketCannedACL.PUBLIC_READ)));

        control.deletePublicAccessBlock(r -> r.accountId(ACCOUNT));
        s3.putBucketAcl(r -> r.bucket("account-pab").acl(BucketCannedACL.PUBLIC_READ));
        assertThat(s3.getBucketAcl(r -> r.bucket("account-pab")).grants()).hasSize(2);
    }

    static Stream<Class<?>> controlRequests() throws Exception {
        return BadInputSweep.requestsServedBy("io.cloudjar.s3.").stream()
                .filter(r -> r.getPackageName().equals("software.amazon.awssdk.services.s3control.model"));
    }

    /** Bad input to every S3 Control operation served gets a 4xx (or succeeds), never a 500. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("controlRequests")
    void badInputGetsAClientError(Class<?> request) throws Exception {
        BadInputSweep.assertNoServerError(control, S3ControlClient.class, request, BadInputSweep::nonsense);
        BadInputSweep.assertNoServerError(control, S3ControlClient.class, request, BadInputSweep::hollow);
    }

    @Test
    void anotherAccountsSettingIsRefused() {
        S3ControlException denied = catchThrowableOfType(S3ControlException.class,
                () -> control.putPublicAccessBlock(r -> r.accountId("111122223333")
                        .publicAccessBlockConfiguration(c -> c.blockPublicAcls(true))));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    }
}
