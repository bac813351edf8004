package io.cloudjar.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.config.EmulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServedHostsTest {
    private final ServedHosts defaults = ServedHosts.of(EmulatorConfig.forTests());

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "LOCALHOST", "localhost.", "my-bucket.localhost", "my-bucket.s3.localhost",
            "127.0.0.1", "10.1.2.3", "172.17.0.2", "[::1]", "[fe80::1%25eth0]", "s3.localhost.localstack.cloud",
            "my-bucket.s3.localhost.localstack.cloud", "localhost.localstack.cloud", "s3.amazonaws.com", "bucket.s3.amazonaws.com",
            "my.bucket.s3.eu-west-1.amazonaws.com", "ec2.us-west-2.amazonaws.com", "s3.cn-north-1.amazonaws.com.cn"})
    void servesLocalNamesAwsNamesAndAddresses(String host) {
        assertThat(defaults.serves(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "localhost.evil.example", "amazonaws.com.evil.example", "cloudjar", "a b", "[::1",
            "127.0.0.1.nip.io", "evil-amazonaws.com"})
    void refusesNamesAPageCouldRebind(String host) {
        assertThat(defaults.serves(host)).isFalse();
    }

    @Test
    void configuredNamesAreServedAndLocal() {
        EmulatorConfig config = EmulatorConfig.forTests().withEnv(ServedHosts.ALLOWED_HOSTS, " cloudjar , *.internal.test,")
                .withEnv("LOCALSTACK_HOST", "stack.example:4566");
        ServedHosts hosts = ServedHosts.of(config);
        for (String host : new String[] {"cloudjar", "CloudJar", "s3.internal.test", "stack.example"}) {
            assertThat(hosts.serves(host)).as(host).isTrue();
            assertThat(hosts.isLocal(host)).as(host).isTrue();
        }
        assertThat(hosts.serves("internal.test.evil")).isFalse();
        assertThat(ServedHosts.of(EmulatorConfig.forTests().withEnv(ServedHosts.ALLOWED_HOSTS, "*")).serves("anything.example")).isTrue();
    }

    @Test
    void pagesOfAwsNamesOrOtherAddressesAreNotLocal() {
        assertThat(defaults.isLocal("localhost")).isTrue();
        assertThat(defaults.isLocal("127.0.0.1")).isTrue();
        assertThat(defaults.isLocal("app.localhost")).isTrue();
        assertThat(defaults.isLocal("evil-site.s3-website-us-east-1.amazonaws.com")).as("anyone can host a page on S3").isFalse();
        assertThat(defaults.isLocal("app.localstack.cloud")).isFalse();
        assertThat(defaults.isLocal("192.168.1.7")).isFalse();
    }
}
