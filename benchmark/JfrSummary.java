import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples and allocations went: the methods with the most samples on top of the stack
 * (self), the methods of a package with the most samples anywhere on the stack (inclusive), and the allocated bytes
 * (jdk.ObjectAllocationSample weights) in total and by the allocating method of that package.
 * With a method ({@code Class.method}) as fourth argument, also where the samples under it went: its direct callees.
 * {@code -Dwindow=requests,startMillis,endMillis} (S3Bench's {@code *_window} line) adds the bytes allocated per request in
 * that window, and with {@code -Dsamples.inWindow=true} counts only that window's CPU samples. {@code java benchmark/JfrSummary.java recording.jfr [package-prefix] [top] [focus-method]}
 */
public final class JfrSummary {
    public static void main(String[] args) throws Exception {
        String prefix = args.length > 1 ? args[1] : "io.cloudjar.";
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> allocatedBy = new HashMap<>();
        String focus = args.length > 3 ? args[3] : null;
        Map<String, Long> callees = new HashMap<>();
        long samples = 0;
        long allocated = 0;
        String[] window = System.getProperty("window", "0,0,0").split(",");
        long windowRequests = Long.parseLong(window[0]);
        long windowStart = Long.parseLong(window[1]);
        long windowEnd = Long.parseLong(window[2]);
        boolean samplesInWindow = Boolean.getBoolean("samples.inWindow");
        long allocatedInWindow = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            boolean inWindow = !samplesInWindow
                    || (event.getStartTime().toEpochMilli() >= windowStart && event.getStartTime().toEpochMilli() < windowEnd);
            if (type.equals("jdk.ExecutionSample") && event.getStackTrace() != null && inWindow) {
                samples++;
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (!frames.isEmpty()) {
                    self.merge(name(frames.get(0)), 1L, Long::sum);
                }
                Set<String> seen = new HashSet<>();
                for (int i = frames.size() - 1; focus != null && i >= 0; i--) { // outermost first
                    if (name(frames.get(i)).equals(focus)) {
                        callees.merge(i == 0 ? "(self)" : name(frames.get(i - 1)), 1L, Long::sum);
                        break;
                    }
                }
                for (RecordedFrame frame : frames) {
                    String name = name(frame);
                    if (name.startsWith(prefix) && seen.add(name)) {
                        inclusive.merge(name, 1L, Long::sum);
                    }
                }
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                long weight = event.getLong("weight");
                allocated += weight;
                long at = event.getStartTime().toEpochMilli();
                if (at >= windowStart && at < windowEnd) {
                    allocatedInWindow += weight;
                }
                if (event.getStackTrace() != null) {
                    for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                        String name = name(frame);
                        if (name.startsWith(prefix)) {
                            allocatedBy.merge(name + " <- " + event.getClass("objectClass").getName(), weight, Long::sum);
                            break;
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "execution samples %d; allocated (sampled weights) %.1f MB%n", samples, allocated / 1e6);
        if (windowRequests > 0) {
            System.out.printf(Locale.ROOT, "allocated per request in the window: %.1f KB%n", allocatedInWindow / 1e3 / windowRequests);
        }
        print("self", self, samples, top);
        print("inclusive, " + prefix, inclusive, samples, top);
        print("allocated by (first " + prefix + " frame <- class), MB", allocatedBy, -1, top);
        if (focus != null) {
            print("callees of " + focus + " (share of all samples)", callees, samples, top);
        }
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Long> counts, long total, int top) {
        System.out.println("-- " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> {
                    if (total > 0) {
                        System.out.printf(Locale.ROOT, "%6.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey());
                    } else {
                        System.out.printf(Locale.ROOT, "%8.1f  %s%n", e.getValue() / 1e6, e.getKey());
                    }
                });
    }
}
