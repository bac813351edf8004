package io.cloudjar.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.ModeledErrorCodes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The codes S3 raises with {@code AwsErrors.modeled} exist in S3's model, which gives them their status. */
class ModeledErrorsTest {

    @Test
    void everyModeledCodeIsDeclaredByS3() {
        assertThat(ModeledErrorCodes.assertDeclared(Path.of("src/main/java"), file -> "s3"))
                .extracting(call -> call.key()).contains("NoSuchBucket", "NoSuchKey", "AccessDenied");
    }
}
