package io.cloudjar.core.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Answers {@code Expect: 100-continue}, except for a request whose framing declares no body (neither
 * Content-Length nor chunked): a body sent after the invitation would be read as a malformed next request
 * and beat the real answer. Such a request gets its own answer instead (S3: 411 MissingContentLength), as
 * S3 answers before it invites the body. SDK v2's async client sends uploads of unknown length this way.
 */
final class ExpectContinueHandler extends HttpServerExpectContinueHandler {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request && !HttpUtil.isContentLengthSet(request) && !HttpUtil.isTransferEncodingChunked(request)) {
            request.headers().remove(HttpHeaderNames.EXPECT);
        }
        super.channelRead(ctx, msg);
    }
}
