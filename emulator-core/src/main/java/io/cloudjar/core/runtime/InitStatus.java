package io.cloudjar.core.runtime;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The init hooks of this start, as LocalStack reports them at {@code /_localstack/init}: which stages have
 * completed and each script's state. The launcher that runs the hooks fills it; the internal endpoint reads it.
 */
public final class InitStatus {
    /** LocalStack's init stages, in the order they run. */
    public enum Stage { BOOT, START, READY, SHUTDOWN }

    /** LocalStack's script states. */
    public enum State { UNKNOWN, RUNNING, SUCCESSFUL, ERROR }

    /** One script: its stage, file name and state. */
    public record Script(Stage stage, String name, State state) {
    }

    private final Map<Stage, Boolean> completed = new EnumMap<>(Stage.class);
    private final List<Script> scripts = new ArrayList<>();

    public InitStatus() {
        for (Stage stage : Stage.values()) {
            completed.put(stage, false);
        }
    }

    /** Lists a script found for a stage, not yet run. */
    public synchronized void found(Stage stage, String name) {
        scripts.add(new Script(stage, name, State.UNKNOWN));
    }

    public synchronized void update(Stage stage, String name, State state) {
        for (int i = 0; i < scripts.size(); i++) {
            Script script = scripts.get(i);
            if (script.stage() == stage && script.name().equals(name)) {
                scripts.set(i, new Script(stage, name, state));
                return;
            }
        }
        scripts.add(new Script(stage, name, state));
    }

    public synchronized void complete(Stage stage) {
        completed.put(stage, true);
    }

    public synchronized boolean completed(Stage stage) {
        return completed.get(stage);
    }

    /** The scripts in the order they were found (stage order, then name order). */
    public synchronized List<Script> scripts() {
        return List.copyOf(scripts);
    }
}
