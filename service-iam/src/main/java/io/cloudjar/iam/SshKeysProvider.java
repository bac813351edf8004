package io.cloudjar.iam;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.iam.state.IamErrors;
import io.cloudjar.iam.state.SshKey;
import io.cloudjar.iam.state.User;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import software.amazon.awssdk.services.iam.model.DeleteSshPublicKeyRequest;
import software.amazon.awssdk.services.iam.model.DeleteSshPublicKeyResponse;
import software.amazon.awssdk.services.iam.model.EncodingType;
import software.amazon.awssdk.services.iam.model.GetSshPublicKeyRequest;
import software.amazon.awssdk.services.iam.model.GetSshPublicKeyResponse;
import software.amazon.awssdk.services.iam.model.ListSshPublicKeysRequest;
import software.amazon.awssdk.services.iam.model.ListSshPublicKeysResponse;
import software.amazon.awssdk.services.iam.model.SSHPublicKey;
import software.amazon.awssdk.services.iam.model.SSHPublicKeyMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.UpdateSshPublicKeyRequest;
import software.amazon.awssdk.services.iam.model.UpdateSshPublicKeyResponse;
import software.amazon.awssdk.services.iam.model.UploadSshPublicKeyRequest;
import software.amazon.awssdk.services.iam.model.UploadSshPublicKeyResponse;

/** SSH public keys of users (for CodeCommit): OpenSSH {@code ssh-rsa AAAA…} bodies, MD5 fingerprints. */
public final class SshKeysProvider extends IamFeature {
    static final int KEYS_PER_USER = 5;

    public UploadSshPublicKeyResponse uploadSSHPublicKey(CallContext ctx, UploadSshPublicKeyRequest request) {
        String fingerprint = fingerprint(request.sshPublicKeyBody());
        return inAccount(ctx, account -> {
            User user = account.user(request.userName());
            if (user.sshKeys.stream().anyMatch(k -> k.fingerprint.equals(fingerprint))) {
                throw io.cloudjar.core.errors.AwsErrors.modeled("DuplicateSSHPublicKey", "The request was rejected because "
                        + "the SSH public key is already associated with the specified IAM user.");
            }
            if (user.sshKeys.size() >= KEYS_PER_USER) {
                throw IamErrors.quota("KeyPairsPerUser", KEYS_PER_USER);
            }
            SshKey key = new SshKey(Ids.iam("APKA", 21), request.sshPublicKeyBody().trim(), fingerprint, ctx.receivedAt());
            user.sshKeys.add(key);
            return UploadSshPublicKeyResponse.builder().sshPublicKey(shape(user, key, EncodingType.SSH)).build();
        });
    }

    /** The MD5 fingerprint of the key blob, {@code aa:bb:…} as ssh-keygen -l -E md5 prints it. */
    static String fingerprint(String body) {
        String[] parts = body.trim().split("\\s+");
        byte[] blob;
        try {
            if (parts.length < 2 || !parts[0].startsWith("ssh-") && !parts[0].startsWith("ecdsa-")) {
                throw new IllegalArgumentException();
            }
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw io.cloudjar.core.errors.AwsErrors.modeled("UnrecognizedPublicKeyEncoding",
                    "The request was rejected because the public key encoding format is unsupported or unrecognized.");
        }
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(blob);
            StringBuilder sb = new StringBuilder();
            for (byte b : md5) {
                if (sb.length() > 0) {
                    sb.append(':');
                }
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public GetSshPublicKeyResponse getSSHPublicKey(CallContext ctx, GetSshPublicKeyRequest request) {
        return inAccount(ctx, account -> {
            User user = account.user(request.userName());
            return GetSshPublicKeyResponse.builder()
                    .sshPublicKey(shape(user, key(user, request.sshPublicKeyId()), request.encoding())).build();
        });
    }

    public ListSshPublicKeysResponse listSSHPublicKeys(CallContext ctx, ListSshPublicKeysRequest request) {
        return inAccount(ctx, account -> {
            User user = Callers.named(ctx, account, request.userName());
            Pages.Page<SshKey> page = page(new ArrayList<>(user.sshKeys), k -> k.id, request.maxItems(), request.marker());
            return ListSshPublicKeysResponse.builder()
                    .sshPublicKeys(page.items().stream().map(k -> SSHPublicKeyMetadata.builder().userName(user.name)
                            .sshPublicKeyId(k.id).status(k.active ? StatusType.ACTIVE : StatusType.INACTIVE)
                            .uploadDate(k.uploaded).build()).toList())
                    .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
        });
    }

    public UpdateSshPublicKeyResponse updateSSHPublicKey(CallContext ctx, UpdateSshPublicKeyRequest request) {
        return inAccount(ctx, account -> {
            key(account.user(request.userName()), request.sshPublicKeyId()).active = request.status() == StatusType.ACTIVE;
            return UpdateSshPublicKeyResponse.builder().build();
        });
    }

    public DeleteSshPublicKeyResponse deleteSSHPublicKey(CallContext ctx, DeleteSshPublicKeyRequest request) {
        return inAccount(ctx, account -> {
            User user = account.user(request.userName());
            user.sshKeys.remove(key(user, request.sshPublicKeyId()));
            return DeleteSshPublicKeyResponse.builder().build();
        });
    }

    private static SshKey key(User user, String id) {
        return user.sshKeys.stream().filter(k -> k.id.equals(id)).findFirst().orElseThrow(() -> IamErrors.noSuchSshKey(id));
    }

    private static SSHPublicKey shape(User user, SshKey key, EncodingType encoding) {
        String body = encoding == EncodingType.PEM ? pem(key.body) : key.body;
        return SSHPublicKey.builder().userName(user.name).sshPublicKeyId(key.id).fingerprint(key.fingerprint)
                .sshPublicKeyBody(body).status(key.active ? StatusType.ACTIVE : StatusType.INACTIVE)
                .uploadDate(key.uploaded).build();
    }

    /** The key blob in a PEM envelope (the SSH wire blob, not re-encoded as X.509). */
    private static String pem(String body) {
        String blob = body.split("\\s+")[1];
        return "-----BEGIN PUBLIC KEY-----\n" + blob.replaceAll("(.{64})", "$1\n") + "\n-----END PUBLIC KEY-----\n";
    }
}
