package io.cloudjar.s3;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.model.ModelClasses;
import io.cloudjar.s3.CustomerKeys.CustomerKey;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.ObjectEncryption;
import io.cloudjar.s3.model.StoredObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;

/**
 * Which encryption a new version gets, and how S3 reports it: the request's {@code x-amz-server-side-encryption*}
 * headers, or SSE-C's customer key (refused with 403 where the bucket blocks SSE-C, as new buckets do since April
 * 2026), or else the bucket's default encryption. SSE-KMS names a key ARN: the caller's key id, alias or ARN made an
 * ARN, or the account's AWS managed {@code aws/s3} key. The same members are read and written by name on every
 * request and response that carries them (PutObject, CopyObject, CreateMultipartUpload, GetObject, HeadObject, …).
 */
final class ServerSideEncryptions {
    private static final Set<String> ALGORITHMS = Set.of("AES256", "aws:kms", "aws:kms:dsse");

    private ServerSideEncryptions() {
    }

    /** The encryption of a version uploaded by this request (its SSE-C key already checked, or null). */
    static ObjectEncryption forUpload(Bucket bucket, SdkPojo request, CustomerKey customerKey, String accountId, String region) {
        String sse = (String) ModelClasses.member(request, "ServerSideEncryption");
        String keyId = (String) ModelClasses.member(request, "SSEKMSKeyId");
        String context = (String) ModelClasses.member(request, "SSEKMSEncryptionContext");
        Boolean bucketKey = (Boolean) ModelClasses.member(request, "BucketKeyEnabled");
        if (customerKey != null) {
            if (sse != null) {
                throw S3Errors.invalidArgument("Server Side Encryption with Customer provided key is incompatible with the "
                        + "encryption method specified", "x-amz-server-side-encryption", sse);
            }
            if (EncryptionProvider.blocksCustomerKeys(bucket)) {
                throw AwsErrors.modeled("AccessDenied", "Access Denied");
            }
            return new ObjectEncryption(null, null, false, null, customerKey.md5(), CustomerKeys.newIv(), null);
        }
        ServerSideEncryptionByDefault byDefault = EncryptionProvider.of(bucket).rules().get(0).applyServerSideEncryptionByDefault();
        if (sse == null) {
            if (keyId != null || context != null) {
                throw S3Errors.invalidArgument("Server Side Encryption with AWS KMS managed key requires HTTP header "
                        + "x-amz-server-side-encryption : aws:kms", "x-amz-server-side-encryption", null);
            }
            sse = byDefault.sseAlgorithmAsString();
            keyId = byDefault.kmsMasterKeyID();
            if (bucketKey == null) {
                bucketKey = EncryptionProvider.of(bucket).rules().get(0).bucketKeyEnabled();
            }
        }
        if (!ALGORITHMS.contains(sse)) {
            throw S3Errors.invalidArgument("The encryption method specified is not supported", "x-amz-server-side-encryption", sse);
        }
        if ("AES256".equals(sse)) {
            if (keyId != null) {
                throw S3Errors.invalidArgument("Server Side Encryption with AWS KMS managed key requires HTTP header "
                        + "x-amz-server-side-encryption : aws:kms", "x-amz-server-side-encryption-aws-kms-key-id", keyId);
            }
            return ObjectEncryption.SSE_S3;
        }
        return new ObjectEncryption(sse, keyArn(keyId, accountId, region), Boolean.TRUE.equals(bucketKey), context, null, null,
                null);
    }

    /** A version's encryption; versions without a record are SSE-S3. */
    static ObjectEncryption of(Bucket bucket, StoredObject version) {
        Object found = version.blob() == null ? null : bucket.versionSettings(ObjectEncryption.class).get(version.blob());
        return found instanceof ObjectEncryption e ? e : ObjectEncryption.SSE_S3;
    }

    static void remember(Bucket bucket, Path blob, ObjectEncryption encryption) {
        if (encryption != ObjectEncryption.SSE_S3) {
            bucket.versionSettings(ObjectEncryption.class).put(blob, encryption);
        }
    }

    /** Sets the encryption headers S3 answers on a response builder; members the model lacks are skipped. */
    static void report(SdkPojo builder, ObjectEncryption encryption) {
        if (encryption.customerKey()) {
            set(builder, "SSECustomerAlgorithm", "AES256");
            set(builder, "SSECustomerKeyMD5", encryption.customerKeyMd5());
            return;
        }
        set(builder, "ServerSideEncryption", encryption.algorithm());
        set(builder, "SSEKMSKeyId", encryption.kmsKeyId());
        set(builder, "SSEKMSEncryptionContext", encryption.kmsContext());
        if (encryption.bucketKeyEnabled()) {
            set(builder, "BucketKeyEnabled", Boolean.TRUE);
        }
    }

    /** The ARN S3 reports for a KMS key: as given when an ARN, else made one; the aws/s3 managed key when none. */
    static String keyArn(String keyId, String accountId, String region) {
        String prefix = "arn:aws:kms:" + region + ":" + accountId + ":";
        if (keyId == null) {
            UUID id = UUID.nameUUIDFromBytes(("aws/s3:" + accountId + ":" + region).getBytes(StandardCharsets.UTF_8));
            return prefix + "key/" + id;
        }
        if (keyId.startsWith("arn:")) {
            return keyId;
        }
        return prefix + (keyId.startsWith("alias/") ? keyId : "key/" + keyId);
    }

    private static void set(SdkPojo builder, String member, Object value) {
        if (value != null) {
            ModelClasses.setMember(builder, member, value);
        }
    }
}
