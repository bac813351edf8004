package io.cloudjar.s3;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the pytest scripts in {@code src/test/python} against an in-process server with the AWS CLI and
 * boto3. Skipped, not failed, where python3, pytest, boto3, requests or the aws CLI are missing.
 */
class S3ScriptedClientsTest {
    private static final Path SCRIPTS = Path.of("src/test/python").toAbsolutePath();
    private static final long TIMEOUT_MINUTES = 5;

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @Test
    void awsCliSyncsTreesAndDrivesVersioningAndMultipart() throws Exception {
        requirePythonWith("pytest");
        assumeTrue(succeeds(List.of("aws", "--version")), "aws CLI not installed");
        runPytest("test_s3_cli.py");
    }

    @Test
    void boto3TransfersPresignsAndPostsForms() throws Exception {
        requirePythonWith("pytest", "boto3", "requests");
        runPytest("test_s3_boto3.py");
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
        Path log = tmp.resolveSibling(script + ".log");
        ProcessBuilder builder = new ProcessBuilder("python3", "-m", "pytest", "-q", "-ra", "-p", "no:cacheprovider",
                "-o", "tmp_path_retention_policy=failed", "--basetemp=" + tmp, script)
                .directory(SCRIPTS.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("CLOUDJAR_ENDPOINT", "http://127.0.0.1:" + cloudjar.port());
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = builder.start();
        boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(script + " timed out after " + TIMEOUT_MINUTES + " minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        System.out.println(output);
        if (process.exitValue() != 0) {
            fail(script + " failed with exit code " + process.exitValue() + ":\n" + output);
        }
    }
}
