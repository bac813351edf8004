package io.cloudjar.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * A header signature is valid within 15 minutes of the emulator clock: a request signed at another time is
 * refused as each API refuses it. Signatures are made 20 minutes off the server's clock by the SDK's signer;
 * the last test moves the emulator clock instead, as a test of timed behaviour does.
 */
class RequestTimeTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private static AccessKey key;

    @BeforeAll
    static void userWithKey() {
        try (Clients root = Clients.of(cloudjar, "test", "test")) {
            root.iam().createUser(r -> r.userName("clocked"));
            key = root.iam().createAccessKey(r -> r.userName("clocked")).accessKey();
            root.s3().createBucket(r -> r.bucket("clocked"));
        }
    }

    private static Clock offBy(Duration offset) {
        return Clock.fixed(cloudjar.clock().now().plus(offset), ZoneOffset.UTC);
    }

    private static RawHttp.Response send(String accessKey, String secret, Duration offset, String service, String method,
            String path, String body) throws Exception {
        Map<String, String> headers = body.isEmpty() ? Map.of()
                : Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        SignedRaw.Signed signed = SignedRaw.as(accessKey, secret).at(offBy(offset))
                .sign(cloudjar.port(), service, method, path, headers, body.getBytes(StandardCharsets.UTF_8));
        return SignedRaw.send(cloudjar.port(), signed.wire());
    }

    @Test
    void theSignersOwnRequestsWithinTheWindowAreAccepted() throws Exception {
        assertThat(send(key.accessKeyId(), key.secretAccessKey(), Duration.ofMinutes(-14), "sts", "POST", "/",
                "Action=GetCallerIdentity&Version=2011-06-15").status()).isEqualTo(200);
        assertThat(send(key.accessKeyId(), key.secretAccessKey(), Duration.ofMinutes(14), "s3", "GET", "/clocked", "")
                .status()).isEqualTo(200);
        assertThat(send(key.accessKeyId(), key.secretAccessKey() + "x", Duration.ZERO, "sts", "POST", "/",
                "Action=GetCallerIdentity&Version=2011-06-15").body()).contains("<Code>SignatureDoesNotMatch</Code>");
    }

    @Test
    void s3AnswersRequestTimeTooSkewedWithBothTimes() throws Exception {
        RawHttp.Response old = send(key.accessKeyId(), key.secretAccessKey(), Duration.ofMinutes(-20), "s3", "GET", "/clocked", "");
        assertThat(old.status()).isEqualTo(403);
        assertThat(old.body()).contains("<Code>RequestTimeTooSkewed</Code>")
                .contains("<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>")
                .contains("<ServerTime>" + cloudjar.clock().now() + "</ServerTime>").contains("<RequestTime>");
        RawHttp.Response future = send(key.accessKeyId(), key.secretAccessKey(), Duration.ofMinutes(20), "s3", "GET", "/clocked", "");
        assertThat(future.body()).contains("<Code>RequestTimeTooSkewed</Code>");
    }

    @Test
    void queryApisAnswerSignatureExpiredAndEc2RequestExpired() throws Exception {
        RawHttp.Response sts = send(key.accessKeyId(), key.secretAccessKey(), Duration.ofMinutes(-20), "sts", "POST", "/",
                "Action=GetCallerIdentity&Version=2011-06-15");
        assertThat(sts.status()).isEqualTo(403);
        assertThat(sts.body()).contains("<Code>SignatureDoesNotMatch</Code>").contains("Signature expired: ")
                .contains("is now earlier than").contains(" - 15 min.)");
        RawHttp.Response iam = send(key.accessKeyId(), key.secretAccessKey(), Duration.ofMinutes(30), "iam", "POST", "/",
                "Action=GetUser&Version=2010-05-08");
        assertThat(iam.body()).contains("<Code>SignatureDoesNotMatch</Code>").contains("Signature not yet current: ");
        RawHttp.Response ec2 = send(key.accessKeyId(), key.secretAccessKey(), Duration.ofMinutes(-20), "ec2", "POST", "/",
                "Action=DescribeVpcs&Version=2016-11-15");
        assertThat(ec2.status()).isEqualTo(400);
        assertThat(ec2.body()).contains("<Code>RequestExpired</Code>");
    }

    @Test
    void aRootKeyInDefaultModeIsNotHeldToTheClock() throws Exception {
        assertThat(send("test", "any", Duration.ofDays(-400), "sts", "POST", "/",
                "Action=GetCallerIdentity&Version=2011-06-15").status()).isEqualTo(200);
    }

    @Test
    void zMovingTheEmulatorClockSkewsClientsAndExpiresSessions() {
        Credentials session;
        try (Clients user = Clients.of(cloudjar, key)) {
            session = user.sts().getSessionToken(r -> r.durationSeconds(900)).credentials();
        }
        Instant before = cloudjar.clock().now();
        cloudjar.advanceClock(Duration.ofHours(1));
        try (Clients user = Clients.of(cloudjar, key); Clients expired = Clients.session(cloudjar, session)) {
            AwsServiceException skewed = catchThrowableOfType(AwsServiceException.class, () -> user.s3().listBuckets());
            assertThat(skewed.awsErrorDetails().errorCode()).isEqualTo("RequestTimeTooSkewed");
            AwsServiceException sts = catchThrowableOfType(AwsServiceException.class, () -> user.sts().getCallerIdentity());
            assertThat(sts.awsErrorDetails().errorMessage()).startsWith("Signature expired: ");
            AwsServiceException token = catchThrowableOfType(AwsServiceException.class, () -> expired.sts().getCallerIdentity());
            assertThat(token.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
        }
        assertThat(cloudjar.clock().now()).isAfter(before);
        // an SDK client with its default retries corrects its clock from the answer's Date and succeeds, as on AWS
        try (var sts = cloudjar.client(software.amazon.awssdk.services.sts.StsClient.builder(),
                software.amazon.awssdk.regions.Region.US_EAST_1, key.accessKeyId(), key.secretAccessKey())) {
            assertThat(sts.getCallerIdentity().arn()).endsWith(":user/clocked");
        }
    }
}
