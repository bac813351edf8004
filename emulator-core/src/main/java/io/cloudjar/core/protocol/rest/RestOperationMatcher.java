package io.cloudjar.core.protocol.rest;

import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.http.PercentCodec;
import io.cloudjar.core.http.QueryParams;
import io.cloudjar.core.model.ApiModel;
import io.cloudjar.core.model.OperationModel;
import io.cloudjar.core.protocol.ProtocolCodec.ResolvedOperation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds the REST operation a request calls from the model's HTTP bindings alone: method, path template,
 * query literals ({@code ?list-type=2}, {@code ?uploads}) and the required query parameters and headers
 * that tell apart operations sharing a path (PutObject, UploadPart, CopyObject, UploadPartCopy).
 */
final class RestOperationMatcher {
    private RestOperationMatcher() {
    }

    /** Null when no operation of the API matches. */
    static ResolvedOperation match(ApiModel api, IncomingRequest request, String path) {
        QueryParams query = request.query();
        String explicit = query.get("x-id"); // newer SDKs name the operation outright
        OperationModel best = null;
        Map<String, String> bestLabels = null;
        int bestScore = Integer.MIN_VALUE;
        for (OperationModel op : api.operations()) {
            if (!op.httpMethod().equals(request.method())) {
                continue;
            }
            Map<String, String> labels = op.uri().matchPath(path);
            if (labels == null || !literalsPresent(op, query)) {
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
        if (best == null) {
            return null;
        }
        Map<String, String> decoded = new LinkedHashMap<>();
        bestLabels.forEach((k, v) -> decoded.put(k, PercentCodec.decode(v, false)));
        return new ResolvedOperation(best, decoded);
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
