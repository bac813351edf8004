package io.cloudjar.ec2;

import io.cloudjar.core.config.EmulatorConfig;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * How long EC2's transitions take on the emulator clock: short by default so waiters and scripts finish
 * quickly, longer (or zero) with {@code EC2_TRANSITION_SCALE} (a factor: 0 makes every transition instant).
 */
record Ec2Timings(Duration volumeCreate, Duration attach, Duration detach, Duration snapshot, Duration image,
                  Duration volumeModification, Duration instanceBoot, Duration instanceStop, Duration instanceTerminate,
                  Duration statusChecks) {
    /** How long a terminated instance stays visible, as on AWS (not scaled: it is not a transition). */
    static final Duration TERMINATED_VISIBLE = Duration.ofHours(1);

    static Ec2Timings from(EmulatorConfig config) {
        double scale = scale(config.env("EC2_TRANSITION_SCALE", "1"));
        return new Ec2Timings(scaled(1, scale), scaled(1, scale), scaled(1, scale), scaled(5, scale), scaled(5, scale),
                scaled(5, scale), scaled(1, scale), scaled(1, scale), scaled(1, scale), scaled(2, scale));
    }

    private static double scale(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            LoggerFactory.getLogger(Ec2Timings.class).warn("EC2_TRANSITION_SCALE={} is not a number; using 1", text);
            return 1;
        }
    }

    private static Duration scaled(long seconds, double scale) {
        return Duration.ofMillis(Math.round(seconds * 1000 * Math.max(0, scale)));
    }
}
