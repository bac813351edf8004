package io.cloudjar.core.pipeline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudjar.core.runtime.Version;
import io.cloudjar.core.util.EmulatorClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code GET /_localstack/info} in LocalStack's shape: version, edition, a session id new at every start, a
 * machine id, whether it runs in a container, the server's (emulator) time and its uptime in seconds.
 */
final class InfoEndpoint {
    static final String PATH = "/_localstack/info";
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final EmulatorClock clock;
    private final String sessionId = UUID.randomUUID().toString();
    private final long startedNanos = System.nanoTime(); // uptime is technical: the wall clock, not the emulator's
    private final boolean docker = inContainer();
    private final String machineId = machineId(docker);

    InfoEndpoint(EmulatorClock clock) {
        this.clock = clock;
    }

    ObjectNode answer() {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("version", Version.get());
        info.put("edition", "community");
        info.put("is_license_activated", false);
        info.put("session_id", sessionId);
        info.put("machine_id", machineId);
        info.put("system", System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT));
        info.put("is_docker", docker);
        info.put("server_time_utc", LocalDateTime.ofInstant(clock.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC).format(SECONDS));
        info.put("uptime", (System.nanoTime() - startedNanos) / 1_000_000_000L);
        return info;
    }

    /** {@code /.dockerenv} (Docker), {@code /run/.containerenv} (Podman) or a container cgroup. */
    static boolean inContainer() {
        if (Files.exists(Path.of("/.dockerenv")) || Files.exists(Path.of("/run/.containerenv"))) {
            return true;
        }
        try {
            String cgroup = Files.readString(Path.of("/proc/1/cgroup"));
            return cgroup.contains("docker") || cgroup.contains("kubepods") || cgroup.contains("containerd");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** As LocalStack's: {@code dkr_} in a container, {@code gen_} elsewhere, then 12 hex digits of the machine's id. */
    private static String machineId(boolean docker) {
        String source;
        try {
            source = Files.readString(Path.of("/etc/machine-id")).trim();
        } catch (IOException | RuntimeException e) {
            source = "";
        }
        if (source.isEmpty()) {
            source = System.getenv().getOrDefault("HOSTNAME", "cloudjar");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return (docker ? "dkr_" : "gen_") + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
