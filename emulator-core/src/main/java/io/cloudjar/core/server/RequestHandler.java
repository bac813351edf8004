package io.cloudjar.core.server;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.http.Headers;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.http.RequestBody;
import io.cloudjar.core.pipeline.RequestContext;
import io.cloudjar.core.pipeline.RequestPipeline;
import io.cloudjar.core.util.EmulatorClock;
import io.cloudjar.core.util.Ids;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each HTTP request to the {@link RequestPipeline} on a worker thread as soon as its headers have
 * arrived, and feeds the body to it as it streams in. One instance per connection; requests of one
 * connection run in order. Whatever goes wrong, a request ends with its answer written or the connection
 * closed, and the body it opened closed: a client never waits forever.
 */
final class RequestHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);

    /** The most unread request body dropped to keep a connection open after an early answer. */
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private final RequestPipeline pipeline;
    private final EmulatorClock clock;
    private final WorkerPool workers;
    private final Executor serial;
    private final ConnectionTimeouts timeouts;
    private final long readTimeoutNanos;
    private ReadGate gate;
    private NettyRequestBody body;
    /** Notified when the channel's writability changes or it closes (workers wait on it; see awaitWritable). */
    private final Object writability = new Object();

    RequestHandler(RequestPipeline pipeline, EmulatorClock clock, WorkerPool workers, ConnectionTimeouts timeouts, long readTimeoutNanos) {
        this.pipeline = pipeline;
        this.clock = clock;
        this.workers = workers;
        this.serial = new SerialExecutor(workers);
        this.timeouts = timeouts;
        this.readTimeoutNanos = readTimeoutNanos;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        gate = new ReadGate(ctx.channel());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            if (request.decoderResult().isFailure()) {
                rejectMalformed(ctx, request.method().name(), request.decoderResult().cause());
                if (msg instanceof HttpContent content) {
                    content.release();
                }
                return;
            }
            startRequest(ctx, request);
        }
        if (msg instanceof HttpContent content) {
            NettyRequestBody current = body;
            if (current == null) {
                content.release();
                return;
            }
            if (content.decoderResult().isFailure()) {
                // a malformed chunk: the body broke off (never "complete"), and Netty reads nothing more of this connection
                content.release();
                current.fail(new IOException("Malformed request body", content.decoderResult().cause()));
                body = null;
                return;
            }
            current.offer(content.content());
            if (msg instanceof LastHttpContent) {
                current.complete();
                body = null;
            }
        }
    }

    private void startRequest(ChannelHandlerContext ctx, HttpRequest request) {
        timeouts.requestStarted();
        Headers headers = new Headers();
        request.headers().forEach(e -> headers.add(e.getKey(), e.getValue()));
        long length = HttpUtil.getContentLength(request, -1L);
        NettyRequestBody requestBody = new NettyRequestBody(gate, length, readTimeoutNanos);
        if (length <= 0 && !HttpUtil.isTransferEncodingChunked(request)) {
            // no body: complete now, so a fast answer does not race the empty last chunk and close the connection
            requestBody.complete();
        }
        body = requestBody;
        IncomingRequest incoming = new IncomingRequest(request.method().name(), request.uri(), headers, requestBody,
                (InetSocketAddress) ctx.channel().remoteAddress());
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean head = HttpMethod.HEAD.equals(request.method());
        HttpVersion version = request.protocolVersion().equals(HttpVersion.HTTP_1_0) ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
        if (workers.saturated()) {
            // read no further until a worker takes this request: while every worker is busy, connections wait in
            // the kernel's buffers instead of queueing bodies in memory (paused before the task exists, so the
            // task's resume always comes after; otherwise reading goes on, with no toggling per request)
            gate.pause(ReadGate.AWAITING_WORKER);
        }
        serial.execute(() -> {
            gate.resume(ReadGate.AWAITING_WORKER);
            respond(ctx.channel(), incoming, requestBody, head, keepAlive, version);
        });
    }

    /** Worker: runs the pipeline and writes its answer; on any failure the connection closes. */
    private void respond(Channel channel, IncomingRequest incoming, NettyRequestBody requestBody, boolean head, boolean keepAlive,
            HttpVersion version) {
        OutgoingResponse response = null;
        try {
            awaitWritable(channel);
            response = pipeline.handle(new RequestContext(incoming, Ids.requestId(), clock.now()));
            // unread body bytes must not be taken for the next request on this connection: a modest rest is
            // read and dropped (the client then gets the answer, not a broken pipe); beyond that, or when the
            // body stalled, we close
            boolean bodyDone = requestBody.isComplete() || requestBody.drain(DRAIN_LIMIT);
            requestBody.discard();
            boolean keep = keepAlive && bodyDone;
            OutgoingResponse sending = response;
            response = null; // the writer owns its body now, sent or not
            ChannelFuture written = ResponseWriter.write(channel, sending, head, keep, version, clock.now());
            written.addListener(f -> timeouts.responseFinished());
            // a response that breaks off (a body stream failing) must not leave the client waiting for the rest
            written.addListener(keep ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
        } catch (Throwable t) {
            LOG.warn("Cannot answer {}; closing the connection", incoming, t);
            requestBody.discard();
            if (response != null) {
                ResponseWriter.closeQuietly(response.body());
            }
            channel.close();
        }
    }

    /**
     * Worker: a pipelined request waits until the answers before it are written down to the channel's low-water
     * mark, so a client that sends requests without reading the answers cannot make them (and the files they send)
     * pile up. A client that reads nothing is closed by {@link ConnectionTimeouts}, which ends the wait.
     */
    private void awaitWritable(Channel channel) throws InterruptedException {
        synchronized (writability) {
            while (channel.isActive() && !channel.isWritable()) {
                writability.wait(1_000); // a re-check besides the notification
            }
        }
    }

    private void writabilityChanged() {
        synchronized (writability) {
            writability.notifyAll();
        }
    }

    /** A request Netty could not parse: answered through the pipeline's error encoding, then the connection closes. */
    private void rejectMalformed(ChannelHandlerContext ctx, String method, Throwable cause) {
        reject(ctx, method, cause instanceof TooLongFrameException
                ? AwsErrors.of("RequestHeaderSectionTooLarge", 400, "Your request header section exceeds the maximum allowed size.")
                : AwsErrors.of("BadRequest", 400, "The HTTP request is malformed."));
    }

    /**
     * Answers before any request was parsed (S3's error shape, the default API's), then closes.
     *
     * @param method the request's method as far as it was read (a HEAD answer has no body)
     */
    private void reject(ChannelHandlerContext ctx, String method, AwsException error) {
        try {
            IncomingRequest unparsed = new IncomingRequest(method, "/", new Headers(), RequestBody.of(new byte[0]),
                    (InetSocketAddress) ctx.channel().remoteAddress());
            OutgoingResponse response = pipeline.reject(new RequestContext(unparsed, Ids.requestId(), clock.now()), error);
            ResponseWriter.write(ctx.channel(), response, false, false, HttpVersion.HTTP_1_1, clock.now())
                    .addListener(ChannelFutureListener.CLOSE);
        } catch (RuntimeException e) {
            LOG.warn("Cannot answer {}", error.code(), e);
            ctx.close();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == ConnectionTimeouts.HEAD_TIMED_OUT) {
            reject(ctx, "GET", NettyRequestBody.requestTimeout());
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        // read no more requests while their answers cannot be sent: each would hold its response (and file) in memory
        if (ctx.channel().isWritable()) {
            gate.resume(ReadGate.WRITE_BLOCKED);
        } else {
            gate.pause(ReadGate.WRITE_BLOCKED);
        }
        writabilityChanged();
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        NettyRequestBody current = body;
        if (current != null) {
            current.fail(new ClosedChannelException());
        }
        writabilityChanged();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            LOG.debug("Connection error from {}", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
