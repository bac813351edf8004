package io.cloudjar.testcontainers;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Cloudjar's Docker image as a Testcontainers container:
 * <pre>{@code
 * @Container
 * static final CloudjarContainer CLOUDJAR = new CloudjarContainer().withServices("s3", "iam");
 *
 * S3Client s3 = S3Client.builder()
 *         .endpointOverride(CLOUDJAR.getEndpoint())
 *         .region(Region.of(CLOUDJAR.getRegion()))
 *         .credentialsProvider(StaticCredentialsProvider.create(
 *                 AwsBasicCredentials.create(CLOUDJAR.getAccessKey(), CLOUDJAR.getSecretKey())))
 *         .forcePathStyle(true)
 *         .build();
 * }</pre>
 * The container listens on {@value #PORT} and is ready when it logs {@code Ready.}.
 */
public class CloudjarContainer extends GenericContainer<CloudjarContainer> {
    /** The image {@code docker build -f docker/Dockerfile -t cloudjar/cloudjar .} makes. */
    public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("cloudjar/cloudjar");
    public static final String DEFAULT_TAG = "latest";
    public static final int PORT = 4566;

    private static final String ACCESS_KEY = "test";
    private static final String SECRET_KEY = "test";
    private String region = "us-east-1";

    public CloudjarContainer() {
        this(DEFAULT_IMAGE_NAME.withTag(DEFAULT_TAG));
    }

    /** Another tag or registry of the image, e.g. {@code "ghcr.io/me/cloudjar:0.1.0"}. */
    public CloudjarContainer(String image) {
        this(DockerImageName.parse(image));
    }

    public CloudjarContainer(DockerImageName image) {
        super(image);
        image.assertCompatibleWith(DEFAULT_IMAGE_NAME);
        withExposedPorts(PORT);
        waitingFor(Wait.forLogMessage(".*Ready\\.\\n", 1));
    }

    /** Starts only these APIs ({@code SERVICES=s3,iam}); by default every one runs. */
    public CloudjarContainer withServices(String... apis) {
        return withEnv("SERVICES", Arrays.stream(apis).map(s -> s.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(",")));
    }

    /** Evaluates IAM policies on every call ({@code ENFORCE_IAM=1}). */
    public CloudjarContainer withEnforcedIam() {
        return withEnv("ENFORCE_IAM", "1");
    }

    /** The region the emulator defaults to ({@code DEFAULT_REGION}) and {@link #getRegion()} answers. */
    public CloudjarContainer withRegion(String newRegion) {
        region = newRegion;
        return withEnv("DEFAULT_REGION", newRegion);
    }

    /** {@code http://<docker host>:<mapped port>}: the endpoint override for every SDK client and the CLI. */
    public URI getEndpoint() {
        return URI.create("http://" + getHost() + ":" + getMappedPort(PORT));
    }

    public String getAccessKey() {
        return ACCESS_KEY;
    }

    public String getSecretKey() {
        return SECRET_KEY;
    }

    public String getRegion() {
        return region;
    }
}
