package io.cloudjar.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against an in-process Cloudjar on a free port:
 * <pre>{@code
 * @Cloudjar(services = {"s3", "iam"}, resetBetweenTests = true)
 * class MyTest {
 *     @Test void upload(S3Client s3, URI endpoint) { ... }
 * }
 * }</pre>
 * Test methods, lifecycle methods and constructors may take any AWS SDK v2 client ({@code S3Client},
 * {@code Ec2Client}, {@code IamClient}, {@code StsClient}, ...; any {@code SdkClient} subtype with a static
 * {@code builder()}), the endpoint {@link java.net.URI} and the {@link io.cloudjar.core.server.CloudjarServer}.
 * Clients use the endpoint, region {@code us-east-1} and static credentials {@code test}/{@code test}; S3 clients use
 * path-style addressing. See {@link CloudjarExtension} for the same settings in code.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(CloudjarExtension.class)
public @interface Cloudjar {

    /** APIs to start ({@code SERVICES=s3,iam}); empty starts every one. */
    String[] services() default {};

    /** Evaluates IAM policies on every call ({@code ENFORCE_IAM=1}). */
    boolean enforceIam() default false;

    /** More environment settings of the server, each {@code NAME=value} (e.g. {@code EC2_TRANSITION_SCALE=0}). */
    String[] env() default {};

    /** Wipes all state before every test, as {@code POST /moto-api/reset} does. */
    boolean resetBetweenTests() default false;

    /** One server for this class (default) or one shared by every class of the run with the same settings. */
    Lifecycle lifecycle() default Lifecycle.PER_CLASS;

    /** How long a server lives. */
    enum Lifecycle {
        /** Started before the class's first test, stopped after its last. */
        PER_CLASS,
        /**
         * Started by the first class that asks for it and stopped when the whole run ends (kept in the root
         * {@code ExtensionContext.Store}); classes with the same settings share it.
         */
        PER_SUITE
    }
}
