package io.cloudjar.core.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudjar.core.runtime.InitStatus;
import java.util.Locale;

/**
 * {@code GET /_localstack/init} and {@code /_localstack/init/<stage>} in LocalStack's shape: the stages completed
 * and every init script with its stage, name and state (UNKNOWN, RUNNING, SUCCESSFUL, ERROR).
 */
final class InitEndpoint {
    static final String PATH = "/_localstack/init";

    private InitEndpoint() {
    }

    static boolean matches(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    /** The answer, or null for an unknown stage. */
    static ObjectNode answer(InitStatus status, String path) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        InitStatus.Stage only = null;
        if (!path.equals(PATH)) {
            String name = path.substring(PATH.length() + 1).toUpperCase(Locale.ROOT);
            try {
                only = InitStatus.Stage.valueOf(name);
            } catch (IllegalArgumentException unknown) {
                return null;
            }
            root.put("completed", status.completed(only));
        } else {
            ObjectNode completed = root.putObject("completed");
            for (InitStatus.Stage stage : InitStatus.Stage.values()) {
                completed.put(stage.name(), status.completed(stage));
            }
        }
        ArrayNode scripts = root.putArray("scripts");
        for (InitStatus.Script script : status.scripts()) {
            if (only == null || script.stage() == only) {
                scripts.addObject().put("stage", script.stage().name()).put("name", script.name())
                        .put("state", script.state().name());
            }
        }
        return root;
    }
}
