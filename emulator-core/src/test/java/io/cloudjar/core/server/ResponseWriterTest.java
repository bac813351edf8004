package io.cloudjar.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.http.Headers;
import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.http.ResponseBody;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpVersion;
import java.io.ByteArrayInputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A response that cannot be sent still closes the file or stream it was to send. */
class ResponseWriterTest {
    @TempDir
    Path dir;

    private static OutgoingResponse withBadHeader(ResponseBody body) {
        return new OutgoingResponse(200, new Headers().set("x-amz-meta-note", "a\r\nX: 1"), body);
    }

    @Test
    void anUnsendableHeaderClosesTheFileBody() throws Exception {
        Path file = Files.writeString(dir.resolve("body"), "hello");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        EmbeddedChannel netty = new EmbeddedChannel();

        assertThatThrownBy(() -> ResponseWriter.write(netty, withBadHeader(new ResponseBody.FileSlice(channel, 0, 5)), false, true,
                HttpVersion.HTTP_1_1, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);

        assertThat(channel.isOpen()).isFalse();
        assertThat((Object) netty.readOutbound()).as("nothing half-written").isNull();
    }

    @Test
    void anUnsendableHeaderClosesTheStreamBody() {
        AtomicBoolean closed = new AtomicBoolean();
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[5]) {
            @Override
            public void close() {
                closed.set(true);
            }
        };

        assertThatThrownBy(() -> ResponseWriter.write(new EmbeddedChannel(), withBadHeader(new ResponseBody.Stream(in, 5)), true, true,
                HttpVersion.HTTP_1_1, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);

        assertThat(closed).isTrue();
    }
}
