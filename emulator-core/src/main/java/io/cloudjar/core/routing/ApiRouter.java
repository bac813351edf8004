package io.cloudjar.core.routing;

import io.cloudjar.core.auth.SigV4Credential;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.http.QueryParams;
import io.cloudjar.core.model.ApiMetadata;
import io.cloudjar.core.model.ModelRegistry;
import io.cloudjar.core.model.Protocol;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which AWS API a request is for, the way the real endpoints are told apart: the
 * {@code X-Amz-Target} prefix, the signing service in the credential scope, the Host header (S3 virtual
 * hosts, {@code ec2.us-west-2.amazonaws.com}), S3 Control's {@code /v20180820/} paths, the query
 * {@code Action}/{@code Version} of unsigned calls, and otherwise S3, as LocalStack does.
 */
public final class ApiRouter {
    private static final Pattern SERVICE_HOST =
            Pattern.compile("^([a-z0-9-]+)(?:\\.([a-z]{2}(?:-gov)?-[a-z]+-\\d))?\\.amazonaws\\.com(?:\\.cn)?$");

    private final Map<String, ApiMetadata> bySigningName = new HashMap<>();
    private final Map<String, ApiMetadata> byTargetPrefix = new HashMap<>();
    private final Map<String, ApiMetadata> byQueryVersion = new HashMap<>();
    private final ApiMetadata s3;
    /**
     * S3 Control: its operations' paths start with the API version and name the account in {@code x-amz-account-id}
     * (a bucket may be called v20180820, but S3 has no such header).
     */
    private final ApiMetadata s3Control;
    private static final String S3_CONTROL_PATH = "/v20180820/";

    public ApiRouter(ModelRegistry models) {
        for (ApiMetadata api : models.apis()) {
            // S3 Control signs as "s3" too: the signing name stays S3's, and S3 Control is told by its path
            if (api.api().equals(api.signingName()) || !bySigningName.containsKey(api.signingName())) {
                bySigningName.put(api.signingName(), api);
            }
            bySigningName.putIfAbsent(api.endpointPrefix(), api);
            if (api.targetPrefix() != null) {
                byTargetPrefix.put(api.targetPrefix(), api);
            }
            if (api.protocol() == Protocol.QUERY || api.protocol() == Protocol.EC2) {
                byQueryVersion.put(api.apiVersion(), api);
            }
        }
        this.s3 = models.metadata("s3");
        this.s3Control = models.apis().stream().filter(a -> a.api().equals("s3control")).findFirst().orElse(null);
    }

    /**
     * @param credential the parsed signature, or null for unsigned requests
     * @param params     URL query plus form parameters, read only when nothing else decides
     */
    public Route route(IncomingRequest request, SigV4Credential credential, java.util.function.Supplier<QueryParams> params) {
        if (s3Control != null && request.rawPath().startsWith(S3_CONTROL_PATH) && request.header("x-amz-account-id") != null
                && (credential == null || "s3".equals(credential.service()))) {
            return new Route(s3Control, null, credential != null ? credential.region() : hostRegion(request));
        }
        S3Hosts.Address s3Address = S3Hosts.parse(request.hostName());
        String target = request.header("X-Amz-Target");
        if (target != null) {
            int dot = target.indexOf('.');
            ApiMetadata api = byTargetPrefix.get(dot < 0 ? target : target.substring(0, dot));
            if (api != null) {
                return new Route(api, null, hostRegion(request));
            }
        }
        if (credential != null && credential.service() != null) {
            ApiMetadata api = bySigningName.get(credential.service());
            if (api != null) {
                return new Route(api, api == s3 && s3Address != null ? s3Address.bucket() : null, credential.region());
            }
        }
        if (s3Address != null) {
            return new Route(s3, s3Address.bucket(), s3Address.region());
        }
        Matcher host = SERVICE_HOST.matcher(request.hostName());
        if (host.matches() && bySigningName.containsKey(host.group(1))) {
            return new Route(bySigningName.get(host.group(1)), null, host.group(2));
        }
        if ("POST".equals(request.method()) || request.query().contains("Action")) {
            QueryParams form = params.get();
            if (form.get("Action") != null && form.get("Version") != null) {
                ApiMetadata api = byQueryVersion.get(form.get("Version"));
                if (api != null) {
                    return new Route(api, null, null);
                }
            }
        }
        return new Route(s3, null, null);
    }

    private String hostRegion(IncomingRequest request) {
        Matcher host = SERVICE_HOST.matcher(request.hostName());
        return host.matches() ? host.group(2) : null;
    }

    /**
     * @param virtualHostBucket the bucket a virtual host names (S3 only), else null
     * @param region            the region the request names, or null for the default
     */
    public record Route(ApiMetadata api, String virtualHostBucket, String region) {
    }
}
