package io.cloudjar.core.server;

import io.cloudjar.core.pipeline.RequestPipeline;
import io.cloudjar.core.util.EmulatorClock;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.stream.ChunkedWriteHandler;

/** The Netty handlers of one connection, in order. */
final class HttpChannelInitializer extends ChannelInitializer<SocketChannel> {
    /**
     * The request line: a 1,024-byte key percent-encodes to 3 KB, and a presigned URL adds its signature and
     * possibly a session token of a few KB, so this is wider than the header section.
     */
    static final int MAX_INITIAL_LINE = 16 * 1024;
    /** The header section, as S3 (8 KB; more is 400 RequestHeaderSectionTooLarge). Also bounds HTTP chunk trailers. */
    static final int MAX_HEADER_SIZE = 8 * 1024;

    private final RequestPipeline pipeline;
    private final EmulatorClock clock;
    private final WorkerPool workers;
    private final NetworkSettings settings;

    HttpChannelInitializer(RequestPipeline pipeline, EmulatorClock clock, WorkerPool workers, NetworkSettings settings) {
        this.pipeline = pipeline;
        this.clock = clock;
        this.workers = workers;
        this.settings = settings;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ConnectionTimeouts timeouts = new ConnectionTimeouts(settings.idleTimeoutNanos(), settings.ioTimeoutNanos());
        ch.pipeline()
                .addLast("timeouts", timeouts)                             // idle, slow request heads, unread responses
                .addLast("http", new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_SIZE, 64 * 1024))
                .addLast("continue", new ExpectContinueHandler())           // answers Expect: 100-continue
                .addLast("chunked-writer", new ChunkedWriteHandler())      // streams large response bodies
                .addLast("cloudjar", new RequestHandler(pipeline, clock, workers, timeouts, settings.ioTimeoutNanos()));
    }
}
