package id.padu.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Opening after the condition has held, resolving after it has been clear, and no flapping in between. */
class AlertTrackerTest {

    static final Alert BUSY = new Alert(AlertRule.UPLINK_BUSY, null, id.padu.domain.Direction.DOWN, null, 90, 80, null, List.of());
    static final long OPEN_AFTER = 15 * 60;
    static final long CLEAR_AFTER = 60 * 60;

    @Test
    void opensOnlyAfterTheConditionHeldAndResolvesOnlyAfterItCleared() {
        Map<String, AlertTracker.State> s = Map.of();
        // Every 5 minutes: firing at 0, 5, 10 (pending), opens at 15.
        for (long t = 0; t <= 10 * 60; t += 300) {
            AlertTracker.Step step = AlertTracker.step(s, List.of(BUSY), t, OPEN_AFTER, CLEAR_AFTER);
            assertThat(step.opened()).as("t=" + t).isEmpty();
            s = step.states();
        }
        AlertTracker.Step open = AlertTracker.step(s, List.of(BUSY), 15 * 60, OPEN_AFTER, CLEAR_AFTER);
        assertThat(open.opened()).hasSize(1);
        assertThat(open.opened().get(0).firstSeen()).isZero();
        s = open.states();

        // Clear for 55 minutes, then firing again: still open, no resolve, no second opening (no flap).
        for (long t = 20 * 60; t <= 75 * 60; t += 300) {
            AlertTracker.Step step = AlertTracker.step(s, List.of(), t, OPEN_AFTER, CLEAR_AFTER);
            assertThat(step.resolved()).as("t=" + t).isEmpty();
            s = step.states();
        }
        AlertTracker.Step back = AlertTracker.step(s, List.of(BUSY), 80 * 60, OPEN_AFTER, CLEAR_AFTER);
        assertThat(back.opened()).isEmpty();
        assertThat(back.states().get(BUSY.key()).open()).isTrue();
        assertThat(back.states().get(BUSY.key()).clearSince()).isNull();
        s = back.states();

        // Clear for a full hour: resolved once, then forgotten.
        AlertTracker.Step resolved = null;
        for (long t = 85 * 60; t <= 145 * 60; t += 300) {
            resolved = AlertTracker.step(s, List.of(), t, OPEN_AFTER, CLEAR_AFTER);
            if (t < 145 * 60) {
                assertThat(resolved.resolved()).as("t=" + t).isEmpty();
            }
            s = resolved.states();
        }
        assertThat(resolved.resolved()).hasSize(1);
        assertThat(resolved.states()).isEmpty();
    }

    @Test
    void aConditionThatClearsBeforeOpeningIsForgotten() {
        AlertTracker.Step a = AlertTracker.step(Map.of(), List.of(BUSY), 0, OPEN_AFTER, CLEAR_AFTER);
        AlertTracker.Step b = AlertTracker.step(a.states(), List.of(), 300, OPEN_AFTER, CLEAR_AFTER);
        assertThat(b.states()).isEmpty();
        assertThat(b.resolved()).isEmpty();
        // Firing again starts the wait anew.
        AlertTracker.Step c = AlertTracker.step(b.states(), List.of(BUSY), 600, OPEN_AFTER, CLEAR_AFTER);
        AlertTracker.Step d = AlertTracker.step(c.states(), List.of(BUSY), 600 + OPEN_AFTER - 1, OPEN_AFTER, CLEAR_AFTER);
        assertThat(d.opened()).isEmpty();
        assertThat(AlertTracker.step(d.states(), List.of(BUSY), 600 + OPEN_AFTER, OPEN_AFTER, CLEAR_AFTER).opened()).hasSize(1);
    }

    @Test
    void aCalendarFactOpensAndResolvesAtOnce() {
        Alert ending = new Alert(AlertRule.CONTRACT_ENDING, "DISHUB", null, "Telkom Astinet", 30, 60, null, List.of());
        AlertTracker.Step a = AlertTracker.step(Map.of(), List.of(ending), 0, OPEN_AFTER, CLEAR_AFTER);
        assertThat(a.opened()).hasSize(1);
        AlertTracker.Step b = AlertTracker.step(a.states(), List.of(), 300, OPEN_AFTER, CLEAR_AFTER);
        assertThat(b.resolved()).hasSize(1);
        assertThat(b.states()).isEmpty();
    }
}
