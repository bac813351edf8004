package io.cloudjar.core.protocol;

import static io.cloudjar.core.protocol.Wire.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.model.Protocol;
import io.cloudjar.core.pipeline.RequestContext;
import io.cloudjar.core.pipeline.TestContexts;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceProtocol;
import software.amazon.awssdk.services.lightsail.model.CreateContainerServiceDeploymentRequest;
import software.amazon.awssdk.services.lightsail.model.CreateInstancesRequest;
import software.amazon.awssdk.services.lightsail.model.DeleteInstanceRequest;
import software.amazon.awssdk.services.lightsail.model.GetBundlesResponse;
import software.amazon.awssdk.services.lightsail.model.GetInstanceResponse;
import software.amazon.awssdk.services.lightsail.model.Instance;

class JsonCodecTest {
    private static final String PREFIX = "Lightsail_20161128.";
    private static final ProtocolCodec CODEC = TestContexts.codec(Protocol.JSON);

    private static RequestContext call(String operation, String body) {
        RequestContext ctx = Wire.json("lightsail", PREFIX + operation, body);
        TestContexts.resolve(ctx);
        return ctx;
    }

    /** Decodes a request document and encodes the SDK object again: the document must come back unchanged. */
    private static <T> T assertRoundTrip(String operation, String body) {
        RequestContext ctx = call(operation, body);
        T input = TestContexts.decode(ctx);
        OutgoingResponse encoded = CODEC.encode(ctx, input);
        assertThat(Wire.json(encoded)).isEqualTo(Wire.json(body));
        return input;
    }

    @Test
    void documentsTooDeepOrWithTooManyValuesAreSerializationExceptions() {
        AwsException tooDeep = awsError(() -> TestContexts.decode(call("GetInstance",
                "{\"instanceName\":\"web-1\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}")));
        assertThat(tooDeep.code()).isEqualTo("SerializationException");
        assertThat(tooDeep.status()).isEqualTo(400);

        AwsException tooMany = awsError(() -> TestContexts.decode(call("GetInstance",
                "{\"instanceName\":\"web-1\",\"x\":[" + "0,".repeat(600_000) + "0]}")));
        assertThat(tooMany.code()).isEqualTo("SerializationException");

        assertThat(TestContexts.<Object>decode(call("GetInstance",
                "{\"instanceName\":\"web-1\",\"x\":" + "[".repeat(50) + "]".repeat(50) + "}"))).as("within the limits").isNotNull();
    }

