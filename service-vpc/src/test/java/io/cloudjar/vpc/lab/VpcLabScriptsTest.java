package io.cloudjar.vpc.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the seed lab scripts in {@code src/test/lab} against an in-process server: the aws CLI building and
 * tearing down the lab, and Terraform applying, re-planning and destroying it. Skipped, not failed, where
 * python3, pytest, the aws CLI or terraform (with its offline AWS provider) are missing.
 */
class VpcLabScriptsTest {
    private static final Path SCRIPTS = Path.of("src/test/lab").toAbsolutePath();
    private static final long TIMEOUT_MINUTES = 10;

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @BeforeEach
    void reset() {
        cloudjar.reset();
    }

    @Test
    void awsCliBuildsTheSeedLabAndTearsItDown() throws Exception {
        requireTools();
        runPytest("test_vpc_lab_cli.py", Map.of());
    }

    @Test
    void terraformAppliesTheSeedLabWithoutDriftAndDestroysIt() throws Exception {
        requireTools();
        assumeTrue(succeeds(List.of("terraform", "version")), "terraform not installed");
        Path rc = terraformConfig();
        assumeTrue(rc != null, "no terraformrc for the offline AWS provider (set TF_CLI_CONFIG_FILE)");
        runPytest("test_vpc_lab_terraform.py", Map.of("TF_CLI_CONFIG_FILE", rc.toString()));
    }

    private static void requireTools() {
        assumeTrue(succeeds(List.of("python3", "-c", "import pytest")), "python3 with pytest not installed");
        assumeTrue(succeeds(List.of("aws", "--version")), "aws CLI not installed");
    }

    /** TF_CLI_CONFIG_FILE if set, else the shared offline configuration next to the checkout. */
    private static Path terraformConfig() {
        String fromEnv = System.getenv("TF_CLI_CONFIG_FILE");
        Path repo = Path.of("").toAbsolutePath().getParent();
        return Stream.of(fromEnv == null ? null : Path.of(fromEnv),
                        repo.resolveSibling("shared/terraform/terraformrc"), Path.of("/work/shared/terraform/terraformrc"))
                .filter(p -> p != null && Files.isRegularFile(p)).findFirst().orElse(null);
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static void runPytest(String script, Map<String, String> extraEnv) throws Exception {
        assertTrue(Files.isRegularFile(SCRIPTS.resolve(script)), "missing " + SCRIPTS.resolve(script));
        Path tmp = Path.of("target", "lab", script.replace(".py", "")).toAbsolutePath();
        Files.createDirectories(tmp.getParent());
        ProcessBuilder builder = new ProcessBuilder("python3", "-m", "pytest", "-q", "-ra", "-p", "no:cacheprovider",
                "-o", "tmp_path_retention_policy=failed", "--basetemp=" + tmp, script)
                .directory(SCRIPTS.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("CLOUDJAR_ENDPOINT", "http://127.0.0.1:" + cloudjar.port());
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("PYTHONUNBUFFERED", "1");
        env.putAll(extraEnv);

        long started = System.nanoTime();
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    System.out.println("[" + script + "] " + line);
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (Exception ignored) {
                // the process was killed
            }
        }, "pytest-" + script);
        pump.start();
        boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        pump.join(10_000);
        System.out.printf("[%s] took %.1f s%n", script, (System.nanoTime() - started) / 1e9);
        synchronized (output) {
            if (!finished) {
                fail(script + " timed out after " + TIMEOUT_MINUTES + " minutes:\n" + output);
            }
            if (process.exitValue() == 5 || output.toString().contains(" skipped")) {
                assumeTrue(false, script + " skipped:\n" + output);
            }
            if (process.exitValue() != 0) {
                fail(script + " failed with exit code " + process.exitValue() + ":\n" + output);
            }
        }
    }
}
