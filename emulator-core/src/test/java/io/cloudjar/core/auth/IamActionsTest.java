package io.cloudjar.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.model.ModelRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The IAM action names that differ from {@code service:Operation}, kept as data. */
class IamActionsTest {
    private static final ModelRegistry MODELS = new ModelRegistry();

    @Test
    void everyOverrideNamesAnOperationAndDiffersFromTheDefault() throws IOException {
        Properties overrides = new Properties();
        try (InputStream in = IamActions.class.getResourceAsStream("/cloudjar/iam-actions.properties")) {
            overrides.load(in);
        }
        assertThat(overrides).isNotEmpty();
        for (String key : overrides.stringPropertyNames()) {
            String api = key.substring(0, key.indexOf('.'));
            String operation = key.substring(key.indexOf('.') + 1);
            assertThat(MODELS.api(api).operation(operation)).as(key + " names an operation of the model").isNotNull();
            assertThat(overrides.getProperty(key)).as(key + " says what the default says already")
                    .isNotEqualTo(MODELS.metadata(api).signingName() + ":" + operation);
        }
    }

    @Test
    void operationsAreAuthorizedAsAwsNamesThem() {
        assertThat(IamActions.of(MODELS.api("s3").operation("ListObjectsV2"))).isEqualTo("s3:ListBucket");
        assertThat(IamActions.of(MODELS.api("s3").operation("RestoreObject"))).isEqualTo("s3:RestoreObject");
        assertThat(IamActions.of(MODELS.api("ec2").operation("CreateVpc"))).isEqualTo("ec2:CreateVpc");
        assertThat(IamActions.of(MODELS.api("rds").operation("CreateDBInstance"))).isEqualTo("rds:CreateDBInstance");
    }
}
