package io.cloudjar.core.pipeline;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.http.QueryParams;
import io.cloudjar.core.http.RequestBody;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The parameters of a query-protocol call: the URL's query plus an {@code application/x-www-form-urlencoded}
 * body. Forms are small; a larger body is refused rather than buffered.
 */
final class FormParameters {
    static final int FORM_BODY_LIMIT = 8 * 1024 * 1024;

    private FormParameters() {
    }

    /** Decodes the call's parameters once; later calls return what the first one read. */
    static QueryParams of(RequestContext ctx) {
        if (ctx.parameters() == null) {
            ctx.parameters(read(ctx.request()));
        }
        return ctx.parameters();
    }

    private static QueryParams read(IncomingRequest request) {
        QueryParams params = QueryParams.parse(request.rawQuery());
        String contentType = request.header("Content-Type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            try {
                params.addAll(new String(request.body().bytes(FORM_BODY_LIMIT), StandardCharsets.UTF_8));
            } catch (RequestBody.BodyTooLargeException e) {
                throw AwsErrors.of("RequestEntityTooLarge", 413, "The request body is too large.");
            } catch (IOException e) {
                throw AwsErrors.of("IncompleteBody", 400, "The request body ended before the length its headers declared.");
            }
        }
        return params;
    }
}
