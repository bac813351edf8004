package io.cloudjar.core.protocol.rest;

import io.cloudjar.core.auth.PostPolicy.SizeRange;
import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.http.Headers;
import io.cloudjar.core.http.MultipartForm;
import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.http.ResponseBody;
import io.cloudjar.core.protocol.CodecContext;
import io.cloudjar.core.protocol.xml.XmlDocuments;
import io.cloudjar.core.protocol.xml.XmlNode;
import io.cloudjar.core.spi.StreamingPayload;
import io.cloudjar.core.util.HeaderText;
import io.cloudjar.core.util.PercentCodec;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/**
 * An S3 browser-form upload ({@code POST /bucket} with {@code multipart/form-data}, "POST Object"). The
 * SDK model has no such operation: S3 documents it as another way to PutObject, so it is decoded as
 * PutObject, its form fields standing for PutObject's headers and the file part as the streamed body,
 * and answered as S3 answers forms ({@code success_action_status} 200/201/204 or a
 * {@code success_action_redirect}). Read before authentication because the form carries the credential
 * and the signed policy.
 */
public final class BrowserUpload {
    /** S3 accepts at most 20 KB of fields before the file. */
    static final int FIELD_LIMIT = 20 * 1024;
    private static final Set<String> NOT_HEADERS = Set.of("key", "file", "bucket", "policy", "x-amz-signature", "signature",
            "awsaccesskeyid", "x-amz-credential", "x-amz-algorithm", "x-amz-date", "success_action_status",
            "success_action_redirect", "redirect", "tagging", "acl");

    private final String bucket;
    private final MultipartForm form;
    private SizeRange sizes = SizeRange.ANY;

    private BrowserUpload(String bucket, MultipartForm form) {
        this.bucket = bucket;
        this.form = form;
    }