    @Test
    void arraysNestedObjectsAndEnumsRoundTrip() {
        CreateInstancesRequest req = assertRoundTrip("CreateInstances", """
                {"instanceNames": ["web-1", "web-2"], "availabilityZone": "us-east-1a",
                 "blueprintId": "amazon_linux_2023", "bundleId": "nano_3_0", "ipAddressType": "dualstack",
                 "userData": "#!/bin/sh\\necho hi",
                 "tags": [{"key": "env", "value": "prod"}, {"key": "solo"}],
                 "addOns": [{"addOnType": "AutoSnapshot", "autoSnapshotAddOnRequest": {"snapshotTimeOfDay": "06:00"}}]}
                """);

        assertThat(req.instanceNames()).containsExactly("web-1", "web-2");
        assertThat(req.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("env=prod", "solo=null");
        assertThat(req.addOns().get(0).autoSnapshotAddOnRequest().snapshotTimeOfDay()).isEqualTo("06:00");
        assertThat(req.ipAddressTypeAsString()).isEqualTo("dualstack");
    }

    @Test
    void objectsAsMapsOfStructuresWithNestedMapsRoundTrip() {
        CreateContainerServiceDeploymentRequest req = assertRoundTrip("CreateContainerServiceDeployment", """
                {"serviceName": "api",
                 "containers": {"app": {"image": "nginx:1.25", "command": ["nginx", "-g", "daemon off;"],
                                        "environment": {"MODE": "prod", "EMPTY": ""},
                                        "ports": {"80": "HTTP", "443": "HTTPS"}},
                                "sidecar": {"image": "busybox"}},
                 "publicEndpoint": {"containerName": "app", "containerPort": 80,
                                    "healthCheck": {"healthyThreshold": 2, "path": "/health", "successCodes": "200-299"}}}
                """);

        assertThat(req.containers()).containsOnlyKeys("app", "sidecar");
        assertThat(req.containers().get("app").environment()).containsEntry("EMPTY", "");
        assertThat(req.containers().get("app").ports()).containsEntry("443", ContainerServiceProtocol.HTTPS);
        assertThat(req.publicEndpoint().containerPort()).isEqualTo(80);
    }

    @Test
    void booleansRoundTrip() {
        DeleteInstanceRequest req = assertRoundTrip("DeleteInstance", "{\"instanceName\": \"web-1\", \"forceDeleteAddOns\": true}");

        assertThat(req.forceDeleteAddOns()).isTrue();
    }

    @Test
    void timestampsAreEpochSecondsWithFractionsFloatsStayFloats() {
        Instance instance = Instance.builder().name("web-1").createdAt(Instant.parse("2024-01-02T03:04:05.250Z"))
                .isStaticIp(false).hardware(h -> h.cpuCount(2).ramSizeInGb(0.5f))
                .state(s -> s.code(16).name("running")).build();

        JsonNode json = Wire.json(CODEC.encode(TestContexts.withOperation(Wire.json("lightsail", null, ""), "GetInstance"),
                GetInstanceResponse.builder().instance(instance).build()));

        assertThat(json).isEqualTo(Wire.json("""
                {"instance": {"name": "web-1", "createdAt": 1704164645.25, "isStaticIp": false,
                              "hardware": {"cpuCount": 2, "ramSizeInGb": 0.5}, "state": {"code": 16, "name": "running"}}}
                """));
        assertThat(json.at("/instance/createdAt").isNumber()).isTrue();
        assertThat(Wire.json(CODEC.encode(TestContexts.withOperation(Wire.json("lightsail", null, ""), "GetInstance"),
                GetInstanceResponse.builder().instance(Instance.builder().createdAt(Instant.parse("2024-01-02T03:04:05Z")).build())
                        .build())).at("/instance/createdAt").asText()).isEqualTo("1704164645");
    }

    @Test
    void floatsAreWrittenAsShortDecimalNumbers() {
        JsonNode json = Wire.json(CODEC.encode(TestContexts.withOperation(Wire.json("lightsail", null, ""), "GetBundles"),
                GetBundlesResponse.builder().bundles(b -> b.bundleId("nano_3_0").price(3.5f).ramSizeInGb(0.512f).isActive(true)
                        .supportedPlatformsWithStrings("LINUX_UNIX")).build()));

        assertThat(json.at("/bundles/0/price").isNumber()).isTrue();
        assertThat(json.at("/bundles/0/price").asText()).isEqualTo("3.5");
        assertThat(json.at("/bundles/0/ramSizeInGb").asText()).isEqualTo("0.512");
        assertThat(json.at("/bundles/0/supportedPlatforms/0").asText()).isEqualTo("LINUX_UNIX");
        assertThat(json.at("/bundles/0").has("cpuCount")).as("unset members are omitted").isFalse();
    }

    @Test
    void theResponseCarriesTheJsonContentTypeAndRequestId() {
        OutgoingResponse out = CODEC.encode(TestContexts.withOperation(Wire.json("lightsail", null, ""), "GetBundles"),
                GetBundlesResponse.builder().build());

        assertThat(out.status()).isEqualTo(200);
        assertThat(out.headers().get("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(out.headers().get("x-amzn-RequestId")).isEqualTo(TestContexts.REQUEST_ID);
        assertThat(Wire.json(out)).isEqualTo(Wire.json("{}"));
    }

    @Test
    void anEmptyBodyIsAnEmptyRequest() {
        RequestContext ctx = call("GetBundles", "");

        assertThat(TestContexts.<Object>decode(ctx)).isNotNull();
    }

    @Test
    void theOperationComesFromTheTargetHeader() {
        assertThat(TestContexts.resolve(Wire.json("lightsail", PREFIX + "GetInstance", "{}")).name()).isEqualTo("GetInstance");

        for (String target : new String[] {null, "GetInstance", "Lightsail_20161128.LaunchRocket", "Other_1.GetInstance"}) {
            AwsException error = awsError(() -> TestContexts.resolve(Wire.json("lightsail", target, "{}")));
            assertThat(error.code()).as(target).isEqualTo("UnknownOperationException");
            assertThat(error.status()).isEqualTo(400);
        }
    }

    @Test
    void malformedJsonIsSerializationException() {
        for (String body : new String[] {"{\"instanceName\": ", "[1, 2]", "\"text\"", "{\"instanceName\": \"web\"}}"}) {
            AwsException error = awsError(() -> TestContexts.decode(call("GetInstance", body)));
            assertThat(error.code()).as(body).isEqualTo("SerializationException");
            assertThat(error.status()).isEqualTo(400);
        }
    }

    @Test
    void illTypedMembersAreSerializationException() {
        String[] bodies = {
                "{\"instanceName\": 5}",
                "{\"instanceName\": \"web\", \"forceDeleteAddOns\": \"yes\"}",
                "{\"instanceName\": [\"web\"]}",
                "{\"instanceName\": \"web\", \"forceDeleteAddOns\": 1}",
        };
        for (String body : bodies) {
            AwsException error = awsError(() -> TestContexts.decode(call("DeleteInstance", body)));
            assertThat(error.code()).as(body).isEqualTo("SerializationException");
            assertThat(error.status()).isEqualTo(400);
        }
        AwsException number = awsError(() -> TestContexts.decode(call("CreateContainerServiceDeployment",
                "{\"serviceName\": \"api\", \"publicEndpoint\": {\"containerName\": \"a\", \"containerPort\": \"80\"}}")));
        assertThat(number.code()).isEqualTo("SerializationException");
    }

    @Test
    void errorsAreTypeAndMessageWithTheErrorStatus() {
        OutgoingResponse out = CODEC.encodeError(TestContexts.withOperation(Wire.json("lightsail", null, ""), "GetInstance"),
                AwsErrors.of("NotFoundException", 400, "The Instance does not exist: %s", "web-9"));

        assertThat(out.status()).isEqualTo(400);
        assertThat(out.headers().get("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(out.headers().get("x-amzn-ErrorType")).isEqualTo("NotFoundException");
        assertThat(out.headers().get("x-amzn-RequestId")).isEqualTo(TestContexts.REQUEST_ID);
        assertThat(Wire.json(out)).isEqualTo(Wire.json(
                "{\"__type\": \"NotFoundException\", \"message\": \"The Instance does not exist: web-9\"}"));

        OutgoingResponse fault = CODEC.encodeError(Wire.json("lightsail", null, ""), AwsErrors.of("ServiceException", 500, "boom"));
        assertThat(fault.status()).isEqualTo(500);
        assertThat(Wire.json(fault).get("__type").asText()).isEqualTo("ServiceException");
    }
}
