package io.cloudjar.core.server;

import io.netty.channel.DefaultMessageSizeEstimator;
import io.netty.channel.FileRegion;
import io.netty.channel.MessageSizeEstimator;

/**
 * Counts a file region queued for writing by its bytes; Netty's default counts it as nothing, so a connection
 * sending a large object stayed "writable" and a client pipelining GETs without reading the answers could have
 * every answer's file opened and queued. Counted, a file being sent makes the channel unwritable until it is sent,
 * which pauses reading and the connection's next request ({@link RequestHandler}).
 */
final class FileRegionSizeEstimator implements MessageSizeEstimator {
    static final FileRegionSizeEstimator INSTANCE = new FileRegionSizeEstimator();

    private static final Handle HANDLE = new Handle() {
        private final Handle others = DefaultMessageSizeEstimator.DEFAULT.newHandle();

        @Override
        public int size(Object msg) {
            if (msg instanceof FileRegion region) {
                return (int) Math.min(Integer.MAX_VALUE, region.count() - region.transferred());
            }
            return others.size(msg);
        }
    };

    private FileRegionSizeEstimator() {
    }

    @Override
    public Handle newHandle() {
        return HANDLE;
    }
}
