package io.cloudjar.core.spi;

/**
 * A service module's entry point, found with {@link java.util.ServiceLoader}. Besides these methods a
 * provider declares one public method per operation it implements, named and typed as the SDK client's:
 * <pre>{@code CreateVpcResponse createVpc(RequestContext ctx, CreateVpcRequest request)}</pre>
 * Several providers may serve one API (service-vpc and service-ec2 both serve {@code ec2}); operations
 * nobody implements answer a clear {@code NotImplemented} error.
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
