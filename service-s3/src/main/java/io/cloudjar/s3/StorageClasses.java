package io.cloudjar.s3;

import java.util.Set;

/** Storage classes a general-purpose bucket accepts on upload. */
final class StorageClasses {
    private static final Set<String> VALID = Set.of("STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA",
            "INTELLIGENT_TIERING", "GLACIER", "DEEP_ARCHIVE", "GLACIER_IR");

    private StorageClasses() {
    }

    static String validate(String storageClass) {
        if (storageClass != null && !VALID.contains(storageClass)) {
            throw io.cloudjar.core.errors.AwsErrors.of("InvalidStorageClass", 400, "The storage class you specified is not valid")
                    .withDetail("StorageClassRequested", storageClass);
        }
        return storageClass;
    }
}
