package io.cloudjar.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back the memory start-up used and idle does not need, once, right after {@code Ready.}. Start-up allocates
 * ~300 MB (loading the SDK classes of six APIs' providers, operation tables, authorization rules) and leaves G1 with
 * ~100-190 MB committed of which ~15-18 MB is live; G1 keeps the touched regions, and a plain full GC does not shrink
 * the heap while less than {@code MaxHeapFreeRatio} (70%) of it is free. Users start {@code java -jar cloudjar.jar} with no
 * flags, so the two free-ratio flags (both "manageable": settable at run time) are lowered for one full GC, which
 * uncommits what is free, and restored at once so that later GCs size the heap as the JVM's defaults (or the user's
 * flags) say; the heap grows again on demand. (Trimming glibc's malloc arenas as well, through the DiagnosticCommand
 * MBean, was measured and dropped: loading the platform MBean server cost as much as it gave back.)
 */
final class IdleFootprint {
    private static final Logger LOG = LoggerFactory.getLogger(IdleFootprint.class);
    /** The free ratios used for the one shrinking GC: the heap is left ~20% above what is live. */
    private static final Map<String, String> SHRINKING = Map.of("MinHeapFreeRatio", "10", "MaxHeapFreeRatio", "20");

    private IdleFootprint() {
    }

    /** Starts the trim on a daemon thread, so that {@code Ready.} and the first calls need not wait for it. */
    static void trimInBackground() {
        Thread trim = new Thread(IdleFootprint::trim, "cloudjar-idle-trim");
        trim.setDaemon(true);
        trim.setPriority(Thread.MIN_PRIORITY);
        trim.start();
    }

    /** Shrinks the heap to little more than its live part; the JVM's flags are as before afterwards. */
    static void trim() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            String min = vm.getVMOption("MinHeapFreeRatio").getValue();
            String max = vm.getVMOption("MaxHeapFreeRatio").getValue();
            try {
                // the JVM checks min <= max on every set: lower min first, and raise max first when restoring
                vm.setVMOption("MinHeapFreeRatio", lower(min, SHRINKING.get("MinHeapFreeRatio")));
                vm.setVMOption("MaxHeapFreeRatio", lower(max, SHRINKING.get("MaxHeapFreeRatio")));
                System.gc(); // a full GC: G1 uncommits the regions above the lowered ratio (no-op with -XX:+DisableExplicitGC)
            } finally {
                vm.setVMOption("MaxHeapFreeRatio", max);
                vm.setVMOption("MinHeapFreeRatio", min);
            }
        } catch (RuntimeException | LinkageError notThisJvm) { // no HotSpot management (a trimmed runtime): keep the heap
            LOG.debug("heap not trimmed after start-up: {}", notThisJvm.toString());
        }
    }

    /** The smaller of the flag's current value and the shrinking one: a user's lower ratio stays. */
    private static String lower(String current, String shrinking) {
        return String.valueOf(Math.min(Integer.parseInt(current), Integer.parseInt(shrinking)));
    }
}
