package io.cloudjar.s3;

import io.cloudjar.core.spi.InternalResource;
import io.cloudjar.core.spi.PlainRequest;
import io.cloudjar.core.spi.PlainResponse;
import io.cloudjar.core.spi.ServiceContext;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.StoredObject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.UUID;
import software.amazon.awssdk.services.s3.model.Condition;
import software.amazon.awssdk.services.s3.model.Redirect;
import software.amazon.awssdk.services.s3.model.RoutingRule;
import software.amazon.awssdk.services.s3.model.WebsiteConfiguration;

/**
 * Static website hosting, as S3's website endpoints serve it to anonymous browsers: {@code /_cloudjar/website/
 * <bucket>/<path>} (the core also routes {@code <bucket>.s3-website.localhost} and AWS's website host names here).
 * The index document of each folder, a folder without its slash redirected to it, the error document with its
 * status, redirect-all, routing rules and {@code x-amz-website-redirect-location}; only what the bucket policy and
 * ACLs let everyone read is served, and failures are AWS's HTML pages.
 */
public final class WebsiteEndpoint extends S3Feature implements InternalResource {
    private ServiceContext context;

    @Override
    public void init(ServiceContext serviceContext) {
        super.init(serviceContext);
        this.context = serviceContext;
    }

    @Override
    public String pathPrefix() {
        return "/_cloudjar/website/";
    }

    @Override
    public PlainResponse handle(PlainRequest request) {
        String sub = request.subPath();
        int slash = sub.indexOf('/');
        String bucketName = slash < 0 ? sub : sub.substring(0, slash);
        String path = slash < 0 ? "" : sub.substring(slash + 1);
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.", null);
        }
        Bucket bucket = state.named(bucketName);
        if (bucket == null) {
            return error(404, "NoSuchBucket", "The specified bucket does not exist", "BucketName: " + bucketName);
        }
        WebsiteConfiguration site = bucket.setting(WebsiteConfiguration.class);
        if (site == null) {
            return error(404, "NoSuchWebsiteConfiguration", "The specified bucket does not have a website configuration",
                    "BucketName: " + bucketName);
        }
        if (site.redirectAllRequestsTo() != null) {
            String protocol = site.redirectAllRequestsTo().protocolAsString() == null ? "http"
                    : site.redirectAllRequestsTo().protocolAsString();
            return redirect(301, protocol + "://" + site.redirectAllRequestsTo().hostName() + "/" + path);
        }
        PlainResponse routed = route(site, path, null);
        if (routed != null) {
            return routed;
        }
        String key = path.isEmpty() || path.endsWith("/") ? path + site.indexDocument().suffix() : path;
        StoredObject object = readable(bucket, key);
        if (object == null && !path.isEmpty() && !path.endsWith("/")
                && readable(bucket, path + "/" + site.indexDocument().suffix()) != null) {
            return redirect(302, "/" + path + "/"); // a folder asked without its slash, as S3 answers
        }
        if (object != null) {
            PlainResponse served = serve(bucket, object, 200);
            if (served != null) {
                return served;
            }
        }
        int status = object == null && bucket.latest(key) != null && !bucket.latest(key).deleteMarker() ? 403 : 404;
        routed = route(site, path, status);
        if (routed != null) {
            return routed;
        }
        if (site.errorDocument() != null) {
            StoredObject page = readable(bucket, site.errorDocument().key());
            PlainResponse served = page == null ? null : serve(bucket, page, status);
            if (served != null) {
                return served;
            }
        }
        return status == 403 ? error(403, "AccessDenied", "Access Denied", null)
                : error(404, "NoSuchKey", "The specified key does not exist.", "Key: " + key);
    }

    /** The key's latest version when it exists and everyone may read it; null otherwise. */
    private StoredObject readable(Bucket bucket, String key) {
        StoredObject latest = bucket.latest(key);
        if (latest == null || latest.deleteMarker() || ServerSideEncryptions.of(bucket, latest).customerKey()) {
            return null; // an SSE-C body needs a key no browser sends
        }
        return context.anonymousAllowed("s3:GetObject", "arn:aws:s3:::" + bucket.name() + "/" + key, bucket.region())
                ? latest : null;
    }

    private static PlainResponse serve(Bucket bucket, StoredObject object, int status) {
        if (object.metadata().websiteRedirectLocation() != null) {
            return redirect(301, object.metadata().websiteRedirectLocation());
        }
        byte[] body;
        try {
            body = Files.readAllBytes(object.blob());
        } catch (IOException e) {
            return null; // replaced or deleted meanwhile: answered as missing
        }
        return PlainResponse.bytes(status, object.metadata().contentType(), body).withHeader("ETag", object.etag());
    }

    /** The first routing rule whose condition holds (key prefix; error code when {@code status} is given). */
    private static PlainResponse route(WebsiteConfiguration site, String path, Integer status) {
        if (!site.hasRoutingRules()) {
            return null;
        }
        for (RoutingRule rule : site.routingRules()) {
            Condition c = rule.condition();
            boolean prefixHolds = c == null || c.keyPrefixEquals() == null || path.startsWith(c.keyPrefixEquals());
            boolean errorHolds = c == null || c.httpErrorCodeReturnedEquals() == null
                    ? status == null : status != null && c.httpErrorCodeReturnedEquals().equals(status.toString());
            if (prefixHolds && errorHolds) {
                return redirect(rule.redirect(), c, path);
            }
        }
        return null;
    }

    private static PlainResponse redirect(Redirect r, Condition c, String path) {
        String key = r.replaceKeyWith() != null ? r.replaceKeyWith()
                : r.replaceKeyPrefixWith() != null && c != null && c.keyPrefixEquals() != null
                        ? r.replaceKeyPrefixWith() + path.substring(c.keyPrefixEquals().length())
                        : r.replaceKeyPrefixWith() != null ? r.replaceKeyPrefixWith() + path : path;
        String location = (r.hostName() == null ? "" : (r.protocolAsString() == null ? "http" : r.protocolAsString())
                + "://" + r.hostName()) + "/" + key;
        return redirect(r.httpRedirectCode() == null ? 301 : Integer.parseInt(r.httpRedirectCode()), location);
    }

    private static PlainResponse redirect(int status, String location) {
        return PlainResponse.empty(status).withHeader("Location", location);
    }

    /** S3's HTML error page of website endpoints. */
    private static PlainResponse error(int status, String code, String message, String detail) {
        String title = status + " " + switch (status) {
            case 403 -> "Forbidden";
            case 405 -> "Method Not Allowed";
            default -> "Not Found";
        };
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(java.util.Locale.ROOT);
        String html = "<html>\n<head><title>" + title + "</title></head>\n<body>\n<h1>" + title + "</h1>\n<ul>\n"
                + "<li>Code: " + code + "</li>\n<li>Message: " + message + "</li>\n"
                + (detail == null ? "" : "<li>" + escape(detail) + "</li>\n")
                + "<li>RequestId: " + id + "</li>\n<li>HostId: " + id + "</li>\n</ul>\n<hr/>\n</body>\n</html>\n";
        return PlainResponse.text(status, "text/html; charset=utf-8", html);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
