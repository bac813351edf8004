package io.cloudjar.core.server;

import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.http.ResponseBody;
import io.cloudjar.core.util.HttpDates;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link OutgoingResponse} to the channel: bytes in one message, file slices zero-copy, streams
 * in chunks. The body length always goes in {@code Content-Length}, so connections stay alive.
 */
final class ResponseWriter {
    private ResponseWriter() {
    }

    /**
     * @param version the request's HTTP version: a keep-alive HTTP/1.0 client needs {@code Connection: keep-alive} back
     * @param now     the emulator clock's time, for the {@code Date} header (AWS's time is the emulator's)
     */
    static ChannelFuture write(Channel channel, OutgoingResponse response, boolean headRequest, boolean keepAlive, HttpVersion version,
            Instant now) throws IOException {
        HttpResponseStatus status = HttpResponseStatus.valueOf(response.status());
        ResponseBody body = response.body();
        HttpResponse head;
        if (headRequest || body instanceof ResponseBody.Empty || body instanceof ResponseBody.Bytes) {
            byte[] data = !headRequest && body instanceof ResponseBody.Bytes bytes ? bytes.data() : new byte[0];
            head = new DefaultFullHttpResponse(version, status, Unpooled.wrappedBuffer(data));
        } else {
            head = new DefaultHttpResponse(version, status);
        }
        HttpHeaders headers = head.headers();
        for (Map.Entry<String, List<String>> entry : response.headers().entries()) {
            headers.add(entry.getKey(), entry.getValue());
        }
        if (!headers.contains(HttpHeaderNames.DATE)) {
            headers.set(HttpHeaderNames.DATE, HttpDates.format(now));
        }
        if (!headRequest || !headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            // a HEAD answer keeps the length the GET would have; every other answer says what it sends
            headers.set(HttpHeaderNames.CONTENT_LENGTH, headRequest ? 0 : body.length());
        }
        HttpUtil.setKeepAlive(head, keepAlive);
        if (head instanceof DefaultFullHttpResponse) {
            closeUnsent(body); // a HEAD answer carries no body, but the provider may have opened one
            return channel.writeAndFlush(head);
        }
        channel.write(head);
        if (body instanceof ResponseBody.FileSlice slice) {
            channel.write(new DefaultFileRegion(slice.channel(), slice.offset(), slice.length()));
            return channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        }
        ResponseBody.Stream stream = (ResponseBody.Stream) body;
        return channel.writeAndFlush(new HttpChunkedInput(new ChunkedStream(stream.in(), 64 * 1024)));
    }

    private static void closeUnsent(ResponseBody body) throws IOException {
        if (body instanceof ResponseBody.FileSlice slice) {
            slice.channel().close();
        } else if (body instanceof ResponseBody.Stream stream) {
            stream.in().close();
        }
    }
}
