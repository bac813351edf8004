package io.cloudjar.app;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the pytest smoke scripts in {@code src/test/python} against an in-process server with real clients:
 * the AWS CLI and boto3. Skipped, not failed, where python3, pytest, boto3 or the aws CLI are missing.
 */
class ScriptedClientsTest {
    private static final Path SCRIPTS = Path.of("src/test/python").toAbsolutePath();
    private static final long TIMEOUT_MINUTES = 5;

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @Test
    void awsCli() throws Exception {
        requirePythonWith("pytest");
        assumeTrue(succeeds(List.of("aws", "--version")), "aws CLI not installed");
        runPytest("test_cli_smoke.py");
    }

    @Test
    void awsCliEc2Compute() throws Exception {
        requirePythonWith("pytest");
        assumeTrue(succeeds(List.of("aws", "--version")), "aws CLI not installed");
        runPytest("test_cli_ec2_compute.py");
    }

    @Test
    void boto3() throws Exception {
        requirePythonWith("pytest", "boto3");
        runPytest("test_boto3_smoke.py");
    }

    @Test
    void awsCliIamAndStsSeedFlows() throws Exception {
        requirePythonWith("pytest");
        assumeTrue(succeeds(List.of("aws", "--version")), "aws CLI not installed");
        runPytest("test_iam_cli.py");
    }

    @Test
    void boto3CredentialReportAndMfa() throws Exception {
        requirePythonWith("pytest", "boto3");
        runPytest("test_iam_boto3.py");
    }

    private static void requirePythonWith(String... modules) {
        assumeTrue(succeeds(List.of("python3", "--version")), "python3 not installed");
        for (String module : modules) {
            assumeTrue(succeeds(List.of("python3", "-c", "import " + module)), "python module " + module + " not installed");
        }
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

    private static void runPytest(String script) throws Exception {
        assertTrue(Files.isRegularFile(SCRIPTS.resolve(script)), "missing " + SCRIPTS.resolve(script));
        Path tmp = Path.of("target", "pytest", script.replace(".py", "")).toAbsolutePath();
        Files.createDirectories(tmp.getParent());
        // Keep pytest's cache, plugins' files and the 20 MB temp files out of src/test/python.
        ProcessBuilder builder = new ProcessBuilder("python3", "-m", "pytest", "-q", "-ra",
                "-p", "no:cacheprovider", "-p", "no:benchmark",
                "-o", "tmp_path_retention_policy=failed", "--basetemp=" + tmp, script)
                .directory(SCRIPTS.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        // 127.0.0.1 rather than localhost: botocore then addresses buckets path-style instead of bucket.localhost.
        env.put("CLOUDJAR_ENDPOINT", "http://127.0.0.1:" + cloudjar.port());
        env.put("AWS_ACCESS_KEY_ID", CloudjarServerExtension.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", CloudjarServerExtension.SECRET_KEY);
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("PYTHONUNBUFFERED", "1");

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
            if (process.exitValue() != 0) {
                fail(script + " failed with exit code " + process.exitValue() + ":\n" + output);
            }
        }
    }
}
