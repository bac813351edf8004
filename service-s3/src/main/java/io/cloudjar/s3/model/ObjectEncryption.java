package io.cloudjar.s3.model;

/**
 * How one version is encrypted at rest, as S3 reports it: SSE-S3 ({@code AES256}), SSE-KMS ({@code aws:kms} or
 * {@code aws:kms:dsse} with its key and bucket key choice), or SSE-C (the customer key's MD5 and the counter block the
 * body was encrypted with; the key itself is never kept, as in S3).
 *
 * @param algorithm        AES256, aws:kms or aws:kms:dsse; null for SSE-C
 * @param kmsKeyId         the KMS key ARN, for SSE-KMS
 * @param kmsContext       the base64 encryption context the caller gave, or null
 * @param customerKeyMd5   base64 MD5 of the customer key, for SSE-C
 * @param iv               the AES-CTR initial counter block of an SSE-C body (of a multipart one: its parts' base)
 * @param partNumbers      the part numbers an SSE-C multipart object was joined from, in order (each part is
 *                         encrypted on its own, with a counter block derived from the base and its number), else null
 */
public record ObjectEncryption(String algorithm, String kmsKeyId, boolean bucketKeyEnabled, String kmsContext,
        String customerKeyMd5, byte[] iv, int[] partNumbers) {
    public static final ObjectEncryption SSE_S3 = new ObjectEncryption("AES256", null, false, null, null, null, null);

    /** The same encryption for an object joined from these parts. */
    public ObjectEncryption joinedFrom(int[] numbers) {
        return customerKey() ? new ObjectEncryption(algorithm, kmsKeyId, bucketKeyEnabled, kmsContext, customerKeyMd5, iv, numbers)
                : this;
    }

    public boolean customerKey() {
        return customerKeyMd5 != null;
    }
}
