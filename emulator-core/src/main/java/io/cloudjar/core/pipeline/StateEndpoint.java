package io.cloudjar.core.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.persist.StateFile;
import io.cloudjar.core.persist.StoreFormatException;
import io.cloudjar.core.runtime.EmulatorRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code /_cloudjar/state}: the kept state (PERSISTENCE=1) and named snapshots of it.
 * <ul>
 * <li>{@code GET /_cloudjar/state}: whether state is kept, where, and the snapshots there are.</li>
 * <li>{@code POST /_cloudjar/state/save[?name=N]}: copies the state into snapshot N ({@code default}), replacing it.</li>
 * <li>{@code POST /_cloudjar/state/load[?name=N]}: makes snapshot N the state of every service.</li>
 * <li>{@code POST /_cloudjar/state/reset}: empties every service, as {@code /moto-api/reset} does;
 * {@code POST /_cloudjar/state/<service>/reset} (and LocalStack's {@code /_localstack/state/<service>/reset}) one
 * service ({@code ec2}, {@code s3}, {@code iam} — with {@code sts}, which shares its state —, ...).</li>
 * </ul>
 * LocalStack's {@code POST /_localstack/state/save} and {@code /load} are the same with the default snapshot. Save and
 * load need PERSISTENCE=1 (400 otherwise); a name is 1-64 letters, digits, '.', '_' or '-' (400 otherwise); loading a
 * snapshot that does not exist is a 404.
 */
final class StateEndpoint {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final EmulatorRuntime runtime;

    StateEndpoint(EmulatorRuntime runtime) {
        this.runtime = runtime;
    }

    private static final Pattern SERVICE_RESET = Pattern.compile("/_(?:cloudjar|localstack)/state/([a-z0-9-]+)/reset");

    static boolean matches(String path) {
        return path.equals("/_cloudjar/state") || path.startsWith("/_cloudjar/state/")
                || path.equals("/_localstack/state/save") || path.equals("/_localstack/state/load")
                || SERVICE_RESET.matcher(path).matches();
    }

    OutgoingResponse answer(IncomingRequest request, String path) {
        boolean post = request.method().equals("POST");
        if (path.equals("/_cloudjar/state")) {
            return request.method().equals("GET") || request.method().equals("HEAD") ? json(200, status())
                    : error(405, "Use GET to read the state's status");
        }
        Matcher service = SERVICE_RESET.matcher(path);
        if (service.matches()) {
            return post ? resetService(service.group(1)) : error(405, "Use POST " + path);
        }
        String action = switch (path) {
            case "/_cloudjar/state/save", "/_localstack/state/save" -> "save";
            case "/_cloudjar/state/load", "/_localstack/state/load" -> "load";
            case "/_cloudjar/state/reset" -> "reset";
            default -> null;
        };
        if (action == null) {
            return error(404, "Unknown state endpoint " + path + "; use POST /_cloudjar/state/save, /load or /reset");
        }
        if (!post) {
            return error(405, "Use POST " + path);
        }
        if (action.equals("reset")) {
            runtime.reset();
            return json(200, MAPPER.createObjectNode().put("status", "ok"));
        }
        if (!(runtime.persistence() instanceof StateFile file)) {
            return error(400, "State is kept only with PERSISTENCE=1; this server keeps it in memory");
        }
        String name = request.query().get("name") == null ? "default" : request.query().get("name");
        if (!NAME.matcher(name).matches()) {
            return error(400, "A snapshot name is 1-64 letters, digits, '.', '_' or '-', not starting with '.': " + name);
        }
        try {
            long records = action.equals("save") ? file.save(name) : file.load(name, runtime::reset);
            return json(200, MAPPER.createObjectNode().put("status", "ok").put(action.equals("save") ? "saved" : "loaded", name)
                    .put("records", records).put("file", file.snapshotFile(name).toString()));
        } catch (NoSuchFileException e) {
            return error(404, "There is no snapshot named " + name);
        } catch (StoreFormatException e) {
            return error(400, e.getMessage());
        } catch (IOException e) {
            return error(500, "The snapshot could not be written or read: " + e.getMessage());
        }
    }

    private OutgoingResponse resetService(String api) {
        if (!runtime.providers().serves(api)) {
            return error(404, "No service " + api + " runs here");
        }
        if (!runtime.reset(api)) {
            return error(400, "The state of " + api + " cannot be reset alone; POST /_cloudjar/state/reset resets every service");
        }
        return json(200, MAPPER.createObjectNode().put("status", "ok").put("reset", api));
    }

    private ObjectNode status() {
        ObjectNode body = MAPPER.createObjectNode();
        boolean kept = runtime.persistence() instanceof StateFile;
        body.put("persistence", kept);
        if (kept) {
            StateFile file = (StateFile) runtime.persistence();
            Path snapshots = file.snapshotFile("x").getParent();
            body.put("file", runtime.config().dataDir().resolve("state").toString());
            ArrayNode names = body.putArray("snapshots");
            if (Files.isDirectory(snapshots)) {
                try (Stream<Path> files = Files.list(snapshots)) {
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mv.db") && !n.startsWith("."))
                            .map(n -> n.substring(0, n.length() - ".mv.db".length())).sorted().forEach(names::add);
                } catch (IOException e) {
                    body.put("snapshotsError", e.getMessage());
                }
            }
        }
        return body;
    }

    private static OutgoingResponse json(int status, ObjectNode body) {
        return OutgoingResponse.of(status, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static OutgoingResponse error(int status, String message) {
        return json(status, MAPPER.createObjectNode().put("error", message));
    }
}
