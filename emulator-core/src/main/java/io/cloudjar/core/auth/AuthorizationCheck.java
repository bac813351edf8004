package io.cloudjar.core.auth;

import java.util.List;
import java.util.Map;

/** One question a call puts to the authorizer, rendered from an {@link AuthorizationRule} and the call's input. */
public record AuthorizationCheck(String action, List<String> resources, Map<String, List<String>> contextKeys) {
}
