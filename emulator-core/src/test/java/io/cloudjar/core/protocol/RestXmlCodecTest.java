package io.cloudjar.core.protocol;

import static io.cloudjar.core.protocol.Wire.at;
import static io.cloudjar.core.protocol.Wire.awsError;
import static io.cloudjar.core.protocol.Wire.canonical;
import static io.cloudjar.core.protocol.Wire.children;
import static io.cloudjar.core.protocol.Wire.textAt;
import static io.cloudjar.core.protocol.Wire.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.http.OutgoingResponse;
import io.cloudjar.core.http.ResponseBody;
import io.cloudjar.core.model.ModelClasses;
import io.cloudjar.core.model.Protocol;
import io.cloudjar.core.pipeline.RequestContext;
import io.cloudjar.core.pipeline.TestContexts;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutBucketAclRequest;
import software.amazon.awssdk.services.s3.model.PutBucketLifecycleConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Type;

class RestXmlCodecTest {
    private static final String S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final ProtocolCodec CODEC = TestContexts.codec(Protocol.REST_XML);

    private static <T> T decode(RequestContext ctx) {
        TestContexts.resolve(ctx);
        return TestContexts.decode(ctx);
    }

    /** Decodes a PUT of a configuration document, then encodes the same members as the GET answer. */
    private static Element roundTrip(String uri, String xml, String getOperation, SdkPojo getResponseBuilder) {
        RequestContext put = Wire.rest("s3", "PUT", uri, utf8(xml), "Content-Type", "application/xml");
        SdkPojo request = decode(put);
        SdkPojo payload = (SdkPojo) request.sdkFields().stream()
                .filter(f -> f.containsTrait(software.amazon.awssdk.core.traits.PayloadTrait.class))
                .findFirst().orElseThrow().getValueOrDefault(request);
        ModelClasses.copyMembers(payload, getResponseBuilder);
        OutgoingResponse out = CODEC.encode(TestContexts.withOperation(Wire.rest("s3", "GET", uri), getOperation),
                ModelClasses.build(getResponseBuilder));
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.headers().get("Content-Type")).isEqualTo("application/xml");
        return Wire.xml(out);
    }

    @Test
    void aclWithXsiTypedGranteesRoundTrips() {
        String xml = "<AccessControlPolicy xmlns=\"" + S3_NS + "\">"
                + "<Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID><DisplayName>owner</DisplayName></Owner>"
                + "<AccessControlList>"
                + "<Grant><Grantee xmlns:xsi=\"" + XSI + "\" xsi:type=\"CanonicalUser\"><ID>75aa57f0</ID><DisplayName>owner</DisplayName></Grantee><Permission>FULL_CONTROL</Permission></Grant>"
                + "<Grant><Grantee xmlns:xsi=\"" + XSI + "\" xsi:type=\"Group\"><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant>"
                + "</AccessControlList></AccessControlPolicy>";

        RequestContext put = Wire.rest("s3", "PUT", "/bucket?acl", utf8(xml));
        PutBucketAclRequest request = decode(put);
        assertThat(request.bucket()).isEqualTo("bucket");
        assertThat(request.accessControlPolicy().grants().get(0).grantee().type()).isEqualTo(Type.CANONICAL_USER);
        assertThat(request.accessControlPolicy().grants().get(1).grantee().type()).isEqualTo(Type.GROUP);

        Element answer = roundTrip("/bucket?acl", xml, "GetBucketAcl", (SdkPojo) GetBucketAclResponse.builder());
        assertThat(canonical(answer)).isEqualTo(canonical(Wire.xml(xml)));
    }

    @Test
    void lifecycleRulesWithFlattenedListsTimestampsAndEnumsRoundTrip() {
        String xml = "<LifecycleConfiguration xmlns=\"" + S3_NS + "\">"
                + "<Rule><Expiration><Date>2030-01-01T00:00:00.000Z</Date></Expiration><ID>archive</ID>"
                + "<Filter><Prefix>logs/</Prefix></Filter><Status>Enabled</Status>"
                + "<Transition><Days>30</Days><StorageClass>STANDARD_IA</StorageClass></Transition>"
                + "<Transition><Days>90</Days><StorageClass>GLACIER</StorageClass></Transition></Rule>"
                + "<Rule><Expiration><ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration><ID>markers</ID>"
                + "<Filter><ObjectSizeGreaterThan>1048576</ObjectSizeGreaterThan></Filter><Status>Disabled</Status></Rule>"
                + "</LifecycleConfiguration>";

        PutBucketLifecycleConfigurationRequest request = decode(Wire.rest("s3", "PUT", "/bucket?lifecycle", utf8(xml)));
        var rules = request.lifecycleConfiguration().rules();
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).expiration().date()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(rules.get(0).transitions()).extracting(t -> t.days() + ":" + t.storageClass())
                .containsExactly("30:STANDARD_IA", "90:GLACIER");
        assertThat(rules.get(1).filter().objectSizeGreaterThan()).isEqualTo(1048576L);
        assertThat(rules.get(1).expiration().expiredObjectDeleteMarker()).isTrue();

        Element answer = roundTrip("/bucket?lifecycle", xml, "GetBucketLifecycleConfiguration",
                (SdkPojo) GetBucketLifecycleConfigurationResponse.builder());
        assertThat(canonical(answer)).isEqualTo(canonical(Wire.xml(xml)));
    }

    @Test
    void taggingRoundTrips() {
        String xml = "<Tagging xmlns=\"" + S3_NS + "\"><TagSet><Tag><Key>env</Key><Value>prod &amp; test</Value></Tag>"
                + "<Tag><Key>empty</Key><Value></Value></Tag></TagSet></Tagging>";

        Element answer = roundTrip("/bucket?tagging", xml, "GetBucketTagging", (SdkPojo) GetBucketTaggingResponse.builder());

        assertThat(canonical(answer)).isEqualTo(canonical(Wire.xml(xml)));
    }

    @Test
    void aDocumentWithoutTheS3NamespaceIsAcceptedToo() {
        PutBucketTaggingRequest req = decode(Wire.rest("s3", "PUT", "/b?tagging",
                utf8("<?xml version=\"1.0\"?>\n<Tagging>\n  <TagSet>\n    <Tag><Key>k</Key><Value>v</Value></Tag>\n  </TagSet>\n</Tagging>")));

        assertThat(req.tagging().tagSet()).singleElement().satisfies(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("k=v"));
    }

    @Test
    void flattenedObjectListsAndBooleansAreDecoded() {
        DeleteObjectsRequest req = decode(Wire.rest("s3", "POST", "/b?delete", utf8(
                "<Delete><Object><Key>a.txt</Key></Object><Object><Key>b.txt</Key><VersionId>v2</VersionId></Object>"
                        + "<Quiet>true</Quiet></Delete>")));

        assertThat(req.delete().objects()).extracting(o -> o.key() + "@" + o.versionId()).containsExactly("a.txt@null", "b.txt@v2");
        assertThat(req.delete().quiet()).isTrue();
    }

    @Test
    void malformedOrMisnamedXmlIsMalformedXml() {
        AwsException broken = awsError(() -> decode(Wire.rest("s3", "PUT", "/b?tagging", utf8("<Tagging><TagSet>"))));
        assertThat(broken.code()).isEqualTo("MalformedXML");
        assertThat(broken.status()).isEqualTo(400);

        AwsException wrongRoot = awsError(() -> decode(Wire.rest("s3", "PUT", "/b?tagging", utf8("<Tags><TagSet/></Tags>"))));
        assertThat(wrongRoot.code()).isEqualTo("MalformedXML");
    }

    @Test
    void documentsTooDeepOrWithTooManyElementsAreMalformedXml() {
        String deep = "<a>".repeat(100) + "</a>".repeat(100);
        AwsException tooDeep = awsError(() -> decode(Wire.rest("s3", "PUT", "/b?tagging",
                utf8("<Tagging><TagSet/>" + deep + "</Tagging>"))));
        assertThat(tooDeep.code()).isEqualTo("MalformedXML");
        assertThat(tooDeep.status()).isEqualTo(400);

        AwsException tooMany = awsError(() -> decode(Wire.rest("s3", "PUT", "/b?tagging",
                utf8("<Tagging><TagSet/>" + "<x/>".repeat(250_000) + "</Tagging>"))));
        assertThat(tooMany.code()).isEqualTo("MalformedXML");

        PutBucketTaggingRequest nested = decode(Wire.rest("s3", "PUT", "/b?tagging",
                utf8("<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet>" + "<a>".repeat(60) + "</a>".repeat(60)
                        + "</Tagging>")));
        assertThat(nested.tagging().tagSet()).as("within the limits, unknown elements are still ignored").hasSize(1);
    }

    @Test
    void headersQueryParametersAndTheMetadataMapAreDecoded() {
        PutObjectRequest req = decode(Wire.rest("s3", "PUT", "/bucket/photos/cat.jpg", utf8("meow"),
                "Content-Type", "image/jpeg", "Content-Length", "4", "x-amz-meta-Camera", "Nikon",
                "X-Amz-Meta-taken-at", "2024-01-01", "Expires", "Wed, 09 Oct 2024 07:08:09 GMT",
                "x-amz-storage-class", "STANDARD_IA", "x-amz-server-side-encryption-bucket-key-enabled", "true"));

        assertThat(req.bucket()).isEqualTo("bucket");
        assertThat(req.key()).isEqualTo("photos/cat.jpg");
        assertThat(req.contentType()).isEqualTo("image/jpeg");
        assertThat(req.contentLength()).isEqualTo(4L);
        assertThat(req.metadata()).containsOnly(Map.entry("camera", "Nikon"), Map.entry("taken-at", "2024-01-01"));
        assertThat(req.expires()).isEqualTo(Instant.parse("2024-10-09T07:08:09Z"));
        assertThat(req.storageClass()).isEqualTo(StorageClass.STANDARD_IA);
        assertThat(req.bucketKeyEnabled()).isTrue();

        ListObjectsV2Request list = decode(Wire.rest("s3", "GET", "/bucket?list-type=2&prefix=a%2Fb%20c&max-keys=7&fetch-owner=true"));
        assertThat(list.prefix()).isEqualTo("a/b c");
        assertThat(list.maxKeys()).isEqualTo(7);
        assertThat(list.fetchOwner()).isTrue();
    }

    @Test
    void illTypedQueryParametersAndHeadersAreInvalidArgument() {
        AwsException number = awsError(() -> decode(Wire.rest("s3", "GET", "/bucket?list-type=2&max-keys=many")));
        assertThat(number.code()).isEqualTo("InvalidArgument");
        assertThat(number.status()).isEqualTo(400);

        AwsException bool = awsError(() -> decode(Wire.rest("s3", "PUT", "/bucket/k", utf8("x"),
                "x-amz-server-side-encryption-bucket-key-enabled", "yes")));
        assertThat(bool.code()).isEqualTo("InvalidArgument");
    }

    @Test
    void metadataHeadersRoundTripThroughHeadObject() {
        PutObjectRequest put = decode(Wire.rest("s3", "PUT", "/bucket/k", utf8("x"), "Content-Type", "text/plain",
                "x-amz-meta-color", "blue", "x-amz-meta-size", "XL", "Cache-Control", "max-age=60",
                "Expires", "Thu, 01 Feb 2024 00:00:00 GMT"));
        HeadObjectResponse.Builder head = HeadObjectResponse.builder();
        ModelClasses.copyMembers(put, (SdkPojo) head);
        head.lastModified(Instant.parse("2024-03-04T05:06:07Z")).eTag("\"9dd4e461268c8034f5c8564e155c67a6\"").contentLength(1L);

        OutgoingResponse out = CODEC.encode(TestContexts.withOperation(Wire.rest("s3", "HEAD", "/bucket/k"), "HeadObject"),
                head.build());

        assertThat(out.status()).isEqualTo(200);
        assertThat(out.body()).isEqualTo(ResponseBody.EMPTY);
        assertThat(out.headers().get("x-amz-meta-color")).isEqualTo("blue");
        assertThat(out.headers().get("x-amz-meta-size")).isEqualTo("XL");
        assertThat(out.headers().get("Content-Type")).isEqualTo("text/plain");
        assertThat(out.headers().get("Cache-Control")).isEqualTo("max-age=60");
        assertThat(out.headers().get("Expires")).isEqualTo("Thu, 01 Feb 2024 00:00:00 GMT");
        assertThat(out.headers().get("Last-Modified")).isEqualTo("Mon, 04 Mar 2024 05:06:07 GMT");
        assertThat(out.headers().get("ETag")).isEqualTo("\"9dd4e461268c8034f5c8564e155c67a6\"");
        assertThat(out.headers().get("Content-Length")).isEqualTo("1");
        assertThat(out.headers().get("x-amz-request-id")).isEqualTo("7D8F3C2A1B4E4C6D");
        assertThat(out.headers().get("x-amz-id-2")).isNotBlank();
    }

    @Test
    void listObjectsV2AnswersListBucketResultWithFlattenedContents() {
        ListObjectsV2Response response = ListObjectsV2Response.builder().name("bucket").prefix("").keyCount(2).maxKeys(1000)
                .isTruncated(false)
                .contents(S3Object.builder().key("a.txt").size(5L).eTag("\"e1\"").storageClass("STANDARD")
                                .lastModified(Instant.parse("2024-01-02T03:04:05.006Z")).build(),
                        S3Object.builder().key("b.txt").size(0L).lastModified(Instant.parse("2024-01-02T03:04:05Z")).build())
                .commonPrefixes(CommonPrefix.builder().prefix("dir/").build())
                .build();

        OutgoingResponse out = CODEC.encode(TestContexts.withOperation(Wire.rest("s3", "GET", "/bucket?list-type=2"),
                "ListObjectsV2"), response);

        Element root = Wire.xml(out);
        assertThat(root.getLocalName()).isEqualTo("ListBucketResult");
        assertThat(root.getNamespaceURI()).isEqualTo(S3_NS);
        assertThat(children(root, "Contents")).hasSize(2);
        Element first = children(root, "Contents").get(0);
        assertThat(textAt(first, "Key")).isEqualTo("a.txt");
        assertThat(textAt(first, "LastModified")).isEqualTo("2024-01-02T03:04:05.006Z");
        assertThat(textAt(first, "Size")).isEqualTo("5");
        assertThat(textAt(children(root, "Contents").get(1), "LastModified")).isEqualTo("2024-01-02T03:04:05.000Z");
        assertThat(textAt(root, "CommonPrefixes/Prefix")).isEqualTo("dir/");
        assertThat(textAt(root, "IsTruncated")).isEqualTo("false");
        assertThat(textAt(root, "KeyCount")).isEqualTo("2");
    }

    @Test
    void aStringPayloadIsTheTextOfTheRootElement() {
        Element empty = Wire.xml(CODEC.encode(TestContexts.withOperation(Wire.rest("s3", "GET", "/b?location"),
                "GetBucketLocation"), GetBucketLocationResponse.builder().build()));
        assertThat(empty.getLocalName()).isEqualTo("LocationConstraint");
        assertThat(empty.getNamespaceURI()).isEqualTo(S3_NS);
        assertThat(empty.getTextContent()).isEmpty();

        Element eu = Wire.xml(CODEC.encode(TestContexts.withOperation(Wire.rest("s3", "GET", "/b?location"),
                "GetBucketLocation"), GetBucketLocationResponse.builder().locationConstraint("eu-west-1").build()));
        assertThat(eu.getTextContent()).isEqualTo("eu-west-1");
    }

    @Test
    void anEmptyAnswerUsesTheModelsSuccessStatus() {
        OutgoingResponse out = CODEC.encode(TestContexts.withOperation(Wire.rest("s3", "DELETE", "/b/k"), "DeleteObject"),
                software.amazon.awssdk.services.s3.model.DeleteObjectResponse.builder().build());

        assertThat(out.status()).isEqualTo(204);
        assertThat(out.body()).isEqualTo(ResponseBody.EMPTY);
    }

    @Test
    void errorsAreAnUnqualifiedErrorElementWithRequestAndHostIds() {
        RequestContext ctx = TestContexts.withOperation(Wire.rest("s3", "GET", "/bucket/missing.txt"), "GetObject");

        OutgoingResponse out = CODEC.encodeError(ctx, AwsErrors.of("NoSuchKey", 404, "The specified key does not exist.")
                .withDetail("Key", "missing.txt"));

        assertThat(out.status()).isEqualTo(404);
        assertThat(out.headers().get("Content-Type")).isEqualTo("application/xml");
        Element root = Wire.xml(out);
        assertThat(root.getLocalName()).isEqualTo("Error");
        assertThat(root.getNamespaceURI()).isNull();
        assertThat(children(root, null)).extracting(Element::getLocalName)
                .containsExactly("Code", "Message", "Key", "RequestId", "HostId");
        assertThat(textAt(root, "Code")).isEqualTo("NoSuchKey");
        assertThat(textAt(root, "Message")).isEqualTo("The specified key does not exist.");
        assertThat(textAt(root, "Key")).isEqualTo("missing.txt");
        assertThat(textAt(root, "RequestId")).isEqualTo("7D8F3C2A1B4E4C6D").isEqualTo(out.headers().get("x-amz-request-id"));
        assertThat(textAt(root, "HostId")).isEqualTo(out.headers().get("x-amz-id-2"));
    }

    @Test
    void headErrorsHaveNoBody() {
        RequestContext ctx = TestContexts.withOperation(Wire.rest("s3", "HEAD", "/bucket/missing.txt"), "HeadObject");

        OutgoingResponse out = CODEC.encodeError(ctx, AwsErrors.of("NoSuchKey", 404, "The specified key does not exist.")
                .withResponseMembers(software.amazon.awssdk.services.s3.model.HeadObjectResponse.builder().deleteMarker(true).build()));

        assertThat(out.status()).isEqualTo(404);
        assertThat(out.body()).isEqualTo(ResponseBody.EMPTY);
        assertThat(out.headers().get("x-amz-request-id")).isEqualTo("7D8F3C2A1B4E4C6D");
        assertThat(out.headers().get("x-amz-delete-marker")).isEqualTo("true");
    }
}
