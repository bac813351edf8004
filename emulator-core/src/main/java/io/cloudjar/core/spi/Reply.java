package io.cloudjar.core.spi;

import java.nio.channels.FileChannel;

/**
 * An operation's answer when it is more than its SDK response: a body streamed from a file (S3 GetObject, sent
 * zero-copy) or work accepted to finish later (S3 RestoreObject starting a restore). It says what happened, not
 * how HTTP shows it: the codec turns {@code accepted} into a 202 and a response with {@code ContentRange} into
 * a 206.
 *
 * @param file     the body, or null when the response carries none besides its members
 * @param accepted the work goes on after the answer
 */
public record Reply<R>(R response, FileSlice file, boolean accepted) {

    /**
     * A region of an already opened file; the transport closes the channel. Opening it before answering keeps
     * the bytes readable even if the file is replaced meanwhile.
     */
    public record FileSlice(FileChannel channel, long offset, long length) {
    }

    public static <R> Reply<R> of(R response) {
        return new Reply<>(response, null, false);
    }

    public static <R> Reply<R> withFile(R response, FileChannel channel, long offset, long length) {
        return new Reply<>(response, new FileSlice(channel, offset, length), false);
    }

    public static <R> Reply<R> accepted(R response) {
        return new Reply<>(response, null, true);
    }
}
