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

    @Test
    void localStackPrefixedNamesAreAliasesAndThePlainNameWins() {
        EmulatorConfig prefixed = Settings.from(new String[0], Map.of("LOCALSTACK_SERVICES", "s3", "LOCALSTACK_GATEWAY_LISTEN", ":4600",
                "LOCALSTACK_ENFORCE_IAM", "1", "LOCALSTACK_LOCALSTACK_HOST", "ls.example:4566", "LOCALSTACK_IAM_SOFT_MODE", "1",
                "LOCALSTACK_PERSISTENCE", "1"));
        assertThat(prefixed.services()).containsExactly("s3");
        assertThat(prefixed.port()).isEqualTo(4600);
        assertThat(prefixed.enforceIam()).isTrue();
        assertThat(prefixed.env("LOCALSTACK_HOST", null)).isEqualTo("ls.example:4566");
        assertThat(prefixed.env("IAM_SOFT_MODE", null)).isEqualTo("1");
        assertThat(prefixed.env("PERSISTENCE", null)).isEqualTo("1");
        EmulatorConfig both = Settings.from(new String[0], Map.of("SERVICES", "iam", "LOCALSTACK_SERVICES", "s3"));
        assertThat(both.services()).containsExactly("iam");
        assertThat(Settings.from(new String[0], Map.of("LOCALSTACK_HOST", "h:1")).env("LOCALSTACK_HOST", null)).isEqualTo("h:1");
    }

    @Test
    void persistenceKeepsStateInDataDirOrInTheUsersHome() {
        assertThat(Settings.from(new String[0], Map.of("PERSISTENCE", "1", "DATA_DIR", "/tmp/kept")).dataDir())
                .isEqualTo(java.nio.file.Path.of("/tmp/kept"));
        EmulatorConfig withoutDir = Settings.from(new String[0], Map.of("LOCALSTACK_PERSISTENCE", "1"));
        assertThat(withoutDir.persistent()).isTrue();
        assertThat(withoutDir.dataDir()).isEqualTo(Settings.DEFAULT_PERSISTENT_DATA);
        assertThat(Settings.from(new String[0], Map.of()).dataDir()).isNull();
        assertThat(Settings.from(new String[0], Map.of("PERSISTENCE", "0")).persistent()).isFalse();
    }

    @Test
    void debugMeansLogLevelDebug() {
        assertThat(Settings.logLevel(Map.of())).isNull();
        assertThat(Settings.logLevel(Map.of("DEBUG", "1"))).isEqualTo("DEBUG");
        assertThat(Settings.logLevel(Map.of("LOCALSTACK_DEBUG", "1"))).isEqualTo("DEBUG");
        assertThat(Settings.logLevel(Map.of("DEBUG", "0"))).isNull();
        assertThat(Settings.logLevel(Map.of("DEBUG", "1", "LOG_LEVEL", "TRACE"))).isEqualTo("TRACE");
    }

    @Test
    void defaultAccountIdChoosesTheDefaultAccount() {
        assertThat(Settings.from(new String[0], Map.of()).defaultAccount()).isEqualTo("000000000000");
        assertThat(Settings.from(new String[0], Map.of("DEFAULT_ACCOUNT_ID", "123456789012")).defaultAccount()).isEqualTo("123456789012");
        assertThatThrownBy(() -> Settings.from(new String[0], Map.of("DEFAULT_ACCOUNT_ID", "12345")))
                .hasMessageContaining("DEFAULT_ACCOUNT_ID");
    }

    @Test
    void theRootKeyPairIsASetting() {
        var custom = io.cloudjar.core.auth.DefaultCredentials.of(Settings.from(new String[0],
                Map.of("CLOUDJAR_ROOT_ACCESS_KEY_ID", "AKIAROOT", "CLOUDJAR_ROOT_SECRET_ACCESS_KEY", "s3cret")));
        assertThat(custom.resolveRoot("AKIAROOT")).hasValueSatisfying(p -> assertThat(p.secretAccessKey()).isEqualTo("s3cret"));
        assertThat(custom.resolveRoot("123456789012")).hasValueSatisfying(p -> assertThat(p.accountId()).isEqualTo("123456789012"));
        assertThat(custom.resolveRoot("test")).isEmpty();
        var byDefault = io.cloudjar.core.auth.DefaultCredentials.of(Settings.from(new String[0], Map.of()));
        assertThat(byDefault.resolveRoot("test")).hasValueSatisfying(p -> assertThat(p.secretAccessKey()).isEqualTo("test"));
        assertThatThrownBy(() -> Settings.from(new String[0], Map.of("CLOUDJAR_ROOT_SECRET_ACCESS_KEY", " ")))
                .hasMessageContaining("CLOUDJAR_ROOT_SECRET_ACCESS_KEY");
    }
}
