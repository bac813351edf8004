package io.cloudjar.s3;

import io.cloudjar.core.spi.StreamingPayload;
import io.cloudjar.s3.storage.BlobStore;
import io.cloudjar.s3.storage.BlobStore.WrittenBlob;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Streams an upload body (PutObject, UploadPart) to a blob and checks what the client declared about it:
 * its length, Content-MD5 and checksum. A body that fails a check is deleted before the error is sent,
 * so nothing half-written is ever visible.
 */
final class BodyWriter {
    private BodyWriter() {
    }

    static WrittenBlob write(BlobStore blobs, StreamingPayload payload, Long declaredLength, String contentMd5, ChecksumSpec checksum) {
        byte[] expectedMd5 = decodeMd5(contentMd5);
        long expectedLength = declaredLength != null ? declaredLength : payload.contentLength();
        WrittenBlob blob;
        try (InputStream in = payload.stream()) {
            blob = blobs.write(in, checksum.algorithm(), expectedLength);
        } catch (IOException e) {
            throw S3Errors.incompleteBody();
        }
        if (expectedLength >= 0 && blob.size() != expectedLength) {
            blobs.delete(blob.path());
            throw S3Errors.incompleteBody();
        }
        if (expectedMd5 != null && !MessageDigest.isEqual(expectedMd5, blob.md5())) {
            blobs.delete(blob.path());
            throw S3Errors.badDigest();
        }
        String expectedChecksum;
        try {
            expectedChecksum = checksum.expectedValue(payload);
        } catch (RuntimeException malformedTrailer) {
            blobs.delete(blob.path());
            throw malformedTrailer;
        }
        if (expectedChecksum != null && !expectedChecksum.equals(blob.checksum())) {
            blobs.delete(blob.path());
            throw S3Errors.checksumMismatch(checksum.algorithm().name());
        }
        return blob;
    }

    /** The ETag S3 gives a single-part body: the quoted hex MD5. */
    static String etag(byte[] md5) {
        return "\"" + HexFormat.of().formatHex(md5) + "\"";
    }

    private static byte[] decodeMd5(String contentMd5) {
        if (contentMd5 == null) {
            return null;
        }
        try {
            byte[] md5 = Base64.getDecoder().decode(contentMd5.trim());
            if (md5.length != 16) {
                throw S3Errors.invalidDigest();
            }
            return md5;
        } catch (IllegalArgumentException e) {
            throw S3Errors.invalidDigest();
        }
    }
}
