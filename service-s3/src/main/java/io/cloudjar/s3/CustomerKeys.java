package io.cloudjar.s3;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.model.ModelClasses;
import io.cloudjar.s3.model.ObjectEncryption;
import io.cloudjar.s3.model.StoredObject;
import io.cloudjar.s3.storage.BlobStore;
import io.cloudjar.s3.storage.BlobStore.WrittenBlob;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.SdkPojo;

/**
 * SSE-C (S3 User Guide, "Using server-side encryption with customer-provided keys"): the customer key headers checked
 * as S3 checks them, bodies stored AES-256-CTR encrypted with that key, and decrypted only for a caller presenting the
 * same key (its MD5 must match the one stored).
 */
final class CustomerKeys {
    private static final String CIPHER = "AES/CTR/NoPadding";

    /** A checked customer key: its bytes and base64 MD5. */
    record CustomerKey(byte[] key, String md5) {
    }

    private CustomerKeys() {
    }

    /** The customer key a request carries ({@code prefix} "" or "CopySource" for the source of a copy), or null. */
    static CustomerKey of(SdkPojo request, String prefix) {
        String algorithm = (String) ModelClasses.member(request, prefix + "SSECustomerAlgorithm");
        String key = (String) ModelClasses.member(request, prefix + "SSECustomerKey");
        String md5 = (String) ModelClasses.member(request, prefix + "SSECustomerKeyMD5");
        if (algorithm == null && key == null && md5 == null) {
            return null;
        }
        if (algorithm == null) {
            throw S3Errors.invalidArgument("Requests specifying Server Side Encryption with Customer provided keys must "
                    + "provide a valid encryption algorithm.", "x-amz-server-side-encryption-customer-algorithm", null);
        }
        if (!"AES256".equals(algorithm)) {
            throw S3Errors.invalidArgument("The encryption algorithm you specified is not valid. Supported value: AES256.",
                    "x-amz-server-side-encryption-customer-algorithm", algorithm);
        }
        if (key == null) {
            throw S3Errors.invalidArgument("Requests specifying Server Side Encryption with Customer provided keys must "
                    + "provide an appropriate secret key.", "x-amz-server-side-encryption-customer-key", null);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw S3Errors.invalidArgument("The secret key was invalid for the specified algorithm.",
                    "x-amz-server-side-encryption-customer-key", null);
        }
        String actual = Base64.getEncoder().encodeToString(md5(bytes));
        if (md5 == null) {
            throw S3Errors.invalidArgument("Requests specifying Server Side Encryption with Customer provided keys must "
                    + "provide the client calculated MD5 of the secret key.", "x-amz-server-side-encryption-customer-key-MD5", null);
        }
        if (!actual.equals(md5)) {
            throw S3Errors.invalidArgument("The calculated MD5 hash of the key did not match the hash that was provided.",
                    "x-amz-server-side-encryption-customer-key-MD5", md5);
        }
        return new CustomerKey(bytes, actual);
    }

    /**
     * A read of a version: an SSE-C one needs its key (400 without, 403 with another); others refuse customer keys.
     *
     * @return the key to decrypt with, or null for a version not encrypted with one
     */
    static CustomerKey checkRead(ObjectEncryption encryption, CustomerKey given) {
        if (encryption == null || !encryption.customerKey()) {
            if (given != null) {
                throw S3Errors.invalidRequest("The encryption parameters are not applicable to this object.");
            }
            return null;
        }
        if (given == null) {
            throw S3Errors.invalidRequest("The object was stored using a form of Server Side Encryption. The correct "
                    + "parameters must be provided to retrieve the object.");
        }
        if (!given.md5().equals(encryption.customerKeyMd5())) {
            throw AwsErrors.modeled("AccessDenied", "Access Denied");
        }
        return given;
    }

    /** An upload's part: an SSE-C upload needs its key again (the same one); others refuse customer keys. */
    static CustomerKey checkPart(ObjectEncryption encryption, CustomerKey given) {
        if (!encryption.customerKey()) {
            if (given != null) {
                throw S3Errors.invalidRequest("The multipart upload initiate requested no encryption. Subsequent part "
                        + "requests must not include encryption parameters.");
            }
            return null;
        }
        if (given == null) {
            throw S3Errors.invalidRequest("The multipart upload initiate requested encryption. Subsequent part requests "
                    + "must include the appropriate encryption parameters.");
        }
        if (!given.md5().equals(encryption.customerKeyMd5())) {
            throw S3Errors.invalidRequest("The provided encryption parameters did not match the ones used originally.");
        }
        return given;
    }

    /** Encrypts a written body into a new blob and removes the plain one; returns the new blob's path. */
    static Path encrypt(BlobStore blobs, Path plain, CustomerKey key, byte[] iv) {
        try (FileChannel in = blobs.open(plain);
             InputStream encrypted = new CipherInputStream(Channels.newInputStream(in), cipher(Cipher.ENCRYPT_MODE, key, iv))) {
            WrittenBlob blob = blobs.write(encrypted, null);
            return blob.path();
        } catch (IOException e) {
            throw S3Errors.internalIo();
        } finally {
            blobs.delete(plain);
        }
    }

    /**
     * The plain body of an SSE-C version, decrypted into a file that is already unlinked: the returned channel reads it
     * and its space goes when the channel closes. A multipart object is decrypted part by part.
     */
    static FileChannel decrypt(BlobStore blobs, FileChannel encrypted, CustomerKey key, ObjectEncryption encryption,
            StoredObject version) throws IOException {
        WrittenBlob plain;
        try {
            InputStream whole = Channels.newInputStream(encrypted.position(0));
            InputStream in;
            if (encryption.partNumbers() == null) {
                in = new CipherInputStream(whole, cipher(Cipher.DECRYPT_MODE, key, encryption.iv()));
            } else {
                List<InputStream> parts = new ArrayList<>();
                for (int i = 0; i < encryption.partNumbers().length; i++) {
                    parts.add(new CipherInputStream(limited(whole, version.parts().get(i).size()),
                            cipher(Cipher.DECRYPT_MODE, key, partIv(encryption.iv(), encryption.partNumbers()[i]))));
                }
                in = new SequenceInputStream(Collections.enumeration(parts));
            }
            plain = blobs.write(in, null);
        } finally {
            encrypted.close();
        }
        try {
            return blobs.open(plain.path());
        } finally {
            blobs.delete(plain.path());
        }
    }

    /** The counter block of one part of a multipart upload: derived from the upload's base and the part number. */
    static byte[] partIv(byte[] base, int partNumber) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(base);
            sha.update(Integer.toString(partNumber).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return Arrays.copyOf(sha.digest(), 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next {@code length} bytes of a stream, never closing it (the parts share one). */
    private static InputStream limited(InputStream in, long length) {
        return new InputStream() {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = in.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = in.read(buffer, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public void close() {
                // the shared stream stays open for the next part
            }
        };
    }

    static byte[] newIv() {
        byte[] iv = new byte[16];
        new java.security.SecureRandom().nextBytes(iv);
        return iv;
    }

    private static Cipher cipher(int mode, CustomerKey key, byte[] iv) {
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(mode, new SecretKeySpec(key.key(), "AES"), new IvParameterSpec(iv));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR is part of every Java runtime", e);
        }
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
