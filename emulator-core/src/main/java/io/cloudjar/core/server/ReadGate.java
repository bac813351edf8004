package io.cloudjar.core.server;

import io.netty.channel.Channel;

/**
 * Whether a connection reads from its socket. Several parts of the server may want it paused for their own
 * reason (the body queue is full, the request waits for a worker, answers are not being read); it reads again
 * only once none does, so one part resuming cannot undo another's back-pressure.
 */
final class ReadGate {
    /** The request body's queue is past its high-water mark. */
    static final int BODY_FULL = 1;
    /** The connection's next request waits for a free worker thread. */
    static final int AWAITING_WORKER = 2;
    /**
     * Responses wait to be written past the channel's high-water mark: a client pipelining requests without
     * reading the answers would otherwise have them (and the files they send) pile up in memory.
     */
    static final int WRITE_BLOCKED = 4;

    private final Channel channel;
    private int reasons;

    ReadGate(Channel channel) {
        this.channel = channel;
    }

    synchronized void pause(int reason) {
        if (reasons == 0) {
            channel.config().setAutoRead(false);
        }
        reasons |= reason;
    }

    synchronized void resume(int reason) {
        if (reasons != 0) {
            reasons &= ~reason;
            if (reasons == 0) {
                channel.config().setAutoRead(true);
            }
        }
    }

    synchronized boolean paused(int reason) {
        return (reasons & reason) != 0;
    }
}
