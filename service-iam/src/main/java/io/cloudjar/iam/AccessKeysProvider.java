package io.cloudjar.iam;

import io.cloudjar.core.auth.Principal;
import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.support.Pages;
import io.cloudjar.core.util.Ids;
import io.cloudjar.iam.state.AccessKey;
import io.cloudjar.iam.state.IamErrors;
import io.cloudjar.iam.state.User;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedRequest;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyResponse;

/**
 * Users' access keys: {@code AKIA} + 16 characters, a 40-character secret shown only at creation, at most two
 * per user. Keys sign calls at once (see the credential resolver); an inactive key is refused.
 */
public final class AccessKeysProvider extends IamFeature {
    static final int KEYS_PER_USER = 2;
    private static final char[] SECRET_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    public CreateAccessKeyResponse createAccessKey(CallContext ctx, CreateAccessKeyRequest request) {
        return inAccount(ctx, account -> {
            User user = Callers.named(ctx, account, request.userName());
            if (user.accessKeys.size() >= KEYS_PER_USER) {
                throw IamErrors.quota("AccessKeysPerUser", KEYS_PER_USER);
            }
            AccessKey key = new AccessKey(Ids.iam("AKIA", 20), secret(), user, ctx.receivedAt());
            user.accessKeys.add(key);
            state.indexKey(key);
            return CreateAccessKeyResponse.builder().accessKey(software.amazon.awssdk.services.iam.model.AccessKey.builder()
                    .userName(user.name).accessKeyId(key.id).secretAccessKey(key.secret).status(StatusType.ACTIVE)
                    .createDate(key.created).build()).build();
        });
    }

    static String secret() {
        SecureRandom random = Ids.random();
        char[] out = new char[40];
        for (int i = 0; i < out.length; i++) {
            out[i] = SECRET_CHARS[random.nextInt(SECRET_CHARS.length)];
        }
        return new String(out);
    }

    public ListAccessKeysResponse listAccessKeys(CallContext ctx, ListAccessKeysRequest request) {
        return inAccount(ctx, account -> {
            if (request.userName() == null && ctx.principal().type() == Principal.Type.ROOT) {
                return ListAccessKeysResponse.builder().accessKeyMetadata(List.of()).isTruncated(false).build();
            }
            User user = Callers.named(ctx, account, request.userName());
            Pages.Page<AccessKey> page = page(new ArrayList<>(user.accessKeys), k -> k.id, request.maxItems(), request.marker());
            return ListAccessKeysResponse.builder()
                    .accessKeyMetadata(page.items().stream().map(k -> AccessKeyMetadata.builder().userName(user.name)
                            .accessKeyId(k.id).status(k.active ? StatusType.ACTIVE : StatusType.INACTIVE)
                            .createDate(k.created).build()).toList())
                    .isTruncated(page.nextToken() != null).marker(page.nextToken()).build();
        });
    }

    public UpdateAccessKeyResponse updateAccessKey(CallContext ctx, UpdateAccessKeyRequest request) {
        return inAccount(ctx, account -> {
            AccessKey key = key(Callers.named(ctx, account, request.userName()), request.accessKeyId());
            key.active = request.status() == StatusType.ACTIVE;
            return UpdateAccessKeyResponse.builder().build();
        });
    }

    public DeleteAccessKeyResponse deleteAccessKey(CallContext ctx, DeleteAccessKeyRequest request) {
        return inAccount(ctx, account -> {
            User user = Callers.named(ctx, account, request.userName());
            AccessKey key = key(user, request.accessKeyId());
            user.accessKeys.remove(key);
            state.unindexKey(key);
            return DeleteAccessKeyResponse.builder().build();
        });
    }

    /** Any key of the account; a key never used answers {@code N/A} for service and region, as AWS does. */
    public GetAccessKeyLastUsedResponse getAccessKeyLastUsed(CallContext ctx, GetAccessKeyLastUsedRequest request) {
        AccessKey key = state.accessKey(request.accessKeyId())
                .filter(k -> k.user.accountId.equals(ctx.accountId()))
                .orElseThrow(() -> IamErrors.accessDenied("The specified access key is not found in your account."));
        AccessKey.LastUse use = key.lastUse;
        AccessKeyLastUsed lastUsed = use == null
                ? AccessKeyLastUsed.builder().serviceName("N/A").region("N/A").build()
                : AccessKeyLastUsed.builder().lastUsedDate(use.at()).serviceName(use.service()).region(use.region()).build();
        return GetAccessKeyLastUsedResponse.builder().userName(key.user.name).accessKeyLastUsed(lastUsed).build();
    }

    private static AccessKey key(User user, String id) {
        return user.accessKeys.stream().filter(k -> k.id.equals(id)).findFirst()
                .orElseThrow(() -> IamErrors.noSuchAccessKey(id));
    }
}
