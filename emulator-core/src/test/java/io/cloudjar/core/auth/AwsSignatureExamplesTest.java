package io.cloudjar.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.http.Headers;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.http.RequestBody;
import io.cloudjar.core.protocol.rest.AwsChunkedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of AWS's signing documentation (S3 API reference: "Signature Calculations for the
 * Authorization Header", "Signature Calculation: Transfer Payload in Multiple Chunks", and the SigV2 "Object GET"
 * example), verified with their published signatures: the canonicalisation matches AWS's byte for byte.
 */
class AwsSignatureExamplesTest {
    private static final String KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final Instant EXAMPLE_TIME = Instant.parse("2013-05-24T00:00:00Z");

    private static IncomingRequest request(String method, String uri, Headers headers) {
        return new IncomingRequest(method, uri, headers, RequestBody.of(new byte[0]), null);
    }

    private static SigV4Credential headerCredential(IncomingRequest request) {
        return SigV4Parser.parse(request).orElseThrow();
    }

    @Test
    void sigV4GetObjectExample() {
        Headers headers = new Headers().add("Host", "examplebucket.s3.amazonaws.com").add("Range", "bytes=0-9")
                .add("x-amz-content-sha256", Signing.EMPTY_SHA256).add("x-amz-date", "20130524T000000Z")
                .add("Authorization", "AWS4-HMAC-SHA256 Credential=" + KEY + "/20130524/us-east-1/s3/aws4_request,"
                        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        IncomingRequest get = request("GET", "/test.txt", headers);
        SigV4Verifier.verifyHeader(null, get, headerCredential(get), SECRET, Signing.EMPTY_SHA256, EXAMPLE_TIME);

        headers.set("Range", "bytes=0-10");
        AwsException changed = catchThrowableOfType(AwsException.class, () -> SigV4Verifier.verifyHeader(null, get,
                headerCredential(get), SECRET, Signing.EMPTY_SHA256, EXAMPLE_TIME));
        assertThat(changed.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(changed.details().get("CanonicalRequest")).contains("range:bytes=0-10");

        AwsException late = catchThrowableOfType(AwsException.class, () -> SigV4Verifier.verifyHeader(null, get,
                headerCredential(get), SECRET, Signing.EMPTY_SHA256, EXAMPLE_TIME.plusSeconds(901)));
        assertThat(late.code()).isEqualTo("RequestTimeTooSkewed");
        assertThat(late.details()).containsEntry("RequestTime", "20130524T000000Z").containsEntry("ServerTime", "2013-05-24T00:15:01Z");

        headers.set("x-amz-date", "20130525T000000Z"); // a day's signing key used the next day
        AwsException otherDay = catchThrowableOfType(AwsException.class, () -> SigV4Verifier.verifyHeader(null, get,
                headerCredential(get), SECRET, Signing.EMPTY_SHA256, EXAMPLE_TIME.plusSeconds(86_400)));
        assertThat(otherDay.code()).isEqualTo("AuthorizationHeaderMalformed");
    }

    @Test
    void chunkedUploadExampleVerifiesEveryChunkAndRefusesAChangedOne() throws Exception {
        byte[] body = chunkedExampleBody();
        assertThat(decode(body)).hasSize(66560);

        body[200] = 'b'; // inside the first chunk's data
        AwsException changed = catchThrowableOfType(AwsException.class, () -> decode(body));
        assertThat(changed.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(changed.details().get("StringToSign")).startsWith("AWS4-HMAC-SHA256-PAYLOAD\n20130524T000000Z\n");
    }

    private static byte[] decode(byte[] body) throws Exception {
        Headers headers = new Headers().add("Host", "s3.amazonaws.com").add("x-amz-date", "20130524T000000Z")
                .add("x-amz-storage-class", "REDUCED_REDUNDANCY").add("Content-Encoding", "aws-chunked")
                .add("x-amz-decoded-content-length", "66560").add("Content-Length", "66824")
                .add("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD")
                .add("Authorization", "AWS4-HMAC-SHA256 Credential=" + KEY + "/20130524/us-east-1/s3/aws4_request,"
                        + "SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;"
                        + "x-amz-decoded-content-length;x-amz-storage-class,"
                        + "Signature=4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9");
        IncomingRequest put = request("PUT", "/examplebucket/chunkObject.txt", headers);
        ChunkSignatures chunks = SigV4Verifier.verifyHeader(null, put, headerCredential(put), SECRET,
                "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", EXAMPLE_TIME);
        try (InputStream in = new AwsChunkedInputStream(new ByteArrayInputStream(body), 66560, chunks)) {
            return in.readAllBytes();
        }
    }

    private static byte[] chunkedExampleBody() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunk(out, 65536, "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648");
        chunk(out, 1024, "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497");
        chunk(out, 0, "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9");
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, int size, String signature) {
        out.writeBytes((Integer.toHexString(size) + ";chunk-signature=" + signature + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        byte[] data = new byte[size];
        Arrays.fill(data, (byte) 'a');
        out.writeBytes(data);
        if (size > 0) {
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void sigV2ObjectGetExample() {
        Headers headers = new Headers().add("Host", "johnsmith.s3.amazonaws.com").add("Date", "Tue, 27 Mar 2007 19:36:42 +0000")
                .add("Authorization", "AWS " + KEY + ":bWq2s1WEIj+Ydj0vQ697zp+IXMU=");
        IncomingRequest get = request("GET", "/photos/puppy.jpg", headers);
        Instant then = Instant.parse("2007-03-27T19:36:42Z");
        SigV2Verifier.verifyHeader(null, get, headerCredential(get), SECRET, "johnsmith", then);

        AwsException otherBucket = catchThrowableOfType(AwsException.class,
                () -> SigV2Verifier.verifyHeader(null, get, headerCredential(get), SECRET, "janesmith", then));
        assertThat(otherBucket.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(otherBucket.details().get("StringToSign")).isEqualTo("GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/janesmith/photos/puppy.jpg");
    }
}
