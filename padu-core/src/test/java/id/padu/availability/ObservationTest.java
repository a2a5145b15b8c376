package id.padu.availability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A poll's outcome from ifOperStatus and the octet counters against the uplink's previous answered poll. */
class ObservationTest {

    static Observation up(long in, long out, long uptime) {
        return new Observation(true, Observation.OPER_UP, in, out, uptime);
    }

    @Test
    void upWithOctetsMovingIsUp() {
        assertThat(up(2000, 5000, 200).outcomeAfter(up(1000, 5000, 100))).isEqualTo(PollOutcome.UP);
        assertThat(up(1000, 5001, 200).outcomeAfter(up(1000, 5000, 100))).isEqualTo(PollOutcome.UP);
    }

    @Test
    void upWithBothCountersStillIsIdle() {
        assertThat(up(1000, 5000, 200).outcomeAfter(up(1000, 5000, 100))).isEqualTo(PollOutcome.IDLE);
    }

    @Test
    void anythingButOperUpIsDown() {
        for (int status : new int[] {2, 3, 4, 5, 6, 7}) {
            assertThat(new Observation(true, status, 1000, 5000, 200).outcomeAfter(up(1000, 5000, 100))).isEqualTo(PollOutcome.DOWN);
        }
    }

    @Test
    void withNothingToCompareWithAnUpInterfaceIsUp() {
        assertThat(up(1000, 5000, 100).outcomeAfter(null)).isEqualTo(PollOutcome.UP);
        // The agent restarted (sysUpTime went back): its counters began again; equal values prove nothing.
        assertThat(up(1000, 5000, 50).outcomeAfter(up(1000, 5000, 100))).isEqualTo(PollOutcome.UP);
    }

    @Test
    void noAnswerIsMissed() {
        assertThat(Observation.missed().outcomeAfter(up(1, 1, 1))).isEqualTo(PollOutcome.MISSED);
    }
}
