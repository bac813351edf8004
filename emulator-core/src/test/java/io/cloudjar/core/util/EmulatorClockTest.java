package io.cloudjar.core.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EmulatorClockTest {
    private static final Instant BASE = Instant.parse("2024-03-05T06:07:08Z");
    private final EmulatorClock clock = new EmulatorClock(Clock.fixed(BASE, ZoneOffset.UTC));

    @Test
    void movesForwardOnlyAndResetsToTheBase() {
        assertThat(clock.advance(Duration.ofMinutes(2))).isEqualTo(new EmulatorClock.Reading(BASE.plusSeconds(120), Duration.ofMinutes(2)));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.now()).isEqualTo(BASE.plusSeconds(120));
        assertThat(clock.reset()).isEqualTo(new EmulatorClock.Reading(BASE, Duration.ZERO));
    }

    @Test
    void anOverflowingMoveLeavesTheClockWhereItWas() {
        clock.advance(Duration.ofMillis(Long.MAX_VALUE - 1));
        assertThatThrownBy(() -> clock.advance(Duration.ofMillis(2))).isInstanceOf(ArithmeticException.class);
        assertThat(clock.offset()).isEqualTo(Duration.ofMillis(Long.MAX_VALUE - 1));
    }

    @Test
    void concurrentMovesAllCount() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> moves = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                moves.add(pool.submit(() -> {
                    for (int j = 0; j < 1000; j++) {
                        clock.advance(Duration.ofSeconds(1));
                    }
                }));
            }
            for (Future<?> move : moves) {
                move.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(clock.now()).isEqualTo(BASE.plusSeconds(4000));
    }
}
