package io.cloudjar.iam.state;

import java.time.Instant;

/** One version of a managed policy: {@code v1}, {@code v2}, ... with the document as submitted. */
public record PolicyVersion(String versionId, String document, Instant created) {
}
