package io.cloudjar.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import io.cloudjar.core.testing.RawHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Default mode: a key Cloudjar issued must sign every request with its own secret, on every kind of API, as on
 * AWS; a key it never issued stays the root of its account whatever the secret.
 */
class IssuedKeySignaturesTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withClock(java.time.Clock.systemUTC());

    private static final String BUCKET = "signed-by-issued-keys";
    private static AccessKey key;

    @BeforeAll
    static void userWithKey() {
        try (Clients root = Clients.of(cloudjar, "test", "test")) {
            root.iam().createUser(r -> r.userName("signer"));
            root.iam().attachUserPolicy(r -> r.userName("signer").policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
            key = root.iam().createAccessKey(r -> r.userName("signer")).accessKey();
            root.s3().createBucket(r -> r.bucket(BUCKET));
        }
    }

    private static AccessKey wrongSecret() {
        return key.toBuilder().secretAccessKey(key.secretAccessKey() + "x").build();
    }

    private static void assertRefused(Runnable call, String code, int status) {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, call::run);
        assertThat(e).as("refused with %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(status);
    }

    @Test
    void anIssuedKeyWorksWithItsSecretOnEveryApi() {
        try (Clients user = Clients.of(cloudjar, key)) {
            assertThat(user.sts().getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:user/signer");
            assertThat(user.iam().getUser().user().userName()).isEqualTo("signer");
            assertThat(user.ec2().describeVpcs().vpcs()).isNotEmpty();
            byte[] body = new byte[200_000];
            Arrays.fill(body, (byte) 'a');
            user.s3().putObject(r -> r.bucket(BUCKET).key("sdk-stream"), RequestBody.fromBytes(body));
            assertThat(user.s3().getObjectAsBytes(r -> r.bucket(BUCKET).key("sdk-stream")).asByteArray()).isEqualTo(body);
        }
    }

    @Test
    void anIssuedKeyWithAWrongSecretIsRefusedByEveryApiInItsOwnWords() {
        try (Clients user = Clients.of(cloudjar, wrongSecret())) {
            assertRefused(() -> user.sts().getCallerIdentity(), "SignatureDoesNotMatch", 403);
            assertRefused(() -> user.iam().getUser(), "SignatureDoesNotMatch", 403);
            assertRefused(() -> user.ec2().describeVpcs(), "AuthFailure", 401);
            assertRefused(() -> user.s3().listObjectsV2(r -> r.bucket(BUCKET)), "SignatureDoesNotMatch", 403);
            assertRefused(() -> user.s3().putObject(r -> r.bucket(BUCKET).key("never"), RequestBody.fromString("x")),
                    "SignatureDoesNotMatch", 403);
        }
        try (Clients root = Clients.of(cloudjar, "test", "test")) {
            assertThat(catchThrowableOfType(NoSuchKeyException.class,
                    () -> root.s3().headObject(r -> r.bucket(BUCKET).key("never")))).isNotNull();
        }
    }

    @Test
    void jsonAndRdsApisVerifyIssuedKeysToo() {
        try (var good = Clients.build(cloudjar, LightsailClient.builder(), Region.US_EAST_1,
                        AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
                var bad = Clients.build(cloudjar, LightsailClient.builder(), Region.US_EAST_1,
                        AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey() + "x"));
                var rds = Clients.build(cloudjar, RdsClient.builder(), Region.US_EAST_1,
                        AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey() + "x"))) {
            assertThat(good.getRegions().regions()).isNotEmpty();
            assertRefused(bad::getRegions, "InvalidSignatureException", 400);
            assertRefused(rds::describeDBEngineVersions, "SignatureDoesNotMatch", 403);
        }
    }

    @Test
    void anS3BodyMustMatchItsSignedHash() throws Exception {
        try (Clients root = Clients.of(cloudjar, "test", "test")) {
            root.s3().putObject(r -> r.bucket(BUCKET).key("tagged"), RequestBody.fromString("t"));
        }
        String tagging = "<Tagging><TagSet><Tag><Key>team</Key><Value>blue</Value></Tag></TagSet></Tagging>";
        SignedRaw.Signed signed = SignedRaw.as(key.accessKeyId(), key.secretAccessKey()).sign(cloudjar.port(), "s3", "PUT",
                "/" + BUCKET + "/tagged?tagging", Map.of("Content-Type", "application/xml"), tagging.getBytes(StandardCharsets.UTF_8));
        String wire = new String(signed.wire(), StandardCharsets.ISO_8859_1);
        RawHttp.Response changed = SignedRaw.send(cloudjar.port(), wire.replace(">blue<", ">gold<").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(changed.status()).isEqualTo(400);
        assertThat(changed.body()).contains("<Code>XAmzContentSHA256Mismatch</Code>");
        assertThat(SignedRaw.send(cloudjar.port(), signed.wire()).status()).isEqualTo(200);
        try (Clients root = Clients.of(cloudjar, "test", "test")) {
            assertThat(root.s3().getObjectTagging(r -> r.bucket(BUCKET).key("tagged")).tagSet()).singleElement()
                    .satisfies(tag -> assertThat(tag.value()).isEqualTo("blue"));
        }
    }

    @Test
    void keysCloudjarNeverIssuedAreRootsWithAnySecret() {
        try (Clients test = Clients.of(cloudjar, "test", "anything"); Clients foo = Clients.of(cloudjar, "foo", "bar");
                Clients other = Clients.of(cloudjar, "111111111111", "whatever")) {
            assertThat(test.sts().getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:root");
            assertThat(foo.ec2().describeVpcs().vpcs()).isNotEmpty();
            assertThat(foo.s3().listBuckets().buckets()).isNotEmpty();
            assertThat(other.sts().getCallerIdentity().account()).isEqualTo("111111111111");
        }
    }

    @Test
    void sessionCredentialsAreVerifiedAndAnInactiveKeyIsRefused() {
        Credentials session;
        try (Clients user = Clients.of(cloudjar, key)) {
            session = user.sts().getSessionToken().credentials();
        }
        try (Clients good = Clients.session(cloudjar, session); Clients bad = Clients.session(cloudjar,
                session.toBuilder().secretAccessKey(session.secretAccessKey() + "x").build())) {
            assertThat(good.sts().getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:user/signer");
            assertRefused(() -> bad.sts().getCallerIdentity(), "SignatureDoesNotMatch", 403);
            assertRefused(() -> bad.s3().listBuckets(), "SignatureDoesNotMatch", 403);
        }
        try (Clients root = Clients.of(cloudjar, "test", "test")) {
            root.iam().createUser(r -> r.userName("inactive"));
            AccessKey inactive = root.iam().createAccessKey(r -> r.userName("inactive")).accessKey();
            root.iam().updateAccessKey(r -> r.userName("inactive").accessKeyId(inactive.accessKeyId()).status("Inactive"));
            try (Clients user = Clients.of(cloudjar, inactive)) {
                assertRefused(() -> user.sts().getCallerIdentity(), "InvalidClientTokenId", 403);
                assertRefused(() -> user.s3().listBuckets(), "InvalidAccessKeyId", 403);
                assertRefused(() -> user.ec2().describeVpcs(), "AuthFailure", 401);
            }
            root.iam().deleteAccessKey(r -> r.userName("inactive").accessKeyId(inactive.accessKeyId()));
            try (Clients user = Clients.of(cloudjar, inactive)) {
                assertRefused(() -> user.iam().getUser(), "InvalidClientTokenId", 403);
            }
        }
    }

    private static S3Presigner presigner(String accessKey, String secret) {
        return S3Presigner.builder().endpointOverride(cloudjar.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
    }

    private static HttpResponse<String> get(URI uri, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void presignedUrlsOfAnIssuedKeyAreVerifiedAndTakeOneSignatureOnly() throws Exception {
        try (Clients user = Clients.of(cloudjar, key); S3Presigner good = presigner(key.accessKeyId(), key.secretAccessKey());
                S3Presigner bad = presigner(key.accessKeyId(), key.secretAccessKey() + "x")) {
            user.s3().putObject(r -> r.bucket(BUCKET).key("shared.txt"), RequestBody.fromString("shared"));
            URI url = good.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(BUCKET).key("shared.txt"))).url().toURI();
            assertThat(get(url).body()).isEqualTo("shared");
            assertThat(get(URI.create(url.toString().replace("shared.txt", "other.txt"))).body())
                    .contains("<Code>SignatureDoesNotMatch</Code>").contains("<CanonicalRequest>");
            URI wrong = bad.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(BUCKET).key("shared.txt"))).url().toURI();
            assertThat(get(wrong).statusCode()).isEqualTo(403);

            String header = "AWS4-HMAC-SHA256 Credential=" + key.accessKeyId() + "/20261205/us-east-1/s3/aws4_request, "
                    + "SignedHeaders=host, Signature=0000";
            HttpResponse<String> both = get(url, "Authorization", header);
            assertThat(both.statusCode()).isEqualTo(400);
            assertThat(both.body()).contains("<Code>InvalidArgument</Code>").contains("Only one auth mechanism allowed")
                    .contains("<ArgumentName>Authorization</ArgumentName>");
        }
    }

    private static SignedRaw.Signed chunkedPut(String objectKey, byte[] data, Map<String, String> headers) throws Exception {
        return SignedRaw.as(key.accessKeyId(), key.secretAccessKey()).chunked()
                .sign(cloudjar.port(), "s3", "PUT", "/" + BUCKET + "/" + objectKey, headers, data);
    }

    @Test
    void everyChunkOfASignedUploadIsVerifiedAndAChangedChunkStoresNothing() throws Exception {
        byte[] data = new byte[150_000]; // the SDK's signer cuts 128 KiB chunks: two data chunks and the final one
        Arrays.fill(data, (byte) 'c');
        SignedRaw.Signed good = chunkedPut("chunked-good", data, Map.of());
        assertThat(good.request().firstMatchingHeader("x-amz-content-sha256")).contains("STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
        RawHttp.Response stored = SignedRaw.send(cloudjar.port(), good.wire());
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);

        SignedRaw.Signed signed = chunkedPut("chunked-changed", data, Map.of());
        byte[] wire = signed.wire();
        byte[] extension = ";chunk-signature=".getBytes(StandardCharsets.ISO_8859_1);
        int second = indexOf(wire, extension, 2); // the second chunk's size line: <hex>;chunk-signature=<64 hex>\r\n
        wire[second + extension.length + 64 + 2 + 10] = 'X'; // a byte of the second chunk's data
        RawHttp.Response refused = SignedRaw.send(cloudjar.port(), wire);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("<Code>SignatureDoesNotMatch</Code>").contains("AWS4-HMAC-SHA256-PAYLOAD");

        try (Clients root = Clients.of(cloudjar, "test", "test")) {
            assertThat(root.s3().getObjectAsBytes(r -> r.bucket(BUCKET).key("chunked-good")).asByteArray()).isEqualTo(data);
            assertThat(catchThrowableOfType(NoSuchKeyException.class,
                    () -> root.s3().headObject(r -> r.bucket(BUCKET).key("chunked-changed")))).isNotNull();
        }
    }

    @Test
    void theTrailerSignatureCoversTheTrailingChecksum() throws Exception {
        byte[] data = "trailed body".getBytes(StandardCharsets.UTF_8);
        SignedRaw signer = SignedRaw.as(key.accessKeyId(), key.secretAccessKey()).chunkedWithTrailer();
        SignedRaw.Signed good = signer.sign(cloudjar.port(), "s3", "PUT", "/" + BUCKET + "/trailed-good", Map.of(), data);
        assertThat(good.request().firstMatchingHeader("x-amz-content-sha256"))
                .contains("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER");
        RawHttp.Response stored = SignedRaw.send(cloudjar.port(), good.wire());
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);

        SignedRaw.Signed signed = signer.sign(cloudjar.port(), "s3", "PUT", "/" + BUCKET + "/trailed-changed", Map.of(), data);
        String wire = new String(signed.wire(), StandardCharsets.ISO_8859_1);
        int checksum = wire.indexOf("x-amz-checksum-crc32:", wire.indexOf("\r\n\r\n"));
        assertThat(checksum).as("trailer in the body").isPositive();
        String changed = wire.substring(0, checksum) + "x-amz-checksum-crc32:AAAAAA==" + wire.substring(wire.indexOf("\r\n", checksum));
        RawHttp.Response refused = SignedRaw.send(cloudjar.port(), changed.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("<Code>SignatureDoesNotMatch</Code>").contains("AWS4-HMAC-SHA256-TRAILER");
        try (Clients root = Clients.of(cloudjar, "test", "test")) {
            assertThat(catchThrowableOfType(NoSuchKeyException.class,
                    () -> root.s3().headObject(r -> r.bucket(BUCKET).key("trailed-changed")))).isNotNull();
        }
    }

    /** The position of the {@code n}th occurrence of {@code needle} (1-based), at its start. */
    private static int indexOf(byte[] haystack, byte[] needle, int n) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            if (--n == 0) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
