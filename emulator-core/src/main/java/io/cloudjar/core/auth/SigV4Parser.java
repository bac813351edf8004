package io.cloudjar.core.auth;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.http.IncomingRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads the credential scope of a request: header signature, presigned query, or none (anonymous). */
public final class SigV4Parser {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private SigV4Parser() {
    }

    public static Optional<SigV4Credential> parse(IncomingRequest request) {
        String authorization = request.header("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            return Optional.of(parseHeader(authorization.trim()));
        }
        String credential = request.query().get("X-Amz-Credential");
        if (credential != null) {
            String[] scope = scope(credential);
            String expires = request.query().get("X-Amz-Expires");
            Long expiresSeconds = null;
            if (expires != null) {
                try {
                    expiresSeconds = Long.parseLong(expires);
                } catch (NumberFormatException e) {
                    throw AwsErrors.of("AuthorizationQueryParametersError", 400,
                            "X-Amz-Expires should be a number");
                }
            }
            String signedHeaders = request.query().get("X-Amz-SignedHeaders");
            return Optional.of(new SigV4Credential(scope[0], scope[1], scope[2], scope[3],
                    signedHeaders == null ? List.of() : Arrays.asList(signedHeaders.split(";")),
                    request.query().get("X-Amz-Signature"), true, request.query().get("X-Amz-Date"), expiresSeconds, false));
        }
        String v2Key = request.query().get("AWSAccessKeyId");
        if (v2Key != null) {
            return Optional.of(new SigV4Credential(v2Key, null, null, null, List.of(), request.query().get("Signature"),
                    true, null, null, true));
        }
        return Optional.empty();
    }

    /**
     * The credential of a browser-form upload, from its {@code x-amz-credential}, {@code x-amz-date} and
     * {@code x-amz-signature} fields (or SigV2's {@code AWSAccessKeyId} and {@code signature}); empty when
     * the form is unsigned.
     */
    public static Optional<SigV4Credential> parseForm(io.cloudjar.core.http.Headers fields) {
        String credential = fields.get("x-amz-credential");
        if (credential != null) {
            if (!ALGORITHM.equals(fields.get("x-amz-algorithm"))) {
                throw AwsErrors.of("InvalidArgument", 400, "Unsupported algorithm: " + fields.get("x-amz-algorithm"))
                        .withDetail("ArgumentName", "x-amz-algorithm");
            }
            String[] scope = scope(credential);
            return Optional.of(new SigV4Credential(scope[0], scope[1], scope[2], scope[3], List.of(),
                    fields.get("x-amz-signature"), false, fields.get("x-amz-date"), null, false));
        }
        String v2Key = fields.get("AWSAccessKeyId");
        if (v2Key != null) {
            return Optional.of(new SigV4Credential(v2Key, null, null, null, List.of(), fields.get("signature"), false, null,
                    null, true));
        }
        return Optional.empty();
    }

    private static SigV4Credential parseHeader(String header) {
        if (header.startsWith("AWS ")) { // SigV2: "AWS AKID:signature"
            String rest = header.substring(4).trim();
            int colon = rest.indexOf(':');
            return new SigV4Credential(colon < 0 ? rest : rest.substring(0, colon), null, null, null, List.of(),
                    colon < 0 ? null : rest.substring(colon + 1), false, null, null, true);
        }
        if (!header.startsWith(ALGORITHM)) {
            throw malformed("Unsupported Authorization Type");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : header.substring(ALGORITHM.length()).split(",")) {
            String p = part.trim();
            if (p.startsWith("Credential=")) {
                credential = p.substring("Credential=".length());
            } else if (p.startsWith("SignedHeaders=")) {
                signedHeaders = p.substring("SignedHeaders=".length());
            } else if (p.startsWith("Signature=")) {
                signature = p.substring("Signature=".length());
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw malformed("Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters");
        }
        String[] scope = scope(credential);
        return new SigV4Credential(scope[0], scope[1], scope[2], scope[3], Arrays.asList(signedHeaders.split(";")),
                signature, false, null, null, false);
    }

    /** {@code AKID/20261123/us-east-1/ec2/aws4_request} → key, date, region, service. */
    private static String[] scope(String credential) {
        String[] parts = credential.split("/");
        if (parts.length != 5 || parts[0].isEmpty() || !"aws4_request".equals(parts[4])) {
            throw malformed("Credential should be scoped to a valid region, service and 'aws4_request'");
        }
        return parts;
    }

    private static RuntimeException malformed(String message) {
        return AwsErrors.of("IncompleteSignature", 400, message);
    }
}
