package io.cloudjar.core.testing;

import io.cloudjar.core.config.EmulatorConfig;
import io.cloudjar.core.server.CloudjarServer;
import io.cloudjar.core.util.EmulatorClock;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * Starts a Cloudjar server on a free port for a test class and builds real SDK v2 clients against it:
 * <pre>{@code
 * @RegisterExtension static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();
 * Ec2Client ec2 = cloudjar.client(Ec2Client.builder());
 * }</pre>
 * The server runs the providers found on the test class path, so a service module tests itself alone.
 *
 * <p>The emulator clock stands still at the second the server started: nothing timed happens unless the test
 * moves it ({@link #advanceClock}), so mid-transition states are exact and a slow machine cannot complete
 * them early. Test classes whose clients keep time themselves (Terraform polling, {@code aws s3 sync}
 * comparing file times, presigned URLs, authenticator codes computed from the local clock) run on the wall
 * clock with {@code withClock(Clock.systemUTC())}, and move it as well.
 */
public final class CloudjarServerExtension implements BeforeAllCallback, AfterAllCallback {
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";

    private EmulatorConfig config = EmulatorConfig.forTests();
    private Clock baseClock;
    private CloudjarServer server;

    public CloudjarServerExtension withServices(String... apis) {
        config = config.withServices(Set.of(apis));
        return this;
    }

    /** Starts the server as if {@code name=value} were in its environment. */
    public CloudjarServerExtension withEnv(String name, String value) {
        config = config.withEnv(name, value);
        return this;
    }

    /** Keeps S3 bodies and other files under {@code dir}, for tests that look at what is stored. */
    public CloudjarServerExtension withDataDir(java.nio.file.Path dir) {
        config = config.withDataDir(dir);
        return this;
    }

    /** Starts the server as {@code ENFORCE_IAM=1} does: every key's signature verified, every call authorized. */
    public CloudjarServerExtension withEnforceIam() {
        config = config.withEnforceIam(true);
        return this;
    }

    /** Starts the server with another default account, as {@code DEFAULT_ACCOUNT_ID} does. */
    public CloudjarServerExtension withDefaultAccount(String account) {
        config = config.withDefaultAccount(account);
        return this;
    }

    /** The clock the emulator clock's offset is added to, instead of one fixed at the server's start. */
    public CloudjarServerExtension withClock(Clock base) {
        baseClock = base;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Clock base = baseClock != null ? baseClock
                : Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
        server = CloudjarServer.start(config, base);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    public CloudjarServer server() {
        return server;
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + server.port());
    }

    public int port() {
        return server.port();
    }

    /** An SDK client for the test server, signed with {@code test}/{@code test} in us-east-1. */
    public <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
        return client(builder, Region.US_EAST_1, ACCESS_KEY, SECRET_KEY);
    }

    public <B extends AwsClientBuilder<B, C>, C> C client(B builder, Region region, String accessKey, String secretKey) {
        return builder.endpointOverride(endpoint())
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .build();
    }

    /** The server's emulator clock: {@code clock().now()} is the time every timed state is read against. */
    public EmulatorClock clock() {
        return server.runtime().clock();
    }

    /** Moves the emulator clock forward, as {@code POST /_cloudjar/clock} does: transitions then due have happened. */
    public void advanceClock(Duration duration) {
        clock().advance(duration);
    }

    /** Wipes all state, as {@code POST /moto-api/reset} does (the clock keeps its time). */
    public void reset() {
        server.runtime().reset();
    }
}
