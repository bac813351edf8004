package io.cloudjar.core.server;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends connections that hold the server without progress, the first handler of a connection (it sees raw bytes):
 * <ul>
 *   <li>idle: no request in progress and nothing received for the idle timeout → closed;</li>
 *   <li>a request head (request line and headers) still incomplete an I/O timeout after its first byte → the
 *       {@link #HEAD_TIMED_OUT} event, which {@link RequestHandler} answers with 400 {@code RequestTimeout}, then closes;</li>
 *   <li>a response the client stops reading (nothing written for the I/O timeout) → closed.</li>
 * </ul>
 * A request body that stops arriving is detected by the worker waiting for it ({@link NettyRequestBody}), and a
 * request being worked on has no deadline: a long call, or a slow but steady upload, is never cut off. All state is
 * touched on the channel's event loop only.
 */
final class ConnectionTimeouts extends ChannelDuplexHandler {
    /** Fired down the pipeline when a request head did not arrive in time. */
    static final Object HEAD_TIMED_OUT = new Object() {
        @Override
        public String toString() {
            return "HEAD_TIMED_OUT";
        }
    };

    private final long idleNanos;
    private final long ioNanos;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> tick;
    /** Requests whose head arrived and whose response is not yet fully written. */
    private int inFlight;
    /** When the connection last became idle, or received bytes while idle. */
    private long idleSince;
    /** When the first byte of a request head arrived (no request being in flight), or -1. */
    private long headStartedAt = -1;
    private boolean headTimedOut;
    // what the outbound buffer looked like at the last check, to see whether a response write progresses
    private long writeProgressAt;
    private int lastMessageHash;
    private long lastPendingBytes;
    private long lastProgress;

    ConnectionTimeouts(long idleNanos, long ioNanos) {
        this.idleNanos = idleNanos;
        this.ioNanos = ioNanos;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        long now = System.nanoTime();
        idleSince = now;
        writeProgressAt = now;
        schedule();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        cancel();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        cancel();
        super.channelInactive(context);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) throws Exception {
        if (inFlight == 0 && headStartedAt < 0) {
            headStartedAt = System.nanoTime();
        }
        super.channelRead(context, msg);
    }

    /** {@link RequestHandler}: a request's head was parsed. */
    void requestStarted() {
        inFlight++;
        headStartedAt = -1;
    }

    /** {@link RequestHandler}: a response was written in full (or failed, and the connection closes). */
    void responseFinished() {
        if (inFlight > 0 && --inFlight == 0) {
            idleSince = System.nanoTime();
        }
    }

    private void check() {
        if (!ctx.channel().isActive()) {
            return;
        }
        long now = System.nanoTime();
        if (inFlight == 0 && headStartedAt >= 0 && now - headStartedAt >= ioNanos && !headTimedOut) {
            headTimedOut = true;
            ctx.fireUserEventTriggered(HEAD_TIMED_OUT); // answered, then closed
        } else if (inFlight == 0 && headStartedAt < 0 && now - idleSince >= idleNanos) {
            ctx.close();
            return;
        }
        if (writeProgressed()) {
            writeProgressAt = now;
        } else if (now - writeProgressAt >= ioNanos) {
            ctx.close(); // the client stopped reading its answer; this also releases the file being sent
            return;
        }
        schedule();
    }

    /** Whether nothing waits to be written, or what waits changed since the last check. */
    private boolean writeProgressed() {
        ChannelOutboundBuffer buffer = ctx.channel().unsafe().outboundBuffer();
        if (buffer == null || buffer.totalPendingWriteBytes() == 0) {
            lastPendingBytes = 0;
            return true;
        }
        int messageHash = System.identityHashCode(buffer.current());
        long pending = buffer.totalPendingWriteBytes();
        long progress = buffer.currentProgress();
        boolean changed = messageHash != lastMessageHash || pending != lastPendingBytes || progress != lastProgress;
        lastMessageHash = messageHash;
        lastPendingBytes = pending;
        lastProgress = progress;
        return changed;
    }

    /** Checks a few times per timeout, so a timeout is noticed at most a quarter of the shortest one late. */
    private void schedule() {
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(idleNanos, ioNanos) / 4);
        tick = ctx.executor().schedule(this::check, period, TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
    }
}
