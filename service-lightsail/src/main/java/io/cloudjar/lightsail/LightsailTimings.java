package io.cloudjar.lightsail;

import io.cloudjar.core.config.EmulatorConfig;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * How long Lightsail's transitions take on the emulator clock: seconds by default, as EC2's and RDS's, so scripts
 * that wait finish quickly; {@code LIGHTSAIL_TRANSITION_SCALE} multiplies them (0: instant; 20 comes near AWS).
 */
record LightsailTimings(Duration pending, Duration stopping, Duration rebooting, Duration snapshot, Duration disk) {

    static LightsailTimings from(EmulatorConfig config) {
        double scale = scale(config.env("LIGHTSAIL_TRANSITION_SCALE", "1"));
        return new LightsailTimings(scaled(3, scale), scaled(2, scale), scaled(1, scale), scaled(2, scale), scaled(1, scale));
    }

    private static double scale(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            LoggerFactory.getLogger(LightsailTimings.class).warn("LIGHTSAIL_TRANSITION_SCALE={} is not a number; using 1", text);
            return 1;
        }
    }

    private static Duration scaled(long seconds, double scale) {
        return Duration.ofMillis(Math.round(seconds * 1000 * Math.max(0, scale)));
    }
}
