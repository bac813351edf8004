package io.cloudjar.s3.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sums a large body's MD5 and checksum on helper threads, one each, while the request's thread reads the socket
 * and writes the file: a single PUT is otherwise bound by MD5, the checksum and the disk in sequence (one helper
 * summing both made MD5 + CRC64NVME the bound: about 60% of MD5's own rate). A few rotating buffers bound the memory
 * one upload holds; a buffer is reused once every helper has summed it.
 */
final class ParallelDigest implements AutoCloseable {
    static final int BUFFER = 512 * 1024;
    private static final int BUFFERS = 4;
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Shared by every upload, and by multipart completion to sum parts in parallel. */
    static final ExecutorService HASHERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cloudjar-s3-digest-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** A filled buffer and how many helpers have yet to sum it. */
    private record Chunk(byte[] data, int length, AtomicInteger unsummed) {
    }

    private static final Chunk END = new Chunk(new byte[0], 0, new AtomicInteger());

    private final List<BlockingQueue<Chunk>> work = new ArrayList<>();
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final List<Future<?>> hashers = new ArrayList<>();

    /** @param md5 null when only the checksum is wanted; checksum null when only the MD5 is */
    ParallelDigest(MessageDigest md5, ChecksumAlgorithms.Running checksum) {
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[BUFFER]);
        }
        if (md5 != null) {
            start((data, length) -> md5.update(data, 0, length));
        }
        if (checksum != null) {
            start((data, length) -> checksum.update(data, 0, length));
        }
    }

    private interface Summing {
        void update(byte[] data, int length);
    }

    private void start(Summing summing) {
        BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(BUFFERS + 1);
        work.add(queue);
        hashers.add(HASHERS.submit(() -> {
            for (Chunk chunk = queue.take(); chunk != END; chunk = queue.take()) {
                summing.update(chunk.data(), chunk.length());
                if (chunk.unsummed().decrementAndGet() == 0) {
                    free.put(chunk.data());
                }
            }
            return null;
        }));
    }

    /** A buffer to fill next; waits while a hasher is behind. */
    byte[] buffer() throws IOException {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    /** Hands a filled buffer (already written to disk) to the hashers. */
    void hash(byte[] data, int length) throws IOException {
        if (work.isEmpty()) {
            free.add(data); // nothing to sum
            return;
        }
        try {
            Chunk chunk = new Chunk(data, length, new AtomicInteger(work.size()));
            for (BlockingQueue<Chunk> queue : work) {
                queue.put(chunk);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    /** Waits until every buffer handed over is summed by every hasher. */
    void finish() throws IOException {
        try {
            for (BlockingQueue<Chunk> queue : work) {
                queue.put(END);
            }
            for (Future<?> hasher : hashers) {
                hasher.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        } catch (ExecutionException e) {
            throw new IOException("digest failed", e.getCause());
        }
    }

    /** Stops the hashers when the upload failed half-way. */
    @Override
    public void close() {
        hashers.forEach(hasher -> hasher.cancel(true));
    }
}
