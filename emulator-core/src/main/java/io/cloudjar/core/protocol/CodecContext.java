package io.cloudjar.core.protocol;

import io.cloudjar.core.http.IncomingRequest;
import io.cloudjar.core.http.QueryParams;
import io.cloudjar.core.model.ApiMetadata;
import io.cloudjar.core.model.ApiModel;
import io.cloudjar.core.model.OperationModel;
import java.util.Map;

/**
 * What a codec reads of a call: the HTTP request and what routing found. The pipeline's context implements it,
 * so the codecs do not depend on the pipeline that calls them.
 */
public interface CodecContext {
    IncomingRequest request();

    String requestId();

    /** The API routing chose; null when the call failed before routing. */
    ApiMetadata apiMetadata();

    ApiModel api();

    /** The operation, once resolved; null before. */
    OperationModel operation();

    /** REST: the URI template's labels ({@code Bucket}, {@code Key}) as the request filled them. */
    Map<String, String> pathLabels();

    /** URL query parameters plus a form body's, as the query protocols send them. */
    QueryParams parameters();

    /** The S3 bucket named by a virtual host; else null. */
    String virtualHostBucket();
}
