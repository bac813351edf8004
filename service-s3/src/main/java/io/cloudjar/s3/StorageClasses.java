package io.cloudjar.s3;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.s3.model.StoredObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Storage classes a general-purpose bucket accepts, and the archive classes whose objects must be
 * restored before they can be read.
 */
final class StorageClasses {
    private static final Set<String> VALID = Set.of("STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA",
            "INTELLIGENT_TIERING", "GLACIER", "DEEP_ARCHIVE", "GLACIER_IR");
    private static final Set<String> ARCHIVED = Set.of("GLACIER", "DEEP_ARCHIVE");
    /** The lifecycle waterfall (S3 User Guide, "Transitioning objects"): transitions only go down this list. */
    private static final List<String> WATERFALL = List.of("STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA",
            "INTELLIGENT_TIERING", "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE");

    private StorageClasses() {
    }

    /** EXPRESS_ONEZONE lives only in directory buckets, which general-purpose endpoints refuse. */
    static String validate(String storageClass) {
        if (storageClass != null && !VALID.contains(storageClass)) {
            throw AwsErrors.of("InvalidStorageClass", 400, "The storage class you specified is not valid")
                    .withDetail("StorageClassRequested", storageClass);
        }
        return storageClass;
    }

    static boolean isArchived(StoredObject object) {
        return object.metadata() != null && ARCHIVED.contains(object.metadata().storageClass());
    }

    /** GET of an archived object needs a completed, unexpired restore. */
    static void checkReadable(StoredObject object, Instant now) {
        if (isArchived(object) && (object.restore() == null || !object.restore().readable(now))) {
            throw S3Errors.invalidObjectState(object.metadata().storageClass());
        }
    }

    /** True when a lifecycle transition may move an object of class {@code from} to {@code to}. */
    static boolean transitionsDown(String from, String to) {
        return WATERFALL.indexOf(to) > WATERFALL.indexOf(from);
    }

    /** Archive classes take objects below the transition minimum size when the bucket chose varies_by_storage_class. */
    static boolean isArchiveClass(String storageClass) {
        return ARCHIVED.contains(storageClass);
    }
}
