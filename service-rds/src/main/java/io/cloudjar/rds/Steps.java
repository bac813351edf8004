package io.cloudjar.rds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A resource's status on the emulator clock: transitional statuses each lasting a while (creating, then
 * backing-up), then a settled one (available). Nothing is scheduled; the status is derived when read, so moving
 * the clock completes every transition it passes.
 */
record Steps(List<Step> steps, String settled) {
    record Step(String status, Instant until) {
    }

    static Steps settled(String status) {
        return new Steps(List.of(), status);
    }

    /** Starting at {@code start}: alternating status names and durations, then the settled status. */
    static Steps from(Instant start, Object... statusesAndDurations) {
        List<Step> steps = new ArrayList<>();
        Instant at = start;
        for (int i = 0; i + 1 < statusesAndDurations.length; i += 2) {
            at = at.plus((Duration) statusesAndDurations[i + 1]);
            steps.add(new Step((String) statusesAndDurations[i], at));
        }
        return new Steps(List.copyOf(steps), (String) statusesAndDurations[statusesAndDurations.length - 1]);
    }

    String status(Instant now) {
        for (Step step : steps) {
            if (now.isBefore(step.until())) {
                return step.status();
            }
        }
        return settled;
    }

    /**
     * The status of a resource with a real server behind it: the clock's, held at the last transitional status until
     * the server accepts connections, "failed" when it never will.
     */
    String status(Instant now, io.cloudjar.rds.engine.RunningDatabase database) {
        String status = status(now);
        if (database != null && isSettled(now) && "available".equals(status)) {
            if (database.failure().isPresent()) {
                return "failed";
            }
            if (!database.ready()) {
                return steps.isEmpty() ? "creating" : steps.get(steps.size() - 1).status();
            }
        }
        return status;
    }

    boolean isSettled(Instant now) {
        return steps.isEmpty() || !now.isBefore(steps.get(steps.size() - 1).until());
    }
}
