package io.cloudjar.s3.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Object bodies on disk. A body is written under its final, random name, which nothing names until the body is
 * complete (and, with kept state, forced to disk): metadata is swapped in only afterwards, so a reader never sees a
 * torn object, and a body a failure or a kill left behind is named by nothing (removed at start-up with kept state,
 * with the server's directory otherwise). Blob files are named by random ids, never by object keys, so no key
 * ({@code ../}, {@code %2F}, unicode, 1,024 bytes) can reach outside the data directory.
 *
 * <p>Each server keeps its bodies in a directory of its own ({@code <DATA_DIR>/s3/<server-id>/}), so servers
 * sharing a data directory never touch each other's files, and removes it when it stops. Inside it, bodies are
 * written to the current generation ({@code <generation>/<shard>/<blob>}): a reset starts a new one and the old
 * one is removed whole once no call can still use it ({@link #startGeneration}, {@link #deleteGeneration}).
 */
public final class BlobStore implements AutoCloseable {
    private static final int FIRST_BUFFER = 64 * 1024;
    private static final MessageDigest MD5 = newMd5();

    /** This server's directory: a temporary one, its own subdirectory of the shared data directory, or the kept one. */
    private final Path serverDir;
    /** With PERSISTENCE=1: bodies outlive the server, are on disk before any metadata names them, and are never removed at stop. */
    private final boolean kept;
    private final AtomicInteger generations = new AtomicInteger();
    private volatile Generation current;

    public BlobStore(Path dataDir) {
        this(dataDir, false);
    }

    /** @param kept whether the state is kept (PERSISTENCE=1): bodies then live in {@code <DATA_DIR>/s3/kept} for good */
    public BlobStore(Path dataDir, boolean kept) {
        this.kept = kept && dataDir != null;
        try {
            this.serverDir = dataDir == null ? Files.createTempDirectory("cloudjar-s3-")
                    : Files.createDirectories(dataDir.resolve("s3").resolve(this.kept ? "kept" : newId().substring(0, 16)));
            this.current = newGeneration();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the S3 data directory", e);
        }
    }

    /** The directory of kept bodies (PERSISTENCE=1), whose files belong to the kept state. */
    public Optional<Path> keptDirectory() {
        return kept ? Optional.of(serverDir) : Optional.empty();
    }

    /** A body's path as the state file keeps it: relative, so the data directory may move. */
    public Path relative(Path blob) {
        return blob == null ? null : serverDir.relativize(blob);
    }

    /** A kept relative path made a body's path again. */
    public Path resolve(Path relative) {
        return relative == null ? null : serverDir.resolve(relative);
    }

    /**
     * At start-up with kept state: removes what interrupted writes left (bodies no kept object or part names: a body is
     * written before its metadata is committed, so a kill between, or during the write, leaves it unnamed).
     *
     * @return how many files were removed
     */
    public int removeLeftovers(Set<Path> referenced) {
        int[] removed = {0};
        try (var files = Files.walk(serverDir)) {
            files.filter(Files::isRegularFile).filter(f -> !referenced.contains(f)).forEach(f -> {
                quietlyDelete(f);
                removed[0]++;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + serverDir, e);
        }
        return removed[0];
    }

    /**
     * Streams a body to a new blob, computing its MD5 and, when asked, one more checksum.
     *
     * @return the blob; its size is whatever arrived (the caller checks it against Content-Length)
     */
    public WrittenBlob write(InputStream in, ChecksumAlgorithms algorithm) throws IOException {
        return write(in, algorithm, true, -1);
    }

    /** @param expectedSize the body's declared length (its first buffer is no larger), or -1 when unknown */
    public WrittenBlob write(InputStream in, ChecksumAlgorithms algorithm, long expectedSize) throws IOException {
        return write(in, algorithm, true, expectedSize);
    }

    /** @param withMd5 false when the body's MD5 is not needed (a completed multipart object's ETag is not one) */
    private WrittenBlob write(InputStream in, ChecksumAlgorithms algorithm, boolean withMd5, long expectedSize) throws IOException {
        String id = newId();
        // no temporary name and rename: the name is unknown to anyone until the metadata naming it is swapped in,
        // and the rename with its directory update cost as much as creating and writing a small body
        Path target = current.shard(id).resolve(id);
        MessageDigest md5 = withMd5 ? md5() : null;
        ChecksumAlgorithms.Running checksum = algorithm == null ? null : algorithm.start();
        long size = 0;
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            // most bodies are small: one buffer, summed right here; one byte more than declared, so a body of the
            // declared length ends within it
            byte[] first = new byte[expectedSize >= 0 && expectedSize < FIRST_BUFFER ? (int) expectedSize + 1 : FIRST_BUFFER];
            int n = readUpTo(in, first);
            if (md5 != null) {
                md5.update(first, 0, n);
            }
            if (checksum != null) {
                checksum.update(first, 0, n);
            }
            writeFully(out, first, n);
            size = n;
            if (n == first.length) {
                size += writeLarge(in, out, md5, checksum);
            }
            forceIfKept(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        return new WrittenBlob(target, size, md5 == null ? null : md5.digest(), checksum == null ? null : checksum.base64());
    }

    /** The rest of a large body: written here while {@link ParallelDigest} sums it on another core. */
    private static long writeLarge(InputStream in, FileChannel out, MessageDigest md5, ChecksumAlgorithms.Running checksum)
            throws IOException {
        long size = 0;
        try (ParallelDigest digest = new ParallelDigest(md5, checksum)) {
            while (true) {
                byte[] buf = digest.buffer();
                int n = readUpTo(in, buf);
                if (n <= 0) {
                    break;
                }
                writeFully(out, buf, n);
                digest.hash(buf, n);
                size += n;
            }
            digest.finish();
        }
        return size;
    }

    /** Reads until the buffer is full or the stream ends; returns the bytes read. */
    private static int readUpTo(InputStream in, byte[] buf) throws IOException {
        int filled = 0;
        while (filled < buf.length) {
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    private static void writeFully(FileChannel out, byte[] buf, int n) throws IOException {
        java.nio.ByteBuffer data = java.nio.ByteBuffer.wrap(buf, 0, n);
        while (data.hasRemaining()) {
            out.write(data);
        }
    }

    /**
     * Joins part blobs into one new blob (multipart completion), in order: the kernel copies the files
     * while the parts are summed in parallel and their CRCs combined into the full-object checksum. No MD5
     * (a multipart ETag is not one).
     *
     * @param algorithm a CRC algorithm for the full-object checksum, or null
     */
    public WrittenBlob concatenate(List<Path> parts, ChecksumAlgorithms algorithm) throws IOException {
        String id = newId();
        Path target = current.shard(id).resolve(id); // as in write: nothing names it before it is complete
        List<Long> sizes = new java.util.ArrayList<>();
        long size = 0;
        String checksum;
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (Path part : parts) {
                sizes.add(Files.size(part));
            }
            java.util.concurrent.Future<String> summed = algorithm == null ? null
                    : ParallelDigest.HASHERS.submit(() -> algorithm.combineFiles(parts, sizes, ParallelDigest.HASHERS));
            for (Path part : parts) {
                try (FileChannel in = open(part)) {
                    long length = in.size();
                    for (long done = 0; done < length; ) {
                        done += in.transferTo(done, length - done, out);
                    }
                    size += length;
                }
            }
            checksum = summed == null ? null : summed.get();
            forceIfKept(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        } catch (InterruptedException e) {
            Files.deleteIfExists(target);
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException();
        } catch (java.util.concurrent.ExecutionException e) {
            Files.deleteIfExists(target);
            throw new IOException("cannot sum the parts", e.getCause());
        }
        return new WrittenBlob(target, size, null, checksum);
    }

    /**
     * Copies {@code length} bytes of an open blob from {@code offset} into a new blob (CopyObject, UploadPartCopy).
     * The caller opened the source before deciding to copy it, so an overwrite deleting its file meanwhile
     * changes nothing here.
     *
     * @param withMd5 false when the caller already knows the MD5 (a whole single-part object keeps its ETag)
     */
    public WrittenBlob copy(FileChannel source, long offset, long length, ChecksumAlgorithms algorithm, boolean withMd5)
            throws IOException {
        InputStream slice = java.nio.channels.Channels.newInputStream(source.position(offset));
        return write(new BoundedInputStream(slice, length), algorithm, withMd5, length);
    }

    /**
     * A random blob name: 128 bits from a thread-local generator (a name needs to be unique, not secret;
     * {@code UUID.randomUUID} would read the kernel's entropy on every body). CREATE_NEW guards anyway.
     */
    private static String newId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return java.util.HexFormat.of().toHexDigits(random.nextLong()) + java.util.HexFormat.of().toHexDigits(random.nextLong());
    }

    /** Opens a blob for reading; throws {@link NoSuchFileException} when it was deleted meanwhile. */
    public FileChannel open(Path blob) throws IOException {
        return FileChannel.open(blob, StandardOpenOption.READ);
    }

    public void delete(Path blob) {
        try {
            Files.deleteIfExists(blob);
        } catch (IOException e) {
            // an unreferenced blob only costs disk; never fail a call for it
        }
    }

    /**
     * Sends every later body to a new, empty generation and returns the directory of the one it replaces, for
     * {@link #deleteGeneration} once no call can still read or write there.
     */
    public Path startGeneration() {
        Generation retired = current;
        try {
            current = newGeneration();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a new S3 data directory", e);
        }
        return retired.dir;
    }

    /** Removes a generation {@link #startGeneration} retired, with every body in it; best effort. */
    public void deleteGeneration(Path dir) {
        deleteTree(dir);
    }

    @Override
    public void close() {
        if (!kept) {
            deleteTree(serverDir); // the state that referenced these bodies ends with the server
        }
    }

    /**
     * Kept bodies reach the disk before the rename that makes them nameable, so metadata committed afterwards never
     * names a body a power cut could lose; without kept state nothing outlives the process, and nothing is forced.
     */
    private void forceIfKept(FileChannel out) throws IOException {
        if (kept) {
            out.force(false);
        }
    }

    private Generation newGeneration() throws IOException {
        // kept generations outlive this process: a name of its own, never one an earlier run used
        String name = kept ? "g-" + newId().substring(0, 12) : Integer.toString(generations.getAndIncrement());
        return new Generation(Files.createDirectories(serverDir.resolve(name)));
    }

    /** A fresh MD5: a clone of an untouched one, which skips the security providers' look-up of every getInstance. */
    private static MessageDigest md5() {
        try {
            return (MessageDigest) MD5.clone();
        } catch (CloneNotSupportedException e) {
            return newMd5();
        }
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes what it can: a file still open elsewhere (Windows) or vanished meanwhile is no reason to fail. */
    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    quietlyDelete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) {
                    quietlyDelete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // walkFileTree reports failures to the visitor, which carries on
        }
    }

    private static void quietlyDelete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // left behind: costs disk, never a call
        }
    }

    /** One generation's directory; blobs are spread over 256 subdirectories by the first two characters of their names. */
    private static final class Generation {
        final Path dir;
        final ConcurrentHashMap<String, Path> shards = new ConcurrentHashMap<>();

        Generation(Path dir) {
            this.dir = dir;
        }

        Path shard(String id) throws IOException {
            String name = id.substring(0, 2);
            Path shard = shards.get(name);
            if (shard == null) {
                shard = Files.createDirectories(dir.resolve(name));
                shards.put(name, shard);
            }
            return shard;
        }
    }

    /** At most {@code remaining} bytes of a stream. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }

    /** A body on disk with its size, MD5 (for the ETag) and optional extra checksum (base64). */
    public record WrittenBlob(Path path, long size, byte[] md5, String checksum) {
    }
}
