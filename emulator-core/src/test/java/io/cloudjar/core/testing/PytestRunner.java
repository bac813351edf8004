package io.cloudjar.core.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a pytest script of real clients (aws-cli, boto3, terraform) against a test server, from JUnit, so
 * one Maven command runs everything. Missing tools skip the test instead of failing it.
 * <pre>{@code
 * PytestRunner.in("src/test/python").requirePython("pytest", "boto3").run(cloudjar, "test_boto3_smoke.py");
 * }</pre>
 * The script sees {@code CLOUDJAR_ENDPOINT} (127.0.0.1, so botocore addresses buckets path-style) and the
 * test credentials; the developer's own {@code AWS_*} settings are removed. The shared fixtures of
 * {@code cloudjar/pytest/cloudjar_pytest.py} (an isolated CLI configuration, an {@code ec2} runner, Terraform
 * projects) are loaded as a pytest plugin.
 */
public final class PytestRunner {
    private final Path scripts;
    private final Map<String, String> env = new LinkedHashMap<>();
    private Duration timeout = Duration.ofMinutes(5);

    private PytestRunner(Path scripts) {
        this.scripts = scripts.toAbsolutePath();
    }

    public static PytestRunner in(String directory) {
        return new PytestRunner(Path.of(directory));
    }

    /** Skips the test unless python3 can import every module. */
    public PytestRunner requirePython(String... modules) {
        assumeTrue(succeeds(List.of("python3", "--version")), "python3 not installed");
        for (String module : modules) {
            assumeTrue(succeeds(List.of("python3", "-c", "import " + module)), "python module " + module + " not installed");
        }
        return this;
    }

    /** Skips the test unless the command runs successfully (e.g. {@code aws --version}). */
    public PytestRunner requireCommand(String... command) {
        assumeTrue(succeeds(List.of(command)), command[0] + " not installed");
        return this;
    }

    /** Skips the test unless terraform and its offline AWS provider configuration are available. */
    public PytestRunner requireTerraform() {
        requireCommand("terraform", "version");
        Path rc = terraformConfig();
        assumeTrue(rc != null, "no terraformrc for the offline AWS provider (set TF_CLI_CONFIG_FILE)");
        env.put("TF_CLI_CONFIG_FILE", rc.toString());
        return this;
    }

    public PytestRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public PytestRunner timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** Runs the script; fails with its output when it fails, skips when every test in it skipped. */
    public void run(CloudjarServerExtension server, String script) throws Exception {
        assertTrue(Files.isRegularFile(scripts.resolve(script)), "missing " + scripts.resolve(script));
        Path tmp = Path.of("target", "pytest", script.replace(".py", "")).toAbsolutePath();
        Files.createDirectories(tmp.getParent());
        Path kit = installKit();
        // pytest's cache, plugins' files and big temp files stay out of the source tree
        ProcessBuilder builder = new ProcessBuilder("python3", "-m", "pytest", "-q", "-ra",
                "-p", "no:cacheprovider", "-p", "no:benchmark", "-p", KIT_MODULE,
                "-o", "tmp_path_retention_policy=failed", "--basetemp=" + tmp, script)
                .directory(scripts.toFile())
                .redirectErrorStream(true);
        Map<String, String> processEnv = builder.environment();
        processEnv.keySet().removeIf(name -> name.startsWith("AWS_"));
        processEnv.put("CLOUDJAR_ENDPOINT", "http://127.0.0.1:" + server.port());
        processEnv.put("AWS_ACCESS_KEY_ID", CloudjarServerExtension.ACCESS_KEY);
        processEnv.put("AWS_SECRET_ACCESS_KEY", CloudjarServerExtension.SECRET_KEY);
        processEnv.put("AWS_DEFAULT_REGION", "us-east-1");
        processEnv.put("PYTHONDONTWRITEBYTECODE", "1");
        String pythonPath = processEnv.get("PYTHONPATH");
        processEnv.put("PYTHONPATH", pythonPath == null || pythonPath.isEmpty() ? kit.toString()
                : kit + java.io.File.pathSeparator + pythonPath);
        processEnv.put("PYTHONUNBUFFERED", "1");
        processEnv.putAll(env);

        long started = System.nanoTime();
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        Thread pump = new Thread(() -> pump(process, script, output), "pytest-" + script);
        pump.start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        pump.join(10_000);
        System.out.printf("[%s] took %.1f s%n", script, (System.nanoTime() - started) / 1e9);
        String text;
        synchronized (output) {
            text = output.toString();
        }
        if (!finished) {
            fail(script + " timed out after " + timeout + ":\n" + text);
        }
        if (process.exitValue() == 5 || (process.exitValue() == 0 && !text.contains(" passed") && text.contains(" skipped"))) {
            assumeTrue(false, script + " skipped:\n" + text);
        }
        if (process.exitValue() != 0) {
            fail(script + " failed with exit code " + process.exitValue() + ":\n" + text);
        }
    }

    private static final String KIT_MODULE = "cloudjar_pytest";

    /** Copies the shared fixtures from the test kit's resources to where python3 can import them. */
    private static Path installKit() throws java.io.IOException {
        Path dir = Path.of("target", "pytest", "kit").toAbsolutePath();
        Files.createDirectories(dir);
        try (var in = PytestRunner.class.getResourceAsStream("/cloudjar/pytest/" + KIT_MODULE + ".py")) {
            Files.copy(java.util.Objects.requireNonNull(in, "the pytest kit is missing from the class path"),
                    dir.resolve(KIT_MODULE + ".py"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    private static void pump(Process process, String script, StringBuilder output) {
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
    }

    /** TF_CLI_CONFIG_FILE if set, else the shared offline configuration next to the checkout. */
    private static Path terraformConfig() {
        String fromEnv = System.getenv("TF_CLI_CONFIG_FILE");
        Path moduleDir = Path.of("").toAbsolutePath();
        return Stream.of(fromEnv == null ? null : Path.of(fromEnv),
                        moduleDir.getParent().resolveSibling("shared/terraform/terraformrc"),
                        Path.of("/work/shared/terraform/terraformrc"))
                .filter(p -> p != null && Files.isRegularFile(p)).findFirst().orElse(null);
    }

    static boolean succeeds(List<String> command) {
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
}
