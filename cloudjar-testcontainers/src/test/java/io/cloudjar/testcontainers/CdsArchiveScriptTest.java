package io.cloudjar.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's build step that writes Cloudjar's class-data-sharing archive ({@code docker/cds-archive.sh}), run here
 * with this machine's java and the jar the build made (no Docker engine needed): the archive it writes must be one
 * java accepts ({@code -Xshare:on} refuses to start otherwise) with the options the entrypoint gives.
 */
class CdsArchiveScriptTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path JAR = REPO.resolve("emulator-app/target/cloudjar.jar");
    private static final List<String> IMAGE_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    @Test
    void theTrainingStartWritesAnArchiveJavaStartsCloudjarWith(@TempDir Path dir) throws Exception {
        // the build packages emulator-app before this module; run alone, this module has no jar to train
        assumeTrue(Files.isRegularFile(JAR), "no " + JAR + ": package emulator-app first");
        assumeTrue(onPath("wget"), "no wget (the image has BusyBox's)");
        Path archive = dir.resolve("cloudjar.jsa");

        List<String> train = new ArrayList<>(List.of("sh", REPO.resolve("docker/cds-archive.sh").toString(),
                JAR.toString(), archive.toString()));
        train.addAll(IMAGE_OPTIONS);
        Process training = training(new ProcessBuilder(train), dir).start();
        assertThat(training.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("train.log"));
        assertThat(training.exitValue()).as(log).isZero();
        assertThat(log).contains("wrote " + archive);
        assertThat(Files.size(archive)).isGreaterThan(1_000_000);

        List<String> use = new ArrayList<>(List.of(javaBinary(), "-Xshare:on", "-XX:SharedArchiveFile=" + archive));
        use.addAll(IMAGE_OPTIONS);
        use.addAll(List.of("-jar", JAR.toString(), "--help"));
        Process run = new ProcessBuilder(use).redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).start();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(Files.readString(dir.resolve("run.log"))).isZero();
    }

    @Test
    void withoutAStartNoArchiveAndNoFailure(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("cloudjar.jsa");
        Process training = training(new ProcessBuilder("sh", REPO.resolve("docker/cds-archive.sh").toString(),
                dir.resolve("missing.jar").toString(), archive.toString()), dir).start();
        assertThat(training.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(training.exitValue()).isZero(); // an image without the archive still builds
        assertThat(Files.readString(dir.resolve("train.log"))).contains("did not start; no archive");
        assertThat(archive).doesNotExist();
    }

    /** The script run with this JVM (an archive only fits the java that wrote it), on a free port, logging to train.log. */
    private static ProcessBuilder training(ProcessBuilder builder, Path dir) throws IOException {
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("CDS_TRAINING_PORT", Integer.toString(freePort()));
        return builder.directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("train.log").toFile());
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean onPath(String command) throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
