package io.cloudjar.core.pipeline;

import io.cloudjar.core.errors.AwsErrors;
import io.cloudjar.core.routing.ServedHosts;

/**
 * Refuses a call whose Host header names a host this server does not serve ({@link ServedHosts}): what a page
 * gets after DNS rebinding its own name to 127.0.0.1. Checked once the API is known, so the error takes the API's
 * shape and the client shows its message; routing reads nothing but headers and a form, and changes nothing.
 */
final class CheckHost implements Stage {
    private final ServedHosts hosts;

    CheckHost(ServedHosts hosts) {
        this.hosts = hosts;
    }

    @Override
    public void apply(RequestContext ctx) {
        String host = ctx.request().hostName();
        if (!hosts.serves(host)) {
            throw AwsErrors.badRequest("InvalidHostHeader", refusal(host));
        }
    }

    /** What a client is told, so a container name not yet allowed is easy to fix. */
    static String refusal(String host) {
        return "The Host header names '" + host + "', which this server does not serve; list it in "
                + ServedHosts.ALLOWED_HOSTS + " (comma-separated) to accept it.";
    }
}
