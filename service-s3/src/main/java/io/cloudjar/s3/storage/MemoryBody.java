package io.cloudjar.s3.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A small body kept in memory (see {@link BlobStore}), read through the same {@link FileChannel} readers of bodies
 * on disk use: positional and relative reads, and {@link #transferTo}, which the response writer's file region
 * calls. Read-only; the bytes are never changed, so any number of channels may share them.
 */
final class MemoryBody extends FileChannel {
    private final byte[] bytes;
    private long position;

    MemoryBody(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public synchronized int read(ByteBuffer dst) {
        int n = read(dst, position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public synchronized long read(ByteBuffer[] dsts, int offset, int length) {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            int n = read(dsts[i]);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
            if (dsts[i].hasRemaining()) {
                break;
            }
        }
        return total;
    }

    @Override
    public int read(ByteBuffer dst, long at) {
        if (at >= bytes.length) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), bytes.length - at);
        dst.put(bytes, (int) at, n);
        return n;
    }

    @Override
    public long transferTo(long at, long count, WritableByteChannel target) throws IOException {
        if (at >= bytes.length) {
            return 0;
        }
        int n = (int) Math.min(count, bytes.length - at);
        return target.write(ByteBuffer.wrap(bytes, (int) at, n)); // a non-blocking socket may take part of it
    }

    @Override
    public synchronized long position() {
        return position;
    }

    @Override
    public synchronized FileChannel position(long newPosition) {
        this.position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        throw new NonWritableChannelException();
    }

    @Override
    public int write(ByteBuffer src, long at) {
        throw new NonWritableChannelException();
    }

    @Override
    public FileChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long at, long count) {
        throw new NonWritableChannelException();
    }

    @Override
    public void force(boolean metaData) {
        // nothing to write
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long at, long size) throws IOException {
        throw new IOException("a body kept in memory cannot be mapped");
    }

    @Override
    public FileLock lock(long at, long size, boolean shared) throws IOException {
        throw new IOException("a body kept in memory cannot be locked");
    }

    @Override
    public FileLock tryLock(long at, long size, boolean shared) throws IOException {
        throw new IOException("a body kept in memory cannot be locked");
    }

    @Override
    protected void implCloseChannel() {
        // the bytes stay with the store, or with the garbage collector once it dropped them
    }
}
