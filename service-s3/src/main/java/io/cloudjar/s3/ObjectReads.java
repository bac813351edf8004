package io.cloudjar.s3;

import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.StoredObject;
import java.time.Instant;

/**
 * What a GET or HEAD serves: the version it names, checked against the conditional headers, and the byte
 * range it asks for, from a {@code Range} header or a {@code partNumber} of a multipart object.
 *
 * @param range      the bytes to serve, or null for the whole object
 * @param partNumber the part requested, or null
 */
record ObjectReads(StoredObject object, ByteRange range, Integer partNumber) {

    record Request(String key, String versionId, String ifMatch, String ifNoneMatch, Instant ifModifiedSince,
                   Instant ifUnmodifiedSince, String range, Integer partNumber) {
    }

    static ObjectReads plan(Bucket bucket, Request r) {
        StoredObject obj = ObjectLookup.find(bucket, r.key(), r.versionId());
        Preconditions.check(obj, r.ifMatch(), r.ifNoneMatch(), r.ifModifiedSince(), r.ifUnmodifiedSince());
        if (r.partNumber() == null) {
            return new ObjectReads(obj, ByteRange.parse(r.range(), obj.size()), null);
        }
        if (r.range() != null) {
            throw S3Errors.invalidRequest("Cannot specify both Range header and partNumber query parameter");
        }
        int part = r.partNumber();
        if (part < 1 || part > 10000) {
            throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber",
                    Integer.toString(part));
        }
        int count = Math.max(1, obj.partsCount());
        if (part > count) {
            throw S3Errors.invalidPartNumber(part, count);
        }
        if (obj.partsCount() == 0) {
            return new ObjectReads(obj, obj.size() == 0 ? null : new ByteRange(0, obj.size() - 1), part);
        }
        long start = 0;
        for (int i = 0; i < part - 1; i++) {
            start += obj.parts().get(i).size();
        }
        long size = obj.parts().get(part - 1).size();
        return new ObjectReads(obj, size == 0 ? null : new ByteRange(start, start + size - 1), part);
    }
}
