package io.cloudjar.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.config.EmulatorConfig;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code ENFORCE_IAM=1} never silently allows every call. */
class EnforcementStartupTest {
    @Test
    void enforcingStartsIamWhateverServicesSays() {
        EmulatorConfig config = EmulatorConfig.forTests().withServices(Set.of("s3")).withEnv("ENFORCE_IAM", "1");
        assertThat(config.enforceIam()).isTrue();
        assertThat(config.serviceEnabled("iam")).isTrue();
        assertThat(config.serviceEnabled("sts")).isTrue();
        assertThat(config.serviceEnabled("ec2")).isFalse();
        assertThat(EmulatorConfig.forTests().withServices(Set.of("s3")).serviceEnabled("iam")).isFalse();
    }

    @Test
    void withoutIamOnTheClassPathTheServerRefusesToStart() {
        // the core's tests run without service-iam: nothing installs the evaluator
        assertThatThrownBy(() -> new EmulatorRuntime(EmulatorConfig.forTests().withEnv("ENFORCE_IAM", "1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ENFORCE_IAM=1").hasMessageContaining("refusing to start");
    }
}
