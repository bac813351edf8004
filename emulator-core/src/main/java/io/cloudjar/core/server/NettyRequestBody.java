package io.cloudjar.core.server;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.http.RequestBody;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;

/**
 * A request body fed by the event loop and read by a worker thread. At most {@link #HIGH_WATER} bytes
 * wait in memory: past that the channel stops reading from the socket until the worker catches up, so
 * a multi-gigabyte upload flows through with flat heap. A reader never waits forever: when the client sends
 * nothing for the read timeout while the body is awaited, the read fails with S3's {@code RequestTimeout}.
 */
final class NettyRequestBody implements RequestBody {
    static final int HIGH_WATER = 1024 * 1024;
    static final int LOW_WATER = 256 * 1024;

    private final ReadGate gate;
    private final long declaredLength;
    private final long readTimeoutNanos;
    private final ArrayDeque<ByteBuf> chunks = new ArrayDeque<>();
    private final Stream stream = new Stream();
    private long queuedBytes;
    private boolean complete;
    private boolean discarded;
    private IOException failure;
    /** A reader gave up on the client: later reads fail at once, and the connection closes after the answer. */
    private boolean timedOut;
    private byte[] cached;

    /** @param readTimeoutNanos how long a reader waits for the next bytes before the client counts as stalled */
    NettyRequestBody(ReadGate gate, long declaredLength, long readTimeoutNanos) {
        this.gate = gate;
        this.declaredLength = declaredLength;
        this.readTimeoutNanos = readTimeoutNanos;
    }

    /** Event loop: a piece of the body arrived. Takes ownership of {@code buf}. */
    synchronized void offer(ByteBuf buf) {
        if (discarded || failure != null) {
            buf.release();
            return;
        }
        if (buf.isReadable()) {
            chunks.add(buf);
            queuedBytes += buf.readableBytes();
            if (queuedBytes > HIGH_WATER) {
                gate.pause(ReadGate.BODY_FULL);
            }
        } else {
            buf.release();
        }
        notifyAll();
    }

    /** Event loop: the last piece arrived. */
    synchronized void complete() {
        complete = true;
        notifyAll();
    }

    /** Event loop: the connection broke before the body was complete. */
    synchronized void fail(IOException cause) {
        if (!complete) {
            failure = cause;
        }
        releaseAll();
        notifyAll();
    }

    /** After the response: drop whatever the handler did not read, and let the socket flow again. */
    synchronized void discard() {
        discarded = true;
        releaseAll();
        gate.resume(ReadGate.BODY_FULL);
        notifyAll();
    }

    synchronized boolean isComplete() {
        return complete;
    }

    /**
     * Reads and drops what the handler left unread, up to {@code limit} bytes, so an early answer (an error
     * before the upload was read) reaches a client still sending; true when the body ended within the limit
     * (false also when it stalled or broke off).
     */
    boolean drain(long limit) {
        byte[] buf = new byte[64 * 1024];
        long dropped = 0;
        try {
            for (int n; (n = stream.read(buf, 0, buf.length)) >= 0; ) {
                dropped += n;
                if (dropped > limit) {
                    return false;
                }
            }
            return true;
        } catch (IOException | AwsException e) {
            return false;
        }
    }

    private void releaseAll() {
        ByteBuf b;
        while ((b = chunks.poll()) != null) {
            b.release();
        }
        queuedBytes = 0;
    }

    @Override
    public InputStream stream() {
        return stream;
    }

    @Override
    public long declaredLength() {
        return declaredLength;
    }

    @Override
    public synchronized byte[] bytes(int limit) throws IOException {
        if (cached == null) {
            if (declaredLength > limit) {
                throw new BodyTooLargeException(limit);
            }
            cached = RequestBody.readFully(stream, limit);
        }
        return cached;
    }

    private final class Stream extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] dst, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            synchronized (NettyRequestBody.this) {
                long deadline = System.nanoTime() + readTimeoutNanos;
                while (chunks.isEmpty()) {
                    if (failure != null) {
                        throw failure;
                    }
                    if (complete || discarded) {
                        return -1;
                    }
                    long left = deadline - System.nanoTime();
                    if (timedOut || left <= 0) {
                        timedOut = true;
                        throw requestTimeout();
                    }
                    try {
                        NettyRequestBody.this.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("Interrupted while reading the request body");
                    }
                }
                ByteBuf head = chunks.peek();
                int n = Math.min(len, head.readableBytes());
                head.readBytes(dst, off, n);
                queuedBytes -= n;
                if (!head.isReadable()) {
                    chunks.poll().release();
                }
                if (queuedBytes < LOW_WATER) {
                    gate.resume(ReadGate.BODY_FULL);
                }
                return n;
            }
        }

        @Override
        public int available() {
            synchronized (NettyRequestBody.this) {
                return (int) Math.min(Integer.MAX_VALUE, queuedBytes);
            }
        }
    }

    /** S3's answer to a body that stopped arriving (AWS closes the connection after it). */
    static AwsException requestTimeout() {
        return AwsErrors.of("RequestTimeout", 400, "Your socket connection to the server was not read from or written to within "
                + "the timeout period. Idle connections will be closed.");
    }
}
