package io.cloudjar.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudjar.core.testing.CloudjarServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.imds.Ec2MetadataClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * An instance launched with an IAM instance profile hands its role's credentials to the SDK's own
 * {@link InstanceProfileCredentialsProvider} through the metadata service, and calls signed with them act as the
 * role session {@code assumed-role/ROLE/INSTANCE_ID}: EC2, IAM and STS together, as on AWS.
 */
class InstanceProfileCredentialsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    static final String EC2_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String ACCOUNT_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final IamClient iam = cloudjar.client(IamClient.builder());
    private final Ec2Client ec2 = cloudjar.client(Ec2Client.builder());

    @AfterEach
    void reset() {
        cloudjar.reset();
        iam.close();
        ec2.close();
    }

    private String imds(String instanceId) {
        return "http://localhost:" + cloudjar.port() + "/_cloudjar/ec2/" + instanceId;
    }

    private void profile(String profile, String role, String trust) {
        iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(trust));
        iam.createInstanceProfile(r -> r.instanceProfileName(profile));
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName(profile).roleName(role));
    }

    private Instance launch(String profile, String httpTokens) {
        String image = ec2.describeImages(r -> r.owners("099720109477")
                .filters(f -> f.name("name").values("ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*")))
                .images().get(0).imageId();
        String id = ec2.runInstances(r -> r.imageId(image).instanceType("t2.micro").minCount(1).maxCount(1)
                .iamInstanceProfile(p -> p.name(profile)).metadataOptions(m -> m.httpTokens(httpTokens)))
                .instances().get(0).instanceId();
        cloudjar.advanceClock(Duration.ofSeconds(5));
        return ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0);
    }

    private String callerArn(AwsCredentialsProvider credentials) {
        try (StsClient sts = StsClient.builder().endpointOverride(cloudjar.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build()) {
            return sts.getCallerIdentity().arn();
        }
    }

    private static HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSdksInstanceProfileProviderGetsTheRoleSessionOfTheInstance() {
        profile("web-profile", "web-role", EC2_TRUST);
        Instance instance = launch("web-profile", "required");
        var iamProfile = iam.getInstanceProfile(r -> r.instanceProfileName("web-profile")).instanceProfile();
        assertThat(instance.iamInstanceProfile().arn()).isEqualTo(iamProfile.arn());
        assertThat(instance.iamInstanceProfile().id()).isEqualTo(iamProfile.instanceProfileId());

        try (InstanceProfileCredentialsProvider provider = InstanceProfileCredentialsProvider.builder()
                .endpoint(imds(instance.instanceId())).build()) {
            AwsCredentials credentials = provider.resolveCredentials();
            assertThat(credentials).isInstanceOf(AwsSessionCredentials.class);
            assertThat(credentials.accessKeyId()).startsWith("ASIA");
            assertThat(((AwsSessionCredentials) credentials).expirationTime()).hasValueSatisfying(expiry ->
                    assertThat(Duration.between(cloudjar.clock().now(), expiry))
                            .isBetween(Duration.ofHours(5), Duration.ofHours(6)));
            assertThat(callerArn(provider))
                    .isEqualTo("arn:aws:sts::000000000000:assumed-role/web-role/" + instance.instanceId());
        }
    }

    @Test
    void anInstanceGetsNewCredentialsAfterAnHourWhileTheEarlierOnesStayValid() {
        profile("web-profile", "web-role", EC2_TRUST);
        Instance instance = launch("web-profile", "optional");
        AwsCredentials first;
        try (InstanceProfileCredentialsProvider provider = InstanceProfileCredentialsProvider.builder()
                .endpoint(imds(instance.instanceId())).build()) {
            first = provider.resolveCredentials();
        }
        cloudjar.advanceClock(Duration.ofMinutes(61));
        try (InstanceProfileCredentialsProvider provider = InstanceProfileCredentialsProvider.builder()
                .endpoint(imds(instance.instanceId())).build()) {
            AwsCredentials second = provider.resolveCredentials();
            assertThat(second.accessKeyId()).isNotEqualTo(first.accessKeyId());
            assertThat(callerArn(provider)).endsWith("/web-role/" + instance.instanceId());
        }
        assertThat(callerArn(StaticCredentialsProvider.create(first))).endsWith("/web-role/" + instance.instanceId());
    }

    @Test
    void imdsV1ReadsTheCredentialsOnlyWhileTokensAreOptional() throws Exception {
        profile("web-profile", "web-role", EC2_TRUST);
        Instance open = launch("web-profile", "optional");
        Instance strict = launch("web-profile", "required");
        String path = "/latest/meta-data/iam/security-credentials/";

        assertThat(get(imds(open.instanceId()) + path).body()).isEqualTo("web-role");
        HttpResponse<String> v1 = get(imds(open.instanceId()) + path + "web-role");
        assertThat(v1.statusCode()).isEqualTo(200);
        JsonNode doc = new ObjectMapper().readTree(v1.body());
        assertThat(doc.path("Code").asText()).isEqualTo("Success");
        assertThat(doc.path("Type").asText()).isEqualTo("AWS-HMAC");
        assertThat(doc.path("AccessKeyId").asText()).startsWith("ASIA");
        assertThat(doc.path("SecretAccessKey").asText()).hasSize(40);
        assertThat(doc.path("Token").asText()).isNotEmpty();
        assertThat(Instant.parse(doc.path("Expiration").asText()))
                .isEqualTo(Instant.parse(doc.path("LastUpdated").asText()).plus(Duration.ofHours(6)));
        assertThat(v1.body()).startsWith("{\n  \"Code\" : \"Success\",\n  \"LastUpdated\" : ");

        assertThat(get(imds(strict.instanceId()) + path + "web-role").statusCode()).isEqualTo(401);
        String token = HTTP.send(HttpRequest.newBuilder(URI.create(imds(strict.instanceId()) + "/latest/api/token"))
                .PUT(HttpRequest.BodyPublishers.noBody()).header("X-aws-ec2-metadata-token-ttl-seconds", "60").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> v2 = get(imds(strict.instanceId()) + path + "web-role", "X-aws-ec2-metadata-token", token);
        assertThat(v2.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(v2.body()).path("AccessKeyId").asText())
                .as("each instance has its own session").isNotEqualTo(doc.path("AccessKeyId").asText());
    }

    @Test
    void iamInfoNamesTheProfileAndSaysSoWhenEc2MayNotAssumeTheRole() {
        profile("web-profile", "web-role", EC2_TRUST);
        profile("bad-profile", "account-role", ACCOUNT_TRUST);
        Instance good = launch("web-profile", "required");
        Instance bad = launch("bad-profile", "required");
        var goodProfile = iam.getInstanceProfile(r -> r.instanceProfileName("web-profile")).instanceProfile();

        try (Ec2MetadataClient client = Ec2MetadataClient.builder().endpoint(URI.create(imds(good.instanceId()))).build()) {
            assertThat(client.get("/latest/meta-data/iam/").asList()).containsExactly("info", "security-credentials/");
            var info = client.get("/latest/meta-data/iam/info").asDocument().asMap();
            assertThat(info.get("Code").asString()).isEqualTo("Success");
            assertThat(info.get("InstanceProfileArn").asString()).isEqualTo(goodProfile.arn());
            assertThat(info.get("InstanceProfileId").asString()).isEqualTo(goodProfile.instanceProfileId());
        }
        try (Ec2MetadataClient client = Ec2MetadataClient.builder().endpoint(URI.create(imds(bad.instanceId()))).build()) {
            var info = client.get("/latest/meta-data/iam/info").asDocument().asMap();
            assertThat(info.get("Code")).isEqualTo(Document.fromString("AssumeRoleUnauthorizedAccess"));
            assertThat(info.get("Message").asString()).contains("EC2 cannot assume the role account-role");
        }
        try (InstanceProfileCredentialsProvider provider = InstanceProfileCredentialsProvider.builder()
                .endpoint(imds(bad.instanceId())).build()) {
            assertThat(catchThrowable(provider::resolveCredentials)).isInstanceOf(SdkClientException.class);
        }
    }

    @Test
    void aTerminatedInstanceNoLongerHandsOutCredentials() throws Exception {
        profile("web-profile", "web-role", EC2_TRUST);
        Instance instance = launch("web-profile", "optional");
        String url = imds(instance.instanceId()) + "/latest/meta-data/iam/security-credentials/web-role";
        assertThat(get(url).statusCode()).isEqualTo(200);
        ec2.terminateInstances(r -> r.instanceIds(instance.instanceId()));
        cloudjar.advanceClock(Duration.ofSeconds(5));
        assertThat(get(url).statusCode()).isEqualTo(404);
    }
}
