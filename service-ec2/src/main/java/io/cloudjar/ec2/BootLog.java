package io.cloudjar.ec2;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * The console text of a booted Linux instance: kernel lines, cloud-init's network summary and the user data
 * script it ran (each line as cloud-init echoes it), as a learner sees in "Get system log". Nothing runs the
 * script; the log shows what the instance was given.
 */
final class BootLog {
    private static final DateTimeFormatter CLOUD_INIT = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss '+0000'")
            .withLocale(java.util.Locale.ROOT).withZone(ZoneOffset.UTC);

    private BootLog() {
    }

    static String of(InstanceRecord record, Instance instance, Instant booted) {
        StringBuilder log = new StringBuilder();
        log.append("[    0.000000] Linux version 6.5.0-1022-aws (buildd@lcy02-amd64-012) #22~22.04.1-Ubuntu SMP\n");
        log.append("[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz root=LABEL=cloudimg-rootfs ro console=tty1 console=ttyS0\n");
        log.append("[    0.000000] DMI: Xen HVM domU, BIOS 4.11.amazon 08/24/2006\n");
        log.append("[    1.234567] EXT4-fs (xvda1): mounted filesystem with ordered data mode.\n");
        log.append("Cloud-init v. 23.4.4 running 'init' at ").append(CLOUD_INIT.format(booted)).append(". Up 6.31 seconds.\n");
        log.append("ci-info: ++++++++++++++++++++++++++++++++++++Net device info+++++++++++++++++++++++++++++++++++++\n");
        log.append("ci-info: | Device |  Up  |   Address    |      Mask     | Scope  |     Hw-Address    |\n");
        if (instance.privateIpAddress() != null) {
            String mac = instance.networkInterfaces().isEmpty() ? "" : instance.networkInterfaces().get(0).macAddress();
            log.append("ci-info: |  eth0  | True | ").append(instance.privateIpAddress()).append(" | 255.255.240.0 | global | ")
                    .append(mac).append(" |\n");
        }
        String script = userData(record.settings().userData());
        if (script != null) {
            log.append("Cloud-init v. 23.4.4 running 'modules:final' at ").append(CLOUD_INIT.format(booted)).append(". Up 12.08 seconds.\n");
            log.append("cloud-init[1024]: running user data script (part-001):\n");
            for (String line : script.split("\n", -1)) {
                log.append("cloud-init[1024]: ").append(line).append('\n');
            }
        }
        log.append("-----BEGIN SSH HOST KEY FINGERPRINTS-----\n");
        log.append("256 SHA256:").append(hostKey(record.instanceId())).append(" root@")
                .append(instance.privateDnsName().isEmpty() ? "localhost" : instance.privateDnsName().split("\\.")[0])
                .append(" (ED25519)\n");
        log.append("-----END SSH HOST KEY FINGERPRINTS-----\n");
        log.append("Cloud-init v. 23.4.4 finished at ").append(CLOUD_INIT.format(booted))
                .append(". Datasource DataSourceEc2Local.  Up 14.02 seconds\n");
        return log.toString();
    }

    /** User data as text when it is a script or cloud-config, else null (binary or absent). */
    private static String userData(String base64) {
        if (base64 == null) {
            return null;
        }
        String text = new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
        return text.startsWith("#!") || text.startsWith("#cloud-config") ? text.stripTrailing() : null;
    }

    /** A stable host-key fingerprint per instance. */
    private static String hostKey(String instanceId) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(instanceId.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
