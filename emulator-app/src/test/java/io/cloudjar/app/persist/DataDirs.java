package io.cloudjar.app.persist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh DATA_DIR for a test class's persistent server (made when the class loads, for its static extension). */
final class DataDirs {
    private DataDirs() {
    }

    static Path fresh() {
        try {
            return Files.createTempDirectory("cloudjar-persist-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
