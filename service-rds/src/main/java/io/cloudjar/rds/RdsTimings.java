package io.cloudjar.rds;

import io.cloudjar.core.config.EmulatorConfig;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * How long RDS's transitions take on the emulator clock: seconds by default, as EC2's, so `rds wait` and scripts
 * finish quickly (a real server still holds "creating" until it accepts connections); {@code RDS_TRANSITION_SCALE}
 * is a factor (0: instant; 60 for the order of minutes AWS takes).
 */
record RdsTimings(Duration creating, Duration backingUp, Duration modifying, Duration rebooting, Duration stopping,
                  Duration starting, Duration deleting, Duration snapshot) {

    static RdsTimings from(EmulatorConfig config) {
        double scale = scale(config.env("RDS_TRANSITION_SCALE", "1"));
        return new RdsTimings(scaled(3, scale), scaled(1, scale), scaled(2, scale), scaled(1, scale), scaled(2, scale),
                scaled(2, scale), scaled(2, scale), scaled(2, scale));
    }

    private static double scale(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            LoggerFactory.getLogger(RdsTimings.class).warn("RDS_TRANSITION_SCALE={} is not a number; using 1", text);
            return 1;
        }
    }

    private static Duration scaled(long seconds, double scale) {
        return Duration.ofMillis(Math.round(seconds * 1000 * Math.max(0, scale)));
    }
}
