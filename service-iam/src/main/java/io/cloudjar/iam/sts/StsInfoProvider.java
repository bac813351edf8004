package io.cloudjar.iam.sts;

import io.cloudjar.core.auth.AuthorizationMessages;
import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.spi.CallContext;
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

    /** Decodes the message of a denied EC2 call ({@link AuthorizationMessages}: the decision and its context). */
    public DecodeAuthorizationMessageResponse decodeAuthorizationMessage(CallContext ctx, DecodeAuthorizationMessageRequest request) {
        String decoded = AuthorizationMessages.decode(request.encodedMessage());
        if (decoded == null) {
            throw AwsErrors.modeled("InvalidAuthorizationMessageException", "The encoded authorization message is invalid.");
        }
        return DecodeAuthorizationMessageResponse.builder().decodedMessage(decoded).build();
    }
}
