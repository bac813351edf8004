package io.cloudjar.core.auth;

import java.util.List;
import java.util.Map;

/**
 * One question to the authorizer: may {@code principal} do {@code action} (e.g. {@code ec2:CreateVpc}) on
 * {@code resources} (ARNs, or {@code *}), given the request's condition keys ({@code aws:SourceIp}, ...).
 */
public record AuthorizationRequest(
        Principal principal,
        String action,
        List<String> resources,
        Map<String, List<String>> contextKeys,
        String region) {
}