    /** The form upload an S3 request is, or null for any other request. */
    public static BrowserUpload read(CodecContext ctx) {
        String boundary = MultipartForm.boundary(ctx.request().header("Content-Type"));
        if (!"POST".equals(ctx.request().method()) || boundary == null) {
            return null;
        }
        String bucket = bucketOf(ctx);
        if (bucket == null) {
            return null;
        }
        MultipartForm form;
        try {
            form = MultipartForm.read(ctx.request().body().stream(), boundary, FIELD_LIMIT);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("form fields exceed")) {
                throw AwsErrors.of("MaxPostPreDataLengthExceededError", 400,
                        "Your POST request fields preceeding the upload file was too large.");
            }
            throw AwsErrors.of("MalformedPOSTRequest", 400, "The body of your POST request is not well-formed multipart/form-data.");
        }
        if (form.file() == null) {
            throw AwsErrors.of("InvalidArgument", 400, "POST requires exactly one file upload per request.")
                    .withDetail("ArgumentName", "file");
        }
        if (form.fields().get("key") == null) {
            throw AwsErrors.of("InvalidArgument", 400, "Bucket POST must contain a field named 'key'.  If it is specified, "
                    + "please check the order of the fields.").withDetail("ArgumentName", "key");
        }
        return new BrowserUpload(bucket, form);
    }

    /** A form posts to the bucket itself: {@code /bucket} path style, {@code /} on a virtual host. */
    private static String bucketOf(CodecContext ctx) {
        String path = ctx.request().rawPath();
        if (ctx.virtualHostBucket() != null) {
            return path.equals("/") ? ctx.virtualHostBucket() : null;
        }
        String name = path.startsWith("/") ? path.substring(1) : path;
        name = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        return name.isEmpty() || name.contains("/") ? null : PercentCodec.decode(name, false);
    }

    public String bucket() {
        return bucket;
    }

    /** The form's text fields (names case-insensitive). */
    public Headers fields() {
        return form.fields();
    }

    /** What the signed policy allows the file's size to be. */
    public void limitSize(SizeRange range) {
        this.sizes = range;
    }

    /** The object key: the {@code key} field with {@code ${filename}} replaced by the file's name. */
    String key() {
        return form.fields().get("key").replace("${filename}", form.fileName());
    }

    /** The fields as the PutObject headers they stand for ({@code tagging} XML becomes {@code x-amz-tagging}). */
    Headers asHeaders() {
        Headers headers = new Headers();
        for (String name : form.fields().names()) {
            if (!NOT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                form.fields().getAll(name).forEach(v -> headers.add(name, v));
            }
        }
        if (form.fields().get("acl") != null) {
            headers.set("x-amz-acl", form.fields().get("acl"));
        }
        if (form.fields().get("tagging") != null) {
            headers.set("x-amz-tagging", taggingQuery(form.fields().get("tagging")));
        }
        return headers;
    }

    StreamingPayload payload() {
        InputStream file = new SizeLimitedStream(form.file(), sizes);
        return new StreamingPayload() {
            @Override
            public InputStream stream() {
                return file;
            }

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public Map<String, String> trailers() {
                return Map.of();
            }

            @Override
            public List<String> declaredTrailers() {
                return List.of();
            }
        };
    }

    /** Turns PutObject's answer into a form's: a redirect, 201 with a PostResponse document, 200, or 204. */
    OutgoingResponse answer(CodecContext ctx, OutgoingResponse put) {
        Headers headers = put.headers();
        String etag = headers.get("ETag");
        String key = key();
        String location = "http://" + ctx.request().header("Host") + "/"
                + (ctx.virtualHostBucket() == null ? PercentCodec.encode(bucket, false) + "/" : "") + PercentCodec.encode(key, true);
        headers.set("Location", location);
        String redirect = form.fields().get("success_action_redirect") != null ? form.fields().get("success_action_redirect")
                : form.fields().get("redirect");
        // a URL S3 cannot interpret is ignored (the success_action_status answer follows); one that is not header
        // text could never be sent as Location
        if (redirect != null && (redirect.startsWith("http://") || redirect.startsWith("https://"))
                && HeaderText.checkValue(redirect) == null) {
            headers.set("Location", redirect + (redirect.contains("?") ? "&" : "?") + "bucket=" + PercentCodec.encode(bucket, false)
                    + "&key=" + PercentCodec.encode(key, false) + "&etag=" + PercentCodec.encode(etag == null ? "" : etag, false));
            return new OutgoingResponse(303, headers, ResponseBody.EMPTY);
        }
        String status = form.fields().get("success_action_status");
        if ("201".equals(status)) {
            headers.set("Content-Type", "application/xml");
            return new OutgoingResponse(201, headers, ResponseBody.of(XmlDocuments.write(out -> {
                out.writeStartElement("PostResponse");
                XmlDocuments.element(out, "Location", location);
                XmlDocuments.element(out, "Bucket", bucket);
                XmlDocuments.element(out, "Key", key);
                XmlDocuments.element(out, "ETag", etag);
                out.writeEndElement();
            })));
        }
        return new OutgoingResponse("200".equals(status) ? 200 : 204, headers, ResponseBody.EMPTY);
    }

    /** {@code <Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag>…} → {@code k=v&…}. */
    private static String taggingQuery(String xml) {
        try {
            XmlNode root = XmlNode.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder query = new StringBuilder();
            for (XmlNode set : root.children()) {
                for (XmlNode tag : set.children()) {
                    String k = "";
                    String v = "";
                    for (XmlNode part : tag.children()) {
                        if (part.name().equals("Key")) {
                            k = part.text();
                        } else if (part.name().equals("Value")) {
                            v = part.text();
                        }
                    }
                    query.append(query.length() == 0 ? "" : "&").append(PercentCodec.encode(k, false)).append('=')
                            .append(PercentCodec.encode(v, false));
                }
            }
            return query.toString();
        } catch (XMLStreamException e) {
            throw AwsErrors.of("MalformedXML", 400,
                    "The XML you provided was not well-formed or did not validate against our published schema");
        }
    }

    /** Enforces the policy's {@code content-length-range} as the file streams in. */
    private static final class SizeLimitedStream extends FilterInputStream {
        private final SizeRange range;
        private long count;

        SizeLimitedStream(InputStream in, SizeRange range) {
            super(in);
            this.range = range;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > range.max()) {
                    throw sizeError("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size", "MaxSizeAllowed", range.max());
                }
            } else if (n < 0 && count < range.min()) {
                throw sizeError("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size", "MinSizeAllowed",
                        range.min());
            }
            return n;
        }

        private AwsException sizeError(String code, String message, String limitName, long limit) {
            return AwsErrors.of(code, 400, message).withDetail("ProposedSize", Long.toString(count))
                    .withDetail(limitName, Long.toString(limit));
        }
    }
}
