package io.cloudjar.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.config.EmulatorConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
    @Test
    void defaultsAreLoopback4566AndEveryService() {
        EmulatorConfig config = Settings.from(new String[0], Map.of());
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(4566);
        assertThat(config.services()).isEmpty();
        assertThat(config.dataDir()).isNull();
    }

    @Test
    void localStackVariablesAreHonouredAndFlagsWin() {
        EmulatorConfig fromEnv = Settings.from(new String[0], Map.of("GATEWAY_LISTEN", "0.0.0.0:4510", "SERVICES", "s3, IAM",
                "DATA_DIR", "/tmp/cj"));
        assertThat(fromEnv.host()).isEqualTo("0.0.0.0");
        assertThat(fromEnv.port()).isEqualTo(4510);
        assertThat(fromEnv.services()).containsExactlyInAnyOrder("s3", "iam");
        assertThat(fromEnv.dataDir()).hasToString("/tmp/cj");
        assertThat(Settings.from(new String[0], Map.of("CLOUDJAR_PORT", "0")).port()).isZero();
        EmulatorConfig flags = Settings.from(new String[] {"--port", "5000", "--host", "0.0.0.0"}, Map.of("CLOUDJAR_PORT", "6000"));
        assertThat(flags.port()).isEqualTo(5000);
        assertThat(flags.host()).isEqualTo("0.0.0.0");
    }

    @Test
    void badArgumentsAreExplained() {
        assertThatThrownBy(() -> Settings.from(new String[] {"--port", "x"}, Map.of())).hasMessageContaining("not a port");
        assertThatThrownBy(() -> Settings.from(new String[] {"--bogus"}, Map.of())).hasMessageContaining("unknown argument");
        assertThat(Settings.from(new String[] {"--help"}, Map.of())).isNull();
    }
}
