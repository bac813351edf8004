package io.cloudjar.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/** What LocalStack and moto users call besides AWS: /_localstack/info, moto's reset-auth, moto's default account. */
class DropInTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withDefaultAccount("123456789012");

    @Test
    void infoHasLocalStacksShape() throws Exception {
        JsonNode info = get("/_localstack/info");
        assertThat(info.path("version").asText()).isNotEmpty();
        assertThat(info.path("edition").asText()).isEqualTo("community");
        assertThat(info.path("session_id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(info.path("machine_id").asText()).matches("(dkr|gen)_[0-9a-f]{12}");
        assertThat(info.path("is_docker").isBoolean()).isTrue();
        assertThat(info.path("uptime").isIntegralNumber()).isTrue();
        LocalDateTime now = LocalDateTime.ofInstant(cloudjar.clock().now(), ZoneOffset.UTC);
        assertThat(info.path("server_time_utc").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        assertThat(LocalDateTime.parse(info.path("server_time_utc").asText())).isEqualTo(now.withNano(0));
        assertThat(get("/_localstack/info").path("session_id")).isEqualTo(info.path("session_id"));

        cloudjar.advanceClock(Duration.ofDays(2)); // server_time_utc is the emulator clock's
        LocalDateTime later = LocalDateTime.parse(get("/_localstack/info").path("server_time_utc").asText());
        assertThat(later).isEqualTo(now.withNano(0).plusDays(2));
        assertThat(RawHttp.send(cloudjar.port(), "HEAD", "/_localstack/info", "localhost", null, null).status()).isEqualTo(200);
        assertThat(RawHttp.send(cloudjar.port(), "POST", "/_localstack/info", "localhost", null, "").status()).isEqualTo(404);
    }

    @Test
    void motoResetAuthAnswersThePreviousCount() throws Exception {
        try {
            RawHttp.Answer first = RawHttp.send(cloudjar.port(), "POST", "/moto-api/reset-auth", "localhost", null, "4");
            assertThat(first.status()).isEqualTo(200);
            JsonNode body = new ObjectMapper().readTree(first.body());
            assertThat(body.path("PREVIOUS_INITIAL_NO_AUTH_ACTION_COUNT").asText()).isEqualTo("inf");
            assertThat(cloudjar.server().runtime().noAuthActions().initialCount()).isEqualTo(4.0);
            JsonNode second = new ObjectMapper().readTree(
                    RawHttp.send(cloudjar.port(), "POST", "/moto-api/reset-auth", "localhost", null, "inf").body());
            assertThat(second.path("PREVIOUS_INITIAL_NO_AUTH_ACTION_COUNT").asText()).isEqualTo("4.0");
            assertThat(RawHttp.send(cloudjar.port(), "POST", "/moto-api/reset-auth", "localhost", null, "many").status()).isEqualTo(400);
            assertThat(RawHttp.send(cloudjar.port(), "POST", "/moto-api/reset-auth", "localhost",
                    "Origin: https://evil.example\r\n", "0").status()).isEqualTo(403);
        } finally {
            cloudjar.server().runtime().noAuthActions().reset(Double.POSITIVE_INFINITY);
        }
    }

    @Test
    void defaultAccountIdChoosesTheTestKeysAccount() {
        try (StsClient sts = cloudjar.client(StsClient.builder());
                IamClient iam = cloudjar.client(IamClient.builder())) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("123456789012");
            assertThat(iam.createUser(b -> b.userName("moto-user")).user().arn()).isEqualTo("arn:aws:iam::123456789012:user/moto-user");
        }
        try (StsClient other = cloudjar.client(StsClient.builder(), Region.US_EAST_1, "111122223333", "test")) {
            assertThat(other.getCallerIdentity().account()).isEqualTo("111122223333");
        }
    }

    private static JsonNode get(String path) throws Exception {
        RawHttp.Answer answer = RawHttp.send(cloudjar.port(), "GET", path, "localhost", null, null);
        assertThat(answer.status()).isEqualTo(200);
        return new ObjectMapper().readTree(answer.body());
    }
}
