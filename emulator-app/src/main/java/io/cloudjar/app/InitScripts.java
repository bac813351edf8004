package io.cloudjar.app;

import io.cloudjar.core.runtime.InitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds LocalStack's init hooks: the {@code .sh} files of {@code <root>/boot.d}, {@code start.d}, {@code ready.d} and
 * {@code shutdown.d}, in name order. The root is {@code /etc/localstack/init}, or {@code INIT_SCRIPTS_DIR}.
 */
final class InitScripts {
    static final Path DEFAULT_ROOT = Path.of("/etc/localstack/init");

    private final Path root;

    InitScripts(Path root) {
        this.root = root;
    }

    static InitScripts from(java.util.Map<String, String> env) {
        String dir = env.get("INIT_SCRIPTS_DIR");
        return new InitScripts(dir == null || dir.isBlank() ? DEFAULT_ROOT : Path.of(dir));
    }

    /** The stage's scripts in name order; none when its directory is missing. */
    List<Path> of(InitStatus.Stage stage) {
        Path dir = root.resolve(stage.name().toLowerCase(Locale.ROOT) + ".d");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sh") && Files.isRegularFile(f))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list init scripts in " + dir + ": " + e.getMessage(), e);
        }
    }
}
