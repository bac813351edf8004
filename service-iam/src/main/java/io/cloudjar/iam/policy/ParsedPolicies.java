package io.cloudjar.iam.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Documents parsed once per text and kind: with enforcement every call evaluates the caller's policies (and a
 * bucket's), and parsing the JSON each time would cost more than the evaluation itself. Parsed documents are
 * immutable, so one cache serves every account and server; the least recently used of a few thousand are
 * dropped first. A document the parser refuses is not kept and is refused again.
 */
public final class ParsedPolicies {
    private static final int SIZE = 4096;

    private static final Map<Key, PolicyDocument> PARSED = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, PolicyDocument> eldest) {
            return size() > SIZE;
        }
    };

    private record Key(String text, PolicyKind kind) {
    }

    private ParsedPolicies() {
    }

    /** As {@link PolicyParser#parse}, from the cache when this text was parsed as this kind before. */
    public static PolicyDocument parse(String text, PolicyKind kind) {
        Key key = new Key(text, kind);
        synchronized (PARSED) {
            PolicyDocument known = PARSED.get(key);
            if (known != null) {
                return known;
            }
        }
        PolicyDocument parsed = PolicyParser.parse(text, kind);
        synchronized (PARSED) {
            PARSED.put(key, parsed);
        }
        return parsed;
    }
}
