package io.cloudjar.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs one init script with bash, its output merged, in an environment where {@code aws} reaches this server. */
final class InitScriptRunner {
    /** What a script did: its exit code (-1 when it could not start) and its output. */
    record Outcome(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private final Map<String, String> env;

    /** @param env added to this process's environment: endpoint, test credentials, region */
    InitScriptRunner(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The variables LocalStack gives its hooks, for a server on {@code port}. */
    static Map<String, String> awsEnvironment(int port, String region) {
        return Map.of("AWS_ENDPOINT_URL", "http://localhost:" + port, "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test", "AWS_DEFAULT_REGION", region, "AWS_REGION", region);
    }

    Outcome run(Path script) {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toAbsolutePath().toString())
                .directory(script.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Outcome(process.waitFor(), output);
        } catch (IOException e) {
            return new Outcome(-1, "cannot run bash: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, "interrupted");
        }
    }
}
