package io.cloudjar.core.spi;

/**
 * A plain-HTTP endpoint of Cloudjar's own under {@code /_cloudjar/}, answered before any AWS routing, for what
 * is not an AWS API call: the EC2 instance metadata service ({@code /_cloudjar/ec2/<instance-id>/latest/...})
 * is one. A {@link ServiceProvider} that also implements this interface is asked for every request whose path
 * starts with {@link #pathPrefix()} (the longest declared prefix wins); it never sees HTTP itself, only a
 * {@link PlainRequest}, and answers a {@link PlainResponse} that the core writes.
 */
public interface InternalResource {
    /**
     * The path prefix served, starting with {@code /_cloudjar/} and ending with {@code /}, e.g.
     * {@code /_cloudjar/ec2/}.
     */
    String pathPrefix();

    /**
     * Answers one request. Runs on a worker thread and may block briefly; must not throw for bad input (answer
     * a 4xx instead). Request bodies are not offered: these resources take their input from the method, path,
     * query and headers.
     */
    PlainResponse handle(PlainRequest request);
}
