package io.cloudjar.ec2;

import static io.cloudjar.ec2.ImdsHttp.TOKEN;
import static io.cloudjar.ec2.ImdsHttp.TTL;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsRequest;

/** IMDSv2 session tokens, IMDSv1 against {@code HttpTokens: required}, a disabled endpoint, and methods. */
class ImdsSessionTokensTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    private static final String INSTANCE_ID = "/latest/meta-data/instance-id";

    private final Ec2Client ec2 = cloudjar.client(Ec2Client.builder());
    private final ImdsHttp imds = new ImdsHttp(cloudjar);

    @AfterEach
    void reset() {
        cloudjar.reset();
        ec2.close();
    }

    private String running(Consumer<InstanceMetadataOptionsRequest.Builder> options) {
        String image = TestLaunches.ubuntu(ec2);
        String id = ec2.runInstances(r -> r.imageId(image).instanceType("t2.micro").minCount(1).maxCount(1)
                .metadataOptions(options)).instances().get(0).instanceId();
        cloudjar.advanceClock(Duration.ofSeconds(5));
        return id;
    }

    @Test
    void aTokenFromPutIsAcceptedUntilItsTtlRunsOutOnTheEmulatorClock() {
        String id = running(o -> { });
        HttpResponse<String> put = imds.send(id, "PUT", "/latest/api/token", TTL, "60");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.headers().firstValue(TTL)).contains("60");
        String token = put.body();
        assertThat(token).startsWith("AQAEA").matches("[A-Za-z0-9+/=]+");

        HttpResponse<String> read = imds.get(id, INSTANCE_ID, TOKEN, token);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(id);
        assertThat(read.headers().firstValue(TTL)).as("seconds the token has left").contains("60");

        cloudjar.advanceClock(Duration.ofSeconds(59));
        assertThat(imds.get(id, INSTANCE_ID, TOKEN, token).headers().firstValue(TTL)).as("its last second").contains("1");
        cloudjar.advanceClock(Duration.ofSeconds(1));
        assertThat(imds.get(id, INSTANCE_ID, TOKEN, token).statusCode()).as("expired").isEqualTo(401);
        assertThat(imds.get(id, INSTANCE_ID).statusCode()).as("IMDSv1 still allowed").isEqualTo(200);
    }

    @Test
    void aTokenIsValidOnlyAtItsOwnInstanceAndCannotBeForged() {
        String first = running(o -> { });
        String second = running(o -> { });
        String token = imds.token(first, 21600);
        assertThat(imds.get(second, INSTANCE_ID, TOKEN, token).statusCode()).isEqualTo(401);

        byte[] bytes = Base64.getDecoder().decode(token);
        bytes[bytes.length - 1] ^= 1;
        assertThat(imds.get(first, INSTANCE_ID, TOKEN, Base64.getEncoder().encodeToString(bytes)).statusCode()).isEqualTo(401);
        bytes[bytes.length - 1] ^= 1;
        bytes[6] ^= 1; // a later expiry
        assertThat(imds.get(first, INSTANCE_ID, TOKEN, Base64.getEncoder().encodeToString(bytes)).statusCode()).isEqualTo(401);
        assertThat(imds.get(first, INSTANCE_ID, TOKEN, "not-a-token").statusCode()).isEqualTo(401);
        HttpResponse<String> unauthorized = imds.get(first, "/latest/meta-data/no-such-path", TOKEN, "");
        assertThat(unauthorized.statusCode()).as("the token is checked before the path").isEqualTo(401);
        assertThat(unauthorized.body()).contains("401 - Unauthorized");
    }

    @Test
    void aTokenRequestNeedsATtlBetweenOneSecondAndSixHours() {
        String id = running(o -> { });
        assertThat(imds.send(id, "PUT", "/latest/api/token").statusCode()).as("no TTL").isEqualTo(400);
        for (String bad : new String[] {"0", "21601", "-5", "abc", ""}) {
            assertThat(imds.send(id, "PUT", "/latest/api/token", TTL, bad).statusCode()).as(bad).isEqualTo(400);
        }
        assertThat(imds.send(id, "PUT", "/latest/api/token", TTL, "1").statusCode()).isEqualTo(200);
        assertThat(imds.send(id, "PUT", "/latest/api/token", TTL, "21600").statusCode()).isEqualTo(200);
    }

    @Test
    void tokensAreOnlyIssuedAtTheirPathAndNeverThroughAProxy() {
        String id = running(o -> { });
        assertThat(imds.send(id, "PUT", "/latest/meta-data/", TTL, "60").statusCode()).isEqualTo(403);
        assertThat(imds.send(id, "PUT", "/latest/api/token", TTL, "60", "X-Forwarded-For", "203.0.113.7").statusCode())
                .isEqualTo(403);
        assertThat(imds.send(id, "POST", "/latest/api/token", TTL, "60").statusCode()).isEqualTo(405);
        assertThat(imds.send(id, "DELETE", INSTANCE_ID).statusCode()).isEqualTo(405);
        assertThat(imds.get(id, "/latest/api/token").statusCode()).isEqualTo(404);
    }

    @Test
    void withTokensRequiredImdsV1IsRefusedAndIMDSv2Works() {
        String id = running(o -> o.httpTokens("required"));
        assertThat(ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0)
                .metadataOptions().httpTokensAsString()).isEqualTo("required");

        HttpResponse<String> v1 = imds.get(id, INSTANCE_ID);
        assertThat(v1.statusCode()).isEqualTo(401);
        assertThat(v1.body()).contains("401 - Unauthorized").doesNotContain(id);
        assertThat(imds.get(id, "/latest/meta-data/").statusCode()).isEqualTo(401);

        String token = imds.token(id, 300);
        assertThat(imds.get(id, INSTANCE_ID, TOKEN, token).body()).isEqualTo(id);
    }

    @Test
    void aDisabledEndpointAnswersForbiddenToEverything() {
        String id = running(o -> o.httpEndpoint("disabled"));
        assertThat(imds.send(id, "PUT", "/latest/api/token", TTL, "60").statusCode()).isEqualTo(403);
        assertThat(imds.get(id, INSTANCE_ID).statusCode()).isEqualTo(403);
        assertThat(imds.get(id, "/latest/meta-data/no-such-path").statusCode()).isEqualTo(403);
    }
}
