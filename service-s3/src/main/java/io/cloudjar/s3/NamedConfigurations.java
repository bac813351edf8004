package io.cloudjar.s3;

import io.cloudjar.s3.model.Bucket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The configurations a bucket keeps by id (analytics, inventory, metrics, intelligent tiering): the id in the query
 * must be the document's, at most 1000 of a kind, listed 100 a page in id order with the next id as the token.
 */
final class NamedConfigurations<T> {
    private static final int MAX = 1000;
    private static final int PAGE = 100;
    private final Class<T> kind;

    NamedConfigurations(Class<T> kind) {
        this.kind = kind;
    }

    void put(Bucket bucket, String id, String documentId, T configuration) {
        if (configuration == null || documentId == null) {
            throw S3Errors.malformedXml();
        }
        if (!documentId.equals(id)) {
            throw S3Errors.invalidArgument("Configuration id does not match the id in the request", "id", id);
        }
        ConcurrentSkipListMap<String, Object> all = bucket.namedSettings(kind);
        if (!all.containsKey(id) && all.size() >= MAX) {
            throw S3Errors.invalidRequest("The maximum number of configurations has been reached");
        }
        all.put(id, configuration);
    }

    T get(Bucket bucket, String id) {
        Object found = id == null ? null : bucket.namedSettings(kind).get(id);
        if (found == null) {
            throw S3Errors.noSuchConfiguration();
        }
        return kind.cast(found);
    }

    void delete(Bucket bucket, String id) {
        if (id == null || bucket.namedSettings(kind).remove(id) == null) {
            throw S3Errors.noSuchConfiguration();
        }
    }

    /** One page from the token (an id) on, and the next page's token or null. */
    Page<T> list(Bucket bucket, String token) {
        ConcurrentSkipListMap<String, Object> all = bucket.namedSettings(kind);
        Map<String, Object> from = token == null ? all : all.tailMap(token, true);
        List<T> items = from.values().stream().limit(PAGE + 1).map(kind::cast).toList();
        if (items.size() <= PAGE) {
            return new Page<>(items, null);
        }
        String next = from.keySet().stream().skip(PAGE).findFirst().orElseThrow();
        return new Page<>(items.subList(0, PAGE), next);
    }

    record Page<T>(List<T> items, String nextToken) {
    }
}
