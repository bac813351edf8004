package io.cloudjar.ec2;

import io.cloudjar.vpc.api.DataFiles;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public AMIs a learner finds in every region: Ubuntu (Canonical), Amazon Linux 2 and 2023, Debian and
 * Windows Server, read from {@code cloudjar/ec2/images.tsv} on first use. As on AWS, one image has a
 * different id in each region; ids (and their root snapshots' ids) are derived from region and name, so
 * they are stable across restarts.
 */
final class ImageCatalog {
    private static final String RESOURCE = "/cloudjar/ec2/images.tsv";
    private static final String OWNER_ALIAS = "amazon";
    private static final Map<String, Map<String, ImageRecord>> BY_REGION = new ConcurrentHashMap<>();

    private ImageCatalog() {
    }

    static List<ImageRecord> forRegion(String region) {
        return List.copyOf(images(region).values());
    }

    static Optional<ImageRecord> byId(String region, String imageId) {
        return Optional.ofNullable(images(region).get(imageId));
    }

    private static Map<String, ImageRecord> images(String region) {
        return BY_REGION.computeIfAbsent(region, r -> {
            Map<String, ImageRecord> byId = new LinkedHashMap<>();
            for (String[] row : Rows.ALL) {
                ImageRecord image = image(r, row);
                byId.put(image.imageId(), image);
            }
            return Map.copyOf(byId);
        });
    }

    private static ImageRecord image(String region, String[] c) {
        String name = c[0];
        boolean windows = c[4].equals("windows");
        List<ImageRecord.Device> devices = new ArrayList<>();
        devices.add(new ImageRecord.Device(c[5], null, "snap-" + derivedHex(region + "/" + name + "/" + c[5]),
                Integer.parseInt(c[6]), c[7], true, false));
        int ephemeral = Integer.parseInt(c[8]);
        for (int i = 0; i < ephemeral; i++) {
            devices.add(new ImageRecord.Device("/dev/sd" + (char) ('b' + i), "ephemeral" + i, null, null, null, null, null));
        }
        Instant created = Instant.parse(c[11]);
        return new ImageRecord("ami-" + derivedHex(region + "/" + name), c[1], OWNER_ALIAS, name, c[2], c[3],
                windows ? "windows" : null, windows ? "Windows" : "Linux/UNIX", windows ? "RunInstances:0002" : "RunInstances",
                c[5], devices, created, dash(c[9]), dash(c[10]), true, Set.of(), Map.of(), Lifecycle.done(created), null, null);
    }

    private static String dash(String value) {
        return value.equals("-") ? null : value;
    }

    /** 17 hex digits starting with 0, the shape of current AMI and snapshot ids. */
    private static String derivedHex(String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return "0" + HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The data file, read once on first use (holder idiom keeps start-up free of it). */
    private static final class Rows {
        static final List<String[]> ALL = DataFiles.tsv(RESOURCE);
    }
}
