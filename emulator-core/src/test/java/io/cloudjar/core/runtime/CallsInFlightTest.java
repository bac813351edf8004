package io.cloudjar.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallsInFlightTest {
    private final CallsInFlight calls = new CallsInFlight();
    private final List<String> ran = new ArrayList<>();

    @Test
    void withNoCallRunningTheActionRunsAtOnce() {
        calls.whenDrained(() -> ran.add("now"));
        assertThat(ran).containsExactly("now");
    }

    @Test
    void theActionWaitsForTheCallsRunningWhenItWasAskedForButNotForLaterOnes() {
        CallsInFlight.Call before = calls.enter();
        calls.whenDrained(() -> ran.add("drained"));
        CallsInFlight.Call after = calls.enter();
        assertThat(ran).isEmpty();
        before.close();
        assertThat(ran).containsExactly("drained");
        after.close();
        assertThat(ran).containsExactly("drained");
    }

    @Test
    void aLaterActionAlsoWaitsForCallsOfOlderEpochs() {
        CallsInFlight.Call oldest = calls.enter();
        calls.whenDrained(() -> ran.add("first"));
        CallsInFlight.Call middle = calls.enter();
        calls.whenDrained(() -> ran.add("second"));
        middle.close();
        assertThat(ran).as("a call from before the first reset may use what the second discards").isEmpty();
        oldest.close();
        assertThat(ran).containsExactly("first", "second");
    }

    @Test
    void aFailingActionDoesNotFailTheCallThatRunsIt() {
        CallsInFlight.Call call = calls.enter();
        calls.whenDrained(() -> {
            throw new IllegalStateException("disk gone");
        });
        call.close();
        calls.whenDrained(() -> ran.add("next"));
        assertThat(ran).containsExactly("next");
    }
}
