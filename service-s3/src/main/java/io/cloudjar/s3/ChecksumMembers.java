package io.cloudjar.s3;

import io.cloudjar.core.model.ModelClasses;
import io.cloudjar.s3.storage.ChecksumAlgorithms;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The {@code ChecksumCRC32}, {@code ChecksumSHA256}, … members that S3 requests and responses share,
 * read and written by name, so PutObject, UploadPart, GetObject and HeadObject use one piece of code.
 */
final class ChecksumMembers {
    private ChecksumMembers() {
    }

    /** The checksum values a request carries, by algorithm (absent ones are null). */
    static Map<ChecksumAlgorithms, String> of(SdkPojo request) {
        Map<ChecksumAlgorithms, String> values = new EnumMap<>(ChecksumAlgorithms.class);
        for (ChecksumAlgorithms algorithm : ChecksumAlgorithms.values()) {
            values.put(algorithm, (String) ModelClasses.member(request, member(algorithm)));
        }
        return values;
    }

    /** Sets one checksum member on a response builder; algorithms the model lacks are skipped. */
    static void set(SdkPojo builder, ChecksumAlgorithms algorithm, String value) {
        if (algorithm != null && value != null) {
            ModelClasses.setMember(builder, member(algorithm), value);
        }
    }

    private static String member(ChecksumAlgorithms algorithm) {
        return "Checksum" + algorithm.name();
    }
}
