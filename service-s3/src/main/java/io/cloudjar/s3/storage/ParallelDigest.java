package io.cloudjar.s3.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sums a large body's MD5 and checksum on a helper thread while the request's thread reads the socket and
 * writes the file: a single PUT is otherwise bound by MD5, the checksum and the disk in sequence. A few
 * rotating buffers bound the memory one upload holds.
 */
final class ParallelDigest implements AutoCloseable {
    static final int BUFFER = 512 * 1024;
    private static final int BUFFERS = 3;
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Shared by every upload, and by multipart completion to sum parts in parallel. */
    static final ExecutorService HASHERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cloudjar-s3-digest-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private record Chunk(byte[] data, int length) {
    }

    private static final Chunk END = new Chunk(new byte[0], 0);

    private final BlockingQueue<Chunk> work = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final Future<?> hasher;

    /** @param md5 null when only the checksum is wanted */
    ParallelDigest(MessageDigest md5, ChecksumAlgorithms.Running checksum) {
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[BUFFER]);
        }
        hasher = HASHERS.submit(() -> {
            for (Chunk chunk = work.take(); chunk != END; chunk = work.take()) {
                if (md5 != null) {
                    md5.update(chunk.data(), 0, chunk.length());
                }
                if (checksum != null) {
                    checksum.update(chunk.data(), 0, chunk.length());
                }
                free.put(chunk.data());
            }
            return null;
        });
    }

    /** A buffer to fill next; waits while the hasher is behind. */
    byte[] buffer() throws IOException {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    /** Hands a filled buffer (already written to disk) to the hasher. */
    void hash(byte[] data, int length) throws IOException {
        try {
            work.put(new Chunk(data, length));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    /** Waits until every buffer handed over is summed. */
    void finish() throws IOException {
        try {
            work.put(END);
            hasher.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        } catch (ExecutionException e) {
            throw new IOException("digest failed", e.getCause());
        }
    }

    /** Stops the hasher when the upload failed half-way. */
    @Override
    public void close() {
        hasher.cancel(true);
    }
}
