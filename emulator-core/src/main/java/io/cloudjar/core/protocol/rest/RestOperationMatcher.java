package io.cloudjar.core.protocol.rest;

import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.http.QueryParams;
import io.cloudjar.core.model.ApiModel;
import io.cloudjar.core.model.OperationModel;
import io.cloudjar.core.protocol.ProtocolCodec.ResolvedOperation;
import io.cloudjar.core.util.PercentCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the REST operation a request calls from the model's HTTP bindings alone: method, path template,
 * query literals ({@code ?list-type=2}, {@code ?uploads}) and the required query parameters and headers
 * that tell apart operations sharing a path (PutObject, UploadPart, CopyObject, UploadPartCopy).
 */
final class RestOperationMatcher {
    private RestOperationMatcher() {
    }

    /** Per API and HTTP method, the operations grouped by path template: each template is matched once per call. */
    private static final Map<ApiModel, Map<String, Map<String, List<OperationModel>>>> INDEX = new ConcurrentHashMap<>();

    /** Null when no operation of the API matches. */
    static ResolvedOperation match(ApiModel api, IncomingRequest request, String path) {
        QueryParams query = request.query();
        String explicit = query.get("x-id"); // newer SDKs name the operation outright
        OperationModel best = null;
        Map<String, String> bestLabels = null;
        int bestScore = Integer.MIN_VALUE;
        Map<String, List<OperationModel>> byTemplate = INDEX.computeIfAbsent(api, RestOperationMatcher::index)
                .getOrDefault(request.method(), Map.of());
        for (List<OperationModel> group : byTemplate.values()) {
            Map<String, String> labels = group.get(0).uri().matchPath(path);
            if (labels == null) {
                continue;
            }
            for (OperationModel op : group) {
                if (!literalsPresent(op, query)) {
                    continue;
                }
                int score = score(op, request, query);
                if (score < 0) {
                    continue;
                }
                if (op.name().equals(explicit)) {
                    score += 1000;
                }
                if (score > bestScore) {
                    best = op;
                    bestLabels = labels;
                    bestScore = score;
                }
            }
        }
        if (best == null) {
            return null;
        }
        Map<String, String> decoded = new LinkedHashMap<>();
        bestLabels.forEach((k, v) -> decoded.put(k, PercentCodec.decode(v, false)));
        return new ResolvedOperation(best, decoded);
    }

    /** Method → path template (without its query literals) → operations, in model order. */
    private static Map<String, Map<String, List<OperationModel>>> index(ApiModel api) {
        Map<String, Map<String, List<OperationModel>>> index = new HashMap<>();
        for (OperationModel op : api.operations()) {
            String template = op.uri().toString();
            int q = template.indexOf('?');
            index.computeIfAbsent(op.httpMethod(), m -> new LinkedHashMap<>())
                    .computeIfAbsent(q < 0 ? template : template.substring(0, q), t -> new ArrayList<>()).add(op);
        }
        return index;
    }

    private static boolean literalsPresent(OperationModel op, QueryParams query) {
        for (Map.Entry<String, String> literal : op.uri().queryLiterals().entrySet()) {
            String value = query.get(literal.getKey());
            if (value == null || (literal.getValue() != null && !literal.getValue().equals(value))) {
                return false;
            }
        }
        return true;
    }

    /** -1 when a required query parameter or header is missing; else more specific bindings score higher. */
    private static int score(OperationModel op, IncomingRequest request, QueryParams query) {
        int score = op.uri().queryLiterals().size() * 10 + op.uri().labels().size();
        for (String q : op.requiredQuery()) {
            if (!query.contains(q)) {
                return -1;
            }
            score += 10;
        }
        for (String h : op.requiredHeaders()) {
            if (request.header(h) == null) {
                return -1;
            }
            score += 10;
        }
        return op.lowPriority() ? score - 5 : score;
    }
}
