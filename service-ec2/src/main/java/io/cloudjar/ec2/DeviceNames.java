package io.cloudjar.ec2;

import io.cloudjar.vpc.api.Ec2Errors;
import java.util.regex.Pattern;

/**
 * Which names a volume may be attached under: Linux {@code /dev/sd[b-z]}, {@code /dev/xvd[b-z]} (optionally
 * two letters or a partition number) and Windows {@code xvd[b-z]}, as EC2's device-naming rules allow.
 */
final class DeviceNames {
    private static final Pattern VALID = Pattern.compile("/dev/(sd|xvd|hd)[a-z]{1,2}[0-9]{0,2}|xvd[a-z]{1,2}|/dev/nvme[0-9]+n1");

    private DeviceNames() {
    }

    static String check(String device) {
        if (device == null || !VALID.matcher(device).matches()) {
            throw Ec2Errors.of("InvalidParameterValue#deviceName", device, device);
        }
        return device;
    }

    /** {@code /dev/sda1}, {@code sda1} and {@code /dev/xvda} name the same slot on many instances. */
    static boolean sameSlot(String a, String b) {
        return normalise(a).equals(normalise(b));
    }

    private static String normalise(String device) {
        String d = device.startsWith("/dev/") ? device.substring(5) : device;
        d = d.startsWith("xvd") ? "sd" + d.substring(3) : d;
        return d.replaceAll("[0-9]+$", "");
    }
}
