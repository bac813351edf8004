package io.cloudjar.app;

import io.cloudjar.core.runtime.InitStatus;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one init stage's scripts in name order and reports each in {@link InitStatus}: RUNNING, then SUCCESSFUL or
 * ERROR. A failing script is logged with its output and does not stop the ones after it.
 */
final class InitHooks {
    private static final Logger LOG = LoggerFactory.getLogger("cloudjar.init");

    private final InitScripts scripts;
    private final InitStatus status;

    InitHooks(InitScripts scripts, InitStatus status) {
        this.scripts = scripts;
        this.status = status;
    }

    /** Lists every stage's scripts as UNKNOWN, as LocalStack reports them before they run. */
    InitHooks announce() {
        for (InitStatus.Stage stage : InitStatus.Stage.values()) {
            for (Path script : scripts.of(stage)) {
                status.found(stage, script.getFileName().toString());
            }
        }
        return this;
    }

    /** Runs the stage's scripts, then marks the stage completed. */
    void run(InitStatus.Stage stage, InitScriptRunner runner) {
        List<Path> found = scripts.of(stage);
        for (Path script : found) {
            String name = script.getFileName().toString();
            status.update(stage, name, InitStatus.State.RUNNING);
            LOG.info("Running {} init script {}", stage, script);
            InitScriptRunner.Outcome outcome = runner.run(script);
            if (outcome.succeeded()) {
                status.update(stage, name, InitStatus.State.SUCCESSFUL);
                LOG.debug("Init script {} succeeded; output:\n{}", script, outcome.output());
            } else {
                status.update(stage, name, InitStatus.State.ERROR);
                LOG.error("Init script {} failed with exit code {}; output:\n{}", script, outcome.exitCode(), outcome.output());
            }
        }
        status.complete(stage);
    }
}
