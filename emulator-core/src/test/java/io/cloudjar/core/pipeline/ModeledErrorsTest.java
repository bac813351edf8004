package io.cloudjar.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.model.ApiModel;
import org.junit.jupiter.api.Test;

/** Errors raised with {@link AwsErrors#modeled} take their status from the answering API's model. */
class ModeledErrorsTest {
    private static final ApiModel IAM = TestContexts.models().api("iam");
    private static final ApiModel S3 = TestContexts.models().api("s3");

    @Test
    void aModeledErrorGetsTheModelsStatusAndKeepsItsMessageAndDetails() {
        AwsException raised = AwsErrors.modeled("NoSuchEntity", "The user with name %s cannot be found.", "bob");
        assertThat(raised.statusFromModel()).isTrue();
        AwsException answered = ModeledErrors.resolve(IAM, raised);
        assertThat(answered.status()).isEqualTo(404);
        assertThat(answered.senderFault()).isTrue();
        assertThat(answered.code()).isEqualTo("NoSuchEntity");
        assertThat(answered.getMessage()).isEqualTo("The user with name bob cannot be found.");

        AwsException bucket = ModeledErrors.resolve(S3, AwsErrors.modeled("NoSuchBucket", "gone").withDetail("BucketName", "b"));
        assertThat(bucket.status()).isEqualTo(404);
        assertThat(bucket.details()).containsEntry("BucketName", "b");
    }

    @Test
    void anErrorWithItsOwnStatusIsLeftAlone() {
        AwsException explicit = AwsErrors.of("NoSuchEntity", 409, "not the model's status");
        assertThat(ModeledErrors.resolve(IAM, explicit)).isSameAs(explicit);
    }

    @Test
    void aCodeTheModelDoesNotDeclareIsAnInternalError() {
        AwsException answered = ModeledErrors.resolve(S3, AwsErrors.modeled("NoSuchEntity", "IAM's, not S3's"));
        assertThat(answered.status()).isEqualTo(500);
        assertThat(answered.code()).isEqualTo("InternalError");
        assertThat(ModeledErrors.resolve(null, AwsErrors.modeled("NoSuchEntity", "no API")).status()).isEqualTo(500);
    }
}
