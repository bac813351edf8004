package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.s3.model.ObjectEncryption;
import io.cloudjar.s3.model.StoredObject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The source of a CopyObject or UploadPartCopy with its body file open: the version the copy source names,
 * checked against the copy-source conditions. An overwrite of the source deletes the body file of the
 * version it replaces; one landing between the lookup and the open is met by looking the source up again,
 * as GetObject does, and once the file is open the copy reads it whole whatever happens to the object.
 *
 * @param object the version read, the one conditions and ranges are checked against
 * @param body   its body, open; closed with this
 */
record OpenedSource(StoredObject object, FileChannel body) implements AutoCloseable {
    private static final int ATTEMPTS = 3;

    /** Runs between the lookup and the open: tests make an overwrite land exactly there. */
    static volatile Consumer<StoredObject> betweenLookupAndOpen = found -> { };

    /**
     * @param conditions checks the version found, throwing the copy's error when it does not qualify
     * @param request    the copy request, whose copy-source SSE-C key opens a source encrypted with one
     */
    static OpenedSource open(S3State state, CallContext ctx, CopySource source, Consumer<StoredObject> conditions,
            SdkPojo request) {
        for (int attempt = 1; ; attempt++) {
            StoredObject object = source.resolve(state, ctx);
            conditions.accept(object);
            ObjectEncryption encryption = ServerSideEncryptions.of(state.named(source.bucket()), object);
            CustomerKeys.CustomerKey key = CustomerKeys.checkRead(encryption, CustomerKeys.of(request, "CopySource"));
            betweenLookupAndOpen.accept(object);
            try {
                FileChannel body = state.blobs().open(object.blob());
                return new OpenedSource(object, key == null ? body : CustomerKeys.decrypt(state.blobs(), body, key, encryption, object));
            } catch (NoSuchFileException replacedMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw S3Errors.internalIo();
                }
            } catch (IOException e) {
                throw S3Errors.internalIo();
            }
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // a read-only channel: nothing was lost
        }
    }
}
