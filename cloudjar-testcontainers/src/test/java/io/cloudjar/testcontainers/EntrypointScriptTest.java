package io.cloudjar.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's entrypoint ({@code docker/docker-entrypoint.sh}) run here without Docker, with a stand-in java that
 * writes down the arguments it was given: which JVM options the container's java receives for each way of setting
 * {@code JAVA_OPTS}.
 */
class EntrypointScriptTest {
    private static final Path SCRIPT = Path.of("..", "docker", "docker-entrypoint.sh").toAbsolutePath().normalize();

    @TempDir
    Path dir;
    private Path jar;

    @BeforeEach
    void fakeJavaAndJar() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$*\" > \"$ARGS_FILE\"\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        jar = Files.writeString(dir.resolve("cloudjar.jar"), "not read by the stand-in java");
    }

    @Test
    void withoutJavaOptsTheDefaultsForASmallContainer() throws Exception {
        assertThat(run(null)).isEqualTo("-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar " + jar + " --port 4510");
    }

    @Test
    void javaOptsReplaceTheDefaultsWordByWord() throws Exception {
        assertThat(run("-Xmx64m -Dcloudjar.test=1")).isEqualTo("-Xmx64m -Dcloudjar.test=1 -jar " + jar + " --port 4510");
    }

    @Test
    void emptyJavaOptsMeanNoOptions() throws Exception {
        assertThat(run("")).isEqualTo("-jar " + jar + " --port 4510");
    }

    @Test
    void anUnreadableJarStopsWithAMessage() throws Exception {
        ProcessBuilder builder = entrypoint(null);
        builder.environment().put("CLOUDJAR_JAR", dir.resolve("missing.jar").toString());
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("out.log"))).contains("cannot read " + dir.resolve("missing.jar"));
    }

    /** The arguments java got when the entrypoint ran with {@code javaOpts} (null: unset) and {@code --port 4510}. */
    private String run(String javaOpts) throws Exception {
        Process process = entrypoint(javaOpts).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("out.log"))).isZero();
        return Files.readString(dir.resolve("args")).strip();
    }

    private ProcessBuilder entrypoint(String javaOpts) {
        ProcessBuilder builder = new ProcessBuilder("sh", SCRIPT.toString(), "--port", "4510")
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile());
        Map<String, String> env = builder.environment();
        env.remove("JAVA_OPTS");
        if (javaOpts != null) {
            env.put("JAVA_OPTS", javaOpts);
        }
        env.remove("DATA_DIR");
        env.put("JAVA_HOME", dir.resolve("jdk").toString());
        env.put("CLOUDJAR_JAR", jar.toString());
        env.put("ARGS_FILE", dir.resolve("args").toString());
        return builder;
    }
}
