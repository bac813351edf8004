package io.cloudjar.s3;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.core.util.PercentCodec;
import io.cloudjar.s3.model.Bucket;
import io.cloudjar.s3.model.StoredObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.S3Object;

/** ListObjects (v1, markers) and ListObjectsV2 (continuation tokens) over one key listing. */
public final class ListObjectsProvider extends S3Feature {
    private static final int MAX_KEYS = 1000;


    public ListObjectsV2Response listObjectsV2(CallContext ctx, ListObjectsV2Request request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        UnaryOperator<String> enc = encoder(request.encodingTypeAsString());
        int maxKeys = maxKeys(request.maxKeys());
        String startAfter = request.startAfter();
        boolean afterPrefix = false;
        if (request.continuationToken() != null) {
            String token = decodeToken(request.continuationToken());
            afterPrefix = token.charAt(0) == 'P';
            startAfter = token.substring(1);
        }
        KeyListing page = KeyListing.of(bucket.objects(), request.prefix(), request.delimiter(), startAfter, afterPrefix, maxKeys);
        boolean owner = Boolean.TRUE.equals(request.fetchOwner());
        return ListObjectsV2Response.builder()
                .name(bucket.name())
                .prefix(enc.apply(request.prefix() == null ? "" : request.prefix()))
                .delimiter(enc.apply(request.delimiter()))
                .maxKeys(maxKeys)
                .encodingType(request.encodingTypeAsString())
                .keyCount(page.objects().size() + page.commonPrefixes().size())
                .isTruncated(page.truncated())
                .continuationToken(request.continuationToken())
                .nextContinuationToken(page.truncated() ? encodeToken(page.lastEntry(), page.lastEntryIsPrefix()) : null)
                .startAfter(enc.apply(request.startAfter()))
                .contents(page.objects().stream().map(o -> toSdk(o, enc, owner)).toList())
                .commonPrefixes(prefixes(page, enc))
                .build();
    }

    public ListObjectsResponse listObjects(CallContext ctx, ListObjectsRequest request) {
        Bucket bucket = state.bucket(ctx.principal(), request.bucket());
        UnaryOperator<String> enc = encoder(request.encodingTypeAsString());
        int maxKeys = maxKeys(request.maxKeys());
        KeyListing page = KeyListing.of(bucket.objects(), request.prefix(), request.delimiter(), request.marker(),
                isCommonPrefix(request.marker(), request.prefix(), request.delimiter()), maxKeys);
        boolean hasDelimiter = request.delimiter() != null && !request.delimiter().isEmpty();
        return ListObjectsResponse.builder()
                .name(bucket.name())
                .prefix(enc.apply(request.prefix() == null ? "" : request.prefix()))
                .delimiter(enc.apply(request.delimiter()))
                .marker(enc.apply(request.marker() == null ? "" : request.marker()))
                .maxKeys(maxKeys)
                .encodingType(request.encodingTypeAsString())
                .isTruncated(page.truncated())
                // v1 only names the next marker when a delimiter is used; clients use the last key otherwise
                .nextMarker(page.truncated() && hasDelimiter ? enc.apply(page.lastEntry()) : null)
                .contents(page.objects().stream().map(o -> toSdk(o, enc, true)).toList())
                .commonPrefixes(prefixes(page, enc))
                .build();
    }

    private static List<CommonPrefix> prefixes(KeyListing page, UnaryOperator<String> enc) {
        return page.commonPrefixes().stream().map(p -> CommonPrefix.builder().prefix(enc.apply(p)).build()).toList();
    }

    private static S3Object toSdk(StoredObject o, UnaryOperator<String> enc, boolean withOwner) {
        S3Object.Builder b = S3Object.builder()
                .key(enc.apply(o.key()))
                .lastModified(o.lastModified())
                .eTag(o.etag())
                .size(o.size())
                .storageClass(o.metadata().storageClass());
        if (o.checksumAlgorithm() != null) {
            b.checksumAlgorithmWithStrings(o.checksumAlgorithm()).checksumType(o.checksumType());
        }
        if (withOwner) {
            b.owner(Owner.builder().id(CanonicalIds.of(o.ownerAccount())).build());
        }
        return b.build();
    }

    static int maxKeys(Integer requested) {
        if (requested == null) {
            return MAX_KEYS;
        }
        if (requested < 0) {
            throw S3Errors.invalidArgument("Argument maxKeys must be an integer between 0 and 2147483647", "maxKeys",
                    requested.toString());
        }
        return Math.min(requested, MAX_KEYS);
    }

    /** {@code encoding-type=url}: names are percent-encoded so any byte survives the XML. */
    static UnaryOperator<String> encoder(String encodingType) {
        if (encodingType == null) {
            return s -> s;
        }
        if (!"url".equals(encodingType)) {
            throw S3Errors.invalidArgument("Invalid Encoding Method specified in Request", "encoding-type", encodingType);
        }
        return s -> s == null ? null : PercentCodec.encode(s, true);
    }

    /** v1 markers are plain text: a marker that is a common prefix of this listing skips what is under it. */
    private static boolean isCommonPrefix(String marker, String prefix, String delimiter) {
        if (marker == null || delimiter == null || delimiter.isEmpty()) {
            return false;
        }
        String p = prefix == null ? "" : prefix;
        return marker.startsWith(p) && marker.indexOf(delimiter, p.length()) == marker.length() - delimiter.length();
    }

    /** Opaque to clients: whether the page ended on a common prefix, then the entry itself. */
    private static String encodeToken(String lastEntry, boolean isPrefix) {
        return Base64.getEncoder().encodeToString(((isPrefix ? "P" : "K") + lastEntry).getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.isEmpty() || (decoded.charAt(0) != 'P' && decoded.charAt(0) != 'K')) {
                throw new IllegalArgumentException("not a Cloudjar token");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw S3Errors.invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
        }
    }
}
