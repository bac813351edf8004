package io.cloudjar.core.auth;

import java.util.Optional;

/**
 * The fields of an ARN ({@code arn:partition:service:region:account:resource}); the resource part keeps its own
 * separators ({@code instance/i-0…}, {@code user/team/bob}, {@code bucket/key:with:colons}).
 */
public record Arn(String partition, String service, String region, String account, String resource) {
    public static Optional<Arn> parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn")) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    /** The resource part after its type ({@code i-0…} of {@code instance/i-0…}, {@code bob} of {@code user/team/bob}). */
    public String resourceName() {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }
}
