package io.cloudjar.lightsail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.ContainerServiceLogEvent;

/**
 * What a container's log can honestly hold here: Cloudjar runs no containers, so there is no application output, only
 * the lines Lightsail's deployment system writes to a container's log as each deployment that runs the container
 * moves on ({@code [deployment:2] Creating your deployment}, then started and steady once it is active), dated on
 * the emulator clock.
 */
final class ContainerLogs {
    private ContainerLogs() {
    }

    /** The container's log up to {@code now}, oldest first; empty when no deployment ever ran it. */
    static List<ContainerServiceLogEvent> of(ContainerServiceRecord service, String container, Instant now) {
        List<ContainerServiceLogEvent> events = new ArrayList<>();
        for (ContainerDeploymentRecord d : service.deployments()) {
            if (!d.containers().containsKey(container)) {
                continue;
            }
            String prefix = "[deployment:" + d.version() + "] ";
            add(events, d.createdAt(), now, prefix + "Creating your deployment");
            add(events, d.activeAt(), now, prefix + "Started " + service.scale() + " new node" + (service.scale() == 1 ? "" : "s"));
            add(events, d.activeAt(), now, prefix + "Started deployment");
            add(events, d.activeAt(), now, prefix + "Took " + Duration.between(d.createdAt(), d.activeAt()).toSeconds() + " seconds");
            add(events, d.activeAt(), now, prefix + "Reached a steady state");
        }
        events.sort(Comparator.comparing(ContainerServiceLogEvent::createdAt));
        return events;
    }

    static boolean everRan(ContainerServiceRecord service, String container) {
        return service.deployments().stream().anyMatch(d -> d.containers().containsKey(container));
    }

    /**
     * CloudWatch Logs' filter pattern on plain text: every term must occur ({@code "quoted phrase"} as one term),
     * a {@code -term} must not, and {@code ?term}s match when any of them occurs. Case-sensitive, as CloudWatch's.
     */
    static boolean matches(String message, String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return true;
        }
        boolean anyOptional = false;
        boolean optionalFound = false;
        java.util.regex.Matcher terms = java.util.regex.Pattern.compile("([-?]?)(\"[^\"]*\"|\\S+)").matcher(pattern);
        while (terms.find()) {
            String term = terms.group(2).startsWith("\"") ? terms.group(2).substring(1, terms.group(2).length() - 1) : terms.group(2);
            switch (terms.group(1)) {
                case "-" -> {
                    if (message.contains(term)) {
                        return false;
                    }
                }
                case "?" -> {
                    anyOptional = true;
                    optionalFound |= message.contains(term);
                }
                default -> {
                    if (!message.contains(term)) {
                        return false;
                    }
                }
            }
        }
        return !anyOptional || optionalFound;
    }

    private static void add(List<ContainerServiceLogEvent> events, Instant at, Instant now, String message) {
        if (!at.isAfter(now)) {
            events.add(ContainerServiceLogEvent.builder().createdAt(at).message(message).build());
        }
    }
}
