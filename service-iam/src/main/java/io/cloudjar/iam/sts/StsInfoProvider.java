package io.cloudjar.iam.sts;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.spi.CallContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import software.amazon.awssdk.services.sts.model.DecodeAuthorizationMessageRequest;
import software.amazon.awssdk.services.sts.model.DecodeAuthorizationMessageResponse;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoRequest;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoResponse;

/** GetAccessKeyInfo (which account owns a key) and DecodeAuthorizationMessage. */
public final class StsInfoProvider extends StsFeature {

    /** The account of a key IAM or STS issued; any other key is taken as the caller's account's. */
    public GetAccessKeyInfoResponse getAccessKeyInfo(CallContext ctx, GetAccessKeyInfoRequest request) {
        String key = request.accessKeyId();
        String account = state.accessKey(key).map(k -> k.user.accountId)
                .or(() -> state.session(key).map(s -> s.principal().accountId()))
                .orElse(ctx.accountId());
        return GetAccessKeyInfoResponse.builder().account(account).build();
    }

    /** Decodes a message {@link AuthorizationMessages#encode} made for a denied call. */
    public DecodeAuthorizationMessageResponse decodeAuthorizationMessage(CallContext ctx, DecodeAuthorizationMessageRequest request) {
        String decoded = AuthorizationMessages.decode(request.encodedMessage());
        if (decoded == null) {
            throw AwsErrors.modeled("InvalidAuthorizationMessageException", "The encoded authorization message is invalid.");
        }
        return DecodeAuthorizationMessageResponse.builder().decodedMessage(decoded).build();
    }

    /** The format of encoded authorization failure messages: a marker and the JSON, Base64-encoded. */
    public static final class AuthorizationMessages {
        private static final String MARKER = "cloudjar-auth:";

        private AuthorizationMessages() {
        }

        public static String encode(String json) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((MARKER + json).getBytes(StandardCharsets.UTF_8));
        }

        static String decode(String encoded) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
                return text.startsWith(MARKER) ? text.substring(MARKER.length()) : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
