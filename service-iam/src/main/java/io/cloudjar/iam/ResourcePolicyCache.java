package io.cloudjar.iam;

import io.cloudjar.iam.policy.MalformedPolicyException;
import io.cloudjar.iam.policy.PolicyDocument;
import io.cloudjar.iam.policy.PolicyKind;
import io.cloudjar.iam.policy.PolicyParser;
import io.cloudjar.iam.policy.PolicySource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resource-based policies parsed once per text: a bucket policy is read on every call to the bucket, and parsing
 * it each time would cost more than the evaluation. A few hundred documents are kept, the least recently used
 * dropped first.
 */
final class ResourcePolicyCache {
    private static final int SIZE = 256;

    private final Map<String, PolicyDocument> parsed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PolicyDocument> eldest) {
            return size() > SIZE;
        }
    };

    PolicySource parse(String id, String text) {
        PolicyDocument doc;
        synchronized (parsed) {
            doc = parsed.get(text);
        }
        if (doc == null) {
            try {
                doc = PolicyParser.parse(text, PolicyKind.RESOURCE);
            } catch (MalformedPolicyException e) {
                // stored before IAM could check it (IAM was not running): it grants nothing
                doc = new PolicyDocument(null, null, List.of(), text);
            }
            synchronized (parsed) {
                parsed.put(text, doc);
            }
        }
        return new PolicySource(id, "resource", doc);
    }
}
