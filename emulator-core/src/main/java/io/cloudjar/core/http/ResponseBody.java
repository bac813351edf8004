package io.cloudjar.core.http;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;

/** What a response carries: nothing, bytes, a slice of a file (sent zero-copy), or a stream of known length. */
public sealed interface ResponseBody {
    ResponseBody EMPTY = new Empty();

    long length();

    record Empty() implements ResponseBody {
        @Override
        public long length() {
            return 0;
        }
    }

    record Bytes(byte[] data) implements ResponseBody {
        @Override
        public long length() {
            return data.length;
        }
    }

    /**
     * A region of an already opened file, sent zero-copy; the transport closes the channel. Opening it
     * before returning keeps the bytes readable even if the file is replaced meanwhile.
     */
    record FileSlice(FileChannel channel, long offset, long length) implements ResponseBody {
    }

    record Stream(InputStream in, long length) implements ResponseBody {
    }

    static ResponseBody of(byte[] data) {
        return data.length == 0 ? EMPTY : new Bytes(data);
    }

    static ResponseBody utf8(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }
}
