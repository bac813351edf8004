package io.cloudjar.s3;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs a browser-form POST policy as a browser form's page would: SigV4 of the base64 policy, us-east-1, s3. */
final class PostPolicySignature {
    private PostPolicySignature() {
    }

    /**
     * Puts {@code policy} (any text, base64-encoded) and its signature into the form, signed with {@code secret} for
     * the date of the form's {@code x-amz-date}.
     */
    static Map<String, String> sign(Map<String, String> form, String policy, String secret) throws Exception {
        String date = form.get("x-amz-date").substring(0, 8);
        String policyB64 = Base64.getEncoder().encodeToString(policy.getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        for (String part : new String[] {"us-east-1", "s3", "aws4_request"}) {
            key = hmac(key, part);
        }
        form.put("policy", policyB64);
        form.put("x-amz-signature", HexFormat.of().formatHex(hmac(key, policyB64)));
        return form;
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
