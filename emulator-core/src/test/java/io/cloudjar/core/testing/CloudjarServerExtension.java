package io.cloudjar.core.testing;

import io.cloudjar.core.config.EmulatorConfig;
import io.cloudjar.core.server.CloudjarServer;
import java.net.URI;
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
 */
public final class CloudjarServerExtension implements BeforeAllCallback, AfterAllCallback {
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";

    private EmulatorConfig config = EmulatorConfig.forTests();
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

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = CloudjarServer.start(config);
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

    /** Wipes all state, as {@code POST /moto-api/reset} does. */
    public void reset() {
        server.runtime().reset();
    }
}
