package io.cloudjar.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudjar.core.runtime.InitStatus;
import io.cloudjar.core.testing.CloudjarServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** LocalStack's init hooks: ready.d scripts run in name order against the server, and /_localstack/init reports them. */
class InitHooksTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @TempDir
    Path root;

    @Test
    void readyScriptsRunInOrderAFailureIsReportedAndTheRestStillRun() throws Exception {
        Assumptions.assumeTrue(commandWorks("aws", "--version"), "aws-cli is not installed");
        Path ready = Files.createDirectories(root.resolve("ready.d"));
        Path order = root.resolve("order.txt");
        Path after = root.resolve("after.txt");
        script(ready.resolve("01-ok.sh"), "echo 01 >> '" + order + "'\n"
                + "aws --endpoint-url \"$AWS_ENDPOINT_URL\" s3 mb s3://from-hook\n");
        script(ready.resolve("02-fail.sh"), "echo 02 >> '" + order + "'\necho 'something broke' >&2\nexit 3\n");
        script(ready.resolve("03-after.sh"), "echo 03 >> '" + order + "'\n"
                + "echo \"$AWS_ACCESS_KEY_ID $AWS_SECRET_ACCESS_KEY $AWS_DEFAULT_REGION\" > '" + after + "'\n");
        Files.writeString(ready.resolve("README.txt"), "not a script");
        Files.createDirectories(root.resolve("boot.d"));

        InitStatus status = new InitStatus();
        cloudjar.server().runtime().useInitStatus(status);
        InitHooks hooks = new InitHooks(InitScripts.from(java.util.Map.of("INIT_SCRIPTS_DIR", root.toString())), status).announce();
        JsonNode before = get("/_localstack/init");
        assertThat(before.path("completed").path("READY").asBoolean()).isFalse();
        assertThat(before.path("scripts").findValuesAsText("state")).containsExactly("UNKNOWN", "UNKNOWN", "UNKNOWN");

        InitScriptRunner runner = new InitScriptRunner(InitScriptRunner.awsEnvironment(cloudjar.port(), "us-east-1"));
        hooks.run(InitStatus.Stage.BOOT, runner);
        hooks.run(InitStatus.Stage.START, runner);
        hooks.run(InitStatus.Stage.READY, runner);

        assertThat(Files.readAllLines(order)).containsExactly("01", "02", "03");
        assertThat(Files.readString(after).trim()).isEqualTo("test test us-east-1");
        try (S3Client s3 = cloudjar.client(S3Client.builder().forcePathStyle(true))) {
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("from-hook");
        }
        JsonNode init = get("/_localstack/init");
        assertThat(init.path("completed").path("BOOT").asBoolean()).isTrue();
        assertThat(init.path("completed").path("START").asBoolean()).isTrue();
        assertThat(init.path("completed").path("READY").asBoolean()).isTrue();
        assertThat(init.path("completed").path("SHUTDOWN").asBoolean()).isFalse();
        List<String> rows = new ArrayList<>();
        for (JsonNode script : init.path("scripts")) {
            rows.add(script.path("stage").asText() + " " + script.path("name").asText() + " " + script.path("state").asText());
        }
        assertThat(rows).containsExactly("READY 01-ok.sh SUCCESSFUL", "READY 02-fail.sh ERROR", "READY 03-after.sh SUCCESSFUL");

        JsonNode readyOnly = get("/_localstack/init/ready");
        assertThat(readyOnly.path("completed").asBoolean()).isTrue();
        assertThat(readyOnly.path("scripts")).hasSize(3);
        assertThat(get("/_localstack/init/boot").path("scripts")).isEmpty();
        assertThat(RawHttp.send(cloudjar.port(), "GET", "/_localstack/init/nonsense", "localhost", null, null).status()).isEqualTo(404);
    }

    @Test
    void withoutTheDirectoryThereIsNothingToRun() {
        InitStatus status = new InitStatus();
        InitHooks hooks = new InitHooks(new InitScripts(root.resolve("missing")), status).announce();
        hooks.run(InitStatus.Stage.READY, new InitScriptRunner(java.util.Map.of()));
        assertThat(status.scripts()).isEmpty();
        assertThat(status.completed(InitStatus.Stage.READY)).isTrue();
    }

    private static JsonNode get(String path) throws Exception {
        RawHttp.Answer answer = RawHttp.send(cloudjar.port(), "GET", path, "localhost", null, null);
        assertThat(answer.status()).isEqualTo(200);
        return new ObjectMapper().readTree(answer.body());
    }

    private static void script(Path file, String body) throws Exception {
        Files.writeString(file, "#!/bin/bash\n" + body);
    }

    private static boolean commandWorks(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
