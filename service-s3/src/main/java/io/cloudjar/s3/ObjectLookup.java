package io.cloudjar.s3;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.ObjectVersions;
import io.cloudjar.s3.model.StoredObject;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Finds the object version a read names, with S3's answers for what is not there: NoSuchKey (marked with
 * {@code x-amz-delete-marker} when the latest version is a delete marker), NoSuchVersion, and 405 for a
 * delete marker named by its version id.
 */
final class ObjectLookup {
    private ObjectLookup() {
    }

    /** @param versionId the requested version, or null for the latest */
    static StoredObject find(Bucket bucket, String key, String versionId) {
        if (versionId == null) {
            StoredObject latest = bucket.latest(key);
            if (latest == null) {
                throw S3Errors.noSuchKey(key);
            }
            if (latest.deleteMarker()) {
                throw S3Errors.noSuchKey(key).withResponseMembers(GetObjectResponse.builder().deleteMarker(true)
                        .versionId(VersionIds.header(bucket, latest)).build());
            }
            return latest;
        }
        String id = VersionIds.parse(versionId);
        ObjectVersions versions = bucket.history(key);
        StoredObject found = versions == null ? null : versions.version(id);
        if (found == null) {
            throw S3Errors.noSuchVersion(key, versionId);
        }
        if (found.deleteMarker()) {
            throw AwsErrors.of("MethodNotAllowed", 405, "The specified method is not allowed against this resource.")
                    .withDetail("Method", "GET").withDetail("ResourceType", "DeleteMarker")
                    .withResponseMembers(GetObjectResponse.builder().deleteMarker(true)
                            .versionId(VersionIds.listed(found)).lastModified(found.lastModified()).build());
        }
        return found;
    }
}
