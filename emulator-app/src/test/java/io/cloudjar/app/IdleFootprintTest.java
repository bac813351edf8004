package io.cloudjar.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.Test;

class IdleFootprintTest {
    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    @Test
    void theFreeRatiosAreTheJvmsAgainAfterTheTrim() {
        String min = vm.getVMOption("MinHeapFreeRatio").getValue();
        String max = vm.getVMOption("MaxHeapFreeRatio").getValue();
        IdleFootprint.trim();
        assertThat(vm.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(min);
        assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(max);
    }

    @Test
    void aHeapGrownByGarbageIsGivenBackDownToLittleMoreThanItsLivePart() {
        long before = growHeapWithGarbage();
        IdleFootprint.trim();
        long used = memory.getHeapMemoryUsage().getUsed();
        long committed = memory.getHeapMemoryUsage().getCommitted();
        assertThat(committed).isLessThan(before);
        // MaxHeapFreeRatio 20 for the shrinking GC, plus rounding to whole regions; never below the heap's minimum
        long floor = Long.parseLong(vm.getVMOption("MinHeapSize").getValue());
        assertThat(committed).isLessThanOrEqualTo(Math.max((long) (used / 0.8) + 32L * 1024 * 1024, floor));
    }

    /** Allocates and drops enough short-lived arrays that the collector commits more heap; returns the committed size. */
    private long growHeapWithGarbage() {
        long start = memory.getHeapMemoryUsage().getCommitted();
        byte[][] kept = new byte[48][];
        for (int round = 0; round < 10 && memory.getHeapMemoryUsage().getCommitted() < start + 64L * 1024 * 1024; round++) {
            for (int i = 0; i < kept.length; i++) {
                kept[i] = new byte[1024 * 1024];
            }
        }
        kept = null;
        return memory.getHeapMemoryUsage().getCommitted();
    }
}
