package io.cloudjar.s3;

import io.cloudjar.core.spi.StreamingPayload;
import io.cloudjar.s3.storage.ChecksumAlgorithms;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which checksum an upload carries and where its expected value is: a header or a trailer after an
 * {@code aws-chunked} body (naming only the algorithm is an error). Without any, S3 computes
 * CRC64NVME for every new object, and so does Cloudjar.
 *
 * @param expected the value from a header, or null (then it may come as a trailer)
 */
record ChecksumSpec(ChecksumAlgorithms algorithm, String expected, boolean clientProvided) {

    static ChecksumSpec of(String algorithmName, Map<ChecksumAlgorithms, String> headerValues, StreamingPayload payload) {
        Map<ChecksumAlgorithms, String> given = new LinkedHashMap<>();
        headerValues.forEach((alg, value) -> {
            if (value != null) {
                given.put(alg, value);
            }
        });
        if (given.size() > 1) {
            throw S3Errors.invalidArgument("Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.",
                    "x-amz-checksum", null);
        }
        if (!given.isEmpty()) {
            var e = given.entrySet().iterator().next();
            if (!e.getKey().isWellFormed(e.getValue())) { // refused before the body is read, as S3 does
                throw S3Errors.invalidRequest("Value for " + e.getKey().header() + " header is invalid.");
            }
            return new ChecksumSpec(e.getKey(), e.getValue(), true);
        }
        for (String trailer : payload == null ? java.util.List.<String>of() : payload.declaredTrailers()) {
            if (trailer.startsWith("x-amz-checksum-")) {
                ChecksumAlgorithms alg = ChecksumAlgorithms.fromName(trailer.substring("x-amz-checksum-".length()));
                if (alg == null) {
                    throw S3Errors.invalidArgument("Invalid trailer header: " + trailer, "x-amz-trailer", trailer);
                }
                return new ChecksumSpec(alg, null, true);
            }
        }
        if (algorithmName != null) {
            ChecksumAlgorithms alg = ChecksumAlgorithms.fromName(algorithmName);
            if (alg == null) {
                throw S3Errors.invalidArgument("Checksum algorithm provided is unsupported. Please try again with any of the "
                        + "valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]", "x-amz-sdk-checksum-algorithm", algorithmName);
            }
            // S3 does not sum the body itself when the client only names the algorithm
            throw S3Errors.invalidRequest("x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* "
                    + "or x-amz-trailer headers were found.");
        }
        return new ChecksumSpec(ChecksumAlgorithms.CRC64NVME, null, false);
    }

    /** The value the client expects, from the header or, once the body is read, from the trailer. */
    String expectedValue(StreamingPayload payload) {
        if (expected != null) {
            return expected;
        }
        String trailer = payload == null ? null : payload.trailers().get(algorithm.header());
        if (trailer == null && payload != null && payload.declaredTrailers().contains(algorithm.header())) {
            throw S3Errors.malformedTrailer(); // announced in x-amz-trailer, absent after the last chunk
        }
        if (trailer != null && !algorithm.isWellFormed(trailer)) {
            throw S3Errors.invalidRequest("Value for " + algorithm.header() + " trailing header is invalid.");
        }
        return trailer == null ? null : trailer.trim();
    }
}
