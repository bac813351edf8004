package io.cloudjar.core.spi;

/**
 * A service module's entry point, found with {@link java.util.ServiceLoader}. Besides these methods a
 * provider declares one public method per operation it implements, named and typed as the SDK client's:
 * <pre>{@code CreateVpcResponse createVpc(CallContext ctx, CreateVpcRequest request)}</pre>
 * (a streaming upload such as S3 PutObject takes the body as a third argument, a {@link StreamingPayload}; a
 * result with a streamed body returns a {@link Reply}). The server checks these methods when it starts and
 * refuses to start when a public method names no operation of the API or two implement one; methods that
 * implement an interface (a seam for other modules) are not operations. Several providers may serve one API
 * (service-vpc and service-ec2 both serve {@code ec2}); operations nobody implements answer a clear
 * {@code NotImplemented} error.
 */
public interface ServiceProvider {
    /** The API this provider serves, as named in the model index: ec2, iam, sts, s3, rds, lightsail. */
    String api();

    /** Called once before the server accepts calls; keep it cheap (start-up must stay under a second). */
    default void init(ServiceContext context) {
    }

    /** Called when the server stops. */
    default void close() {
    }
}
