package io.cloudjar.core.persist;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The files of a snapshot (S3's bodies): linked rather than copied, so a snapshot of large bodies costs no space. */
final class SnapshotFiles {
    private static final String TEMP_PREFIX = ".tmp-";

    private SnapshotFiles() {
    }

    /**
     * Puts every file under {@code from} at the same relative path under {@code to}, as a hard link (a copy where the
     * file system has none, or always when {@code copy}: files changed in place), skipping files being written and
     * files already there.
     */
    static void put(Path from, Path to, boolean copy) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(TEMP_PREFIX)).toList();
        }
        if (copy) { // a database's empty directories are part of it too (PostgreSQL's pg_notify, ...)
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path dir : walk.filter(Files::isDirectory).toList()) {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                }
            }
        }
        for (Path file : files) {
            Path target = to.resolve(from.relativize(file).toString());
            if (Files.exists(target)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            if (copy) {
                Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                continue;
            }
            try {
                Files.createLink(target, file);
            } catch (FileAlreadyExistsException e) {
                // written meanwhile: the same body
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(file, target);
            }
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
