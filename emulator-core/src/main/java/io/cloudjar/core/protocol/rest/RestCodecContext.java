package io.cloudjar.core.protocol.rest;

import io.cloudjar.core.auth.ChunkSignatures;
import io.cloudjar.core.protocol.CodecContext;

/** What the REST-XML codec reads besides any codec's context: an S3 browser-form upload, decoded as PutObject. */
public interface RestCodecContext extends CodecContext {
    /** An S3 browser-form upload (POST Object); null for other calls. */
    BrowserUpload browserUpload();

    /** The signatures of an {@code aws-chunked} body's chunks, once authentication verified their seed; else null. */
    default ChunkSignatures chunkSignatures() {
        return null;
    }

    static ChunkSignatures chunkSignaturesOf(CodecContext ctx) {
        return ctx instanceof RestCodecContext rest ? rest.chunkSignatures() : null;
    }

    /** The browser upload of a call, when its context carries one. */
    static BrowserUpload browserUploadOf(CodecContext ctx) {
        return ctx instanceof RestCodecContext rest ? rest.browserUpload() : null;
    }
}
