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
     * Sends the response, or, when it cannot be sent, closes its body and throws: whatever happens, the body's
     * file or stream is either handed to Netty (which closes it once sent or failed) or closed here.
     *
     * @param version the request's HTTP version: a keep-alive HTTP/1.0 client needs {@code Connection: keep-alive} back
     * @param now     the emulator clock's time, for the {@code Date} header (AWS's time is the emulator's)
     * @throws IllegalArgumentException when a header cannot be written (Netty refuses control characters); the caller
     *                                  then closes the connection, since no answer can be sent in its place
     */
    static ChannelFuture write(Channel channel, OutgoingResponse response, boolean headRequest, boolean keepAlive, HttpVersion version,
            Instant now) {
        ResponseBody body = response.body();
        HttpResponse head;
        try {
            head = head(response, headRequest, keepAlive, version, now);
        } catch (RuntimeException | Error e) {
            closeQuietly(body);
            throw e;
        }
        if (head instanceof DefaultFullHttpResponse) {
            closeQuietly(body); // a HEAD answer carries no body, but the provider may have opened one
            return channel.writeAndFlush(head);
        }
        channel.write(head);
        // from here Netty owns the body: a failed write releases a file region and closes a chunked input
        if (body instanceof ResponseBody.FileSlice slice) {
            channel.write(new DefaultFileRegion(slice.channel(), slice.offset(), slice.length()));
            return channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        }
        ResponseBody.Stream stream = (ResponseBody.Stream) body;
        return channel.writeAndFlush(new HttpChunkedInput(new ChunkedStream(stream.in(), 64 * 1024)));
    }

    /** The status line and headers (with the body, when it is bytes or there is none). */
    private static HttpResponse head(OutgoingResponse response, boolean headRequest, boolean keepAlive, HttpVersion version, Instant now) {
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
        return head;
    }

    /** Closes the file or stream a response was to send (one that will not be sent, or not in full). */
    static void closeQuietly(ResponseBody body) {
        try {
            if (body instanceof ResponseBody.FileSlice slice) {
                slice.channel().close();
            } else if (body instanceof ResponseBody.Stream stream) {
                stream.in().close();
            }
        } catch (IOException | RuntimeException e) {
            // nothing more can be done for it
        }
    }
}
