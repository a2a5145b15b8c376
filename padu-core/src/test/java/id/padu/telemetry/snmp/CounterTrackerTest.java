package id.padu.telemetry.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CounterTrackerTest {

    static final long ALIGNED = 1_699_999_980_000L; // 28333333 * 60 s

    static CounterSample wide(long at, long upTicks, long in, long out) {
        return new CounterSample(at, upTicks, in, out, true, -1, 0);
    }

    static CounterSample narrow(long at, long upTicks, long in, long out, long speed) {
        return new CounterSample(at, upTicks, in, out, false, -1, speed);
    }

    @Test
    void ratesComeFromTheActualPollTimestampsNotTheInterval() {
        CounterTracker t = new CounterTracker();
        assertThat(t.sample(wide(ALIGNED, 1000, 0, 0))).isNull();
        assertThat(t.lastDiscard()).isEqualTo(CounterTracker.Discard.FIRST);
        // The poll came 3 s late: 63 s of traffic at 1 MB/s.
        MeasuredInterval m = t.sample(wide(ALIGNED + 63_000, 1000 + 6300, 63_000_000, 6_300_000));
        assertThat(m).isEqualTo(new MeasuredInterval(ALIGNED, ALIGNED + 63_000, 63_000_000, 6_300_000));
    }

    @Test
    void aLateAnswerOnOurSideDoesNotShortenTheIntervalWhenTheAgentClockAgrees() {
        CounterTracker t = new CounterTracker();
        // The first answer reached us 400 ms after the agent read its counters (a cold start):
        // by our clock the interval is 1.6 s, by the agent's 2.0 s, in which 2 MB were counted.
        t.sample(wide(ALIGNED + 400, 1000, 0, 0));
        MeasuredInterval m = t.sample(wide(ALIGNED + 2_000, 1200, 2_000_000, 0));
        assertThat(m.durationMillis()).isEqualTo(2_000);
        StepRates steps = new StepRates(2);
        steps.add(m);
        assertThat(steps.steps()).singleElement().extracting(StepRates.Step::inBps).isEqualTo(8_000_000L);
    }

    @Test
    void anAgentClockThatDisagreesIsNotUsed() {
        CounterTracker t = new CounterTracker();
        t.sample(wide(ALIGNED, 1000, 0, 0));
        // 60 s by our clock, 40 s by the agent's: more than a quarter apart, our clock is used.
        MeasuredInterval m = t.sample(wide(ALIGNED + 60_000, 5000, 60_000_000, 0));
        assertThat(m.durationMillis()).isEqualTo(60_000);
    }

    @Test
    void aSingle32BitWrapIsCorrected() {
        CounterTracker t = new CounterTracker();
        long near = (1L << 32) - 1_000;
        t.sample(narrow(ALIGNED, 100, near, 5, 100_000_000));
        MeasuredInterval m = t.sample(narrow(ALIGNED + 10_000, 1100, 4_000, 10, 100_000_000));
        assertThat(m.inBytes()).isEqualTo(5_000);
        assertThat(m.outBytes()).isEqualTo(5);
        assertThat(t.wraps()).isEqualTo(1);
    }

    @Test
    void a32BitWrapOnALinkFastEnoughToWrapTwiceIsDiscarded() {
        CounterTracker t = new CounterTracker();
        // 10 Gbit/s moves 2^32 bytes in 3.4 s: after 60 s the number of wraps is unknown.
        t.sample(narrow(ALIGNED, 100, 4_000_000_000L, 0, 10_000_000_000L));
        assertThat(t.sample(narrow(ALIGNED + 60_000, 6100, 5, 0, 10_000_000_000L))).isNull();
        assertThat(t.lastDiscard()).isEqualTo(CounterTracker.Discard.AMBIGUOUS_WRAP);
    }

    @Test
    void aRebootIsAGapNeverASpike() {
        CounterTracker t = new CounterTracker();
        t.sample(wide(ALIGNED, 500_000, 9_000_000_000L, 0));
        // sysUpTime went back: the counters restarted from zero.
        assertThat(t.sample(wide(ALIGNED + 60_000, 3_000, 1_000, 0))).isNull();
        assertThat(t.lastDiscard()).isEqualTo(CounterTracker.Discard.UPTIME_BACK);
        // The next interval counts again.
        assertThat(t.sample(wide(ALIGNED + 120_000, 9_000, 61_000, 0)).inBytes()).isEqualTo(60_000);
    }

    @Test
    void aRestartBetweenPollsIsSeenFromTooLittleUptime() {
        CounterTracker t = new CounterTracker();
        t.sample(wide(ALIGNED, 1_000, 5_000_000, 0));
        // 10 minutes later the uptime grew by only 2 minutes: it restarted in between.
        assertThat(t.sample(wide(ALIGNED + 600_000, 13_000, 6_000_000, 0))).isNull();
        assertThat(t.lastDiscard()).isEqualTo(CounterTracker.Discard.RESTARTED);
    }

    @Test
    void aChangedDiscontinuityTimeDiscardsTheInterval() {
        CounterTracker t = new CounterTracker();
        t.sample(new CounterSample(ALIGNED, 1000, 100, 100, true, 50, 0));
        assertThat(t.sample(new CounterSample(ALIGNED + 60_000, 7000, 200, 200, true, 6000, 0))).isNull();
        assertThat(t.lastDiscard()).isEqualTo(CounterTracker.Discard.DISCONTINUITY);
    }

    @Test
    void aTimeoutLeavesAGap() {
        CounterTracker t = new CounterTracker();
        t.sample(wide(ALIGNED, 1000, 0, 0));
        t.timeout();
        assertThat(t.sample(wide(ALIGNED + 120_000, 13_000, 120_000, 0))).isNull();
        assertThat(t.lastDiscard()).isEqualTo(CounterTracker.Discard.TIMEOUT);
        assertThat(t.sample(wide(ALIGNED + 180_000, 19_000, 180_000, 0))).isNotNull();
    }

    @Test
    void stepRateIsBytesOverTheValidlyMeasuredTimeInsideTheStep() {
        StepRates steps = new StepRates(60);
        // 0..30 s of step 0 measured at 8 Mbit/s (1 MB/s); 30..90 s not measured (reset); 90..150 s
        // measured at 2 MB/s (half in step 1, half in step 2).
        steps.add(new MeasuredInterval(ALIGNED, ALIGNED + 30_000, 30_000_000, 0));
        steps.add(new MeasuredInterval(ALIGNED + 90_000, ALIGNED + 150_000, 120_000_000, 60_000_000));
        List<StepRates.Step> out = steps.steps();
        assertThat(out).extracting(StepRates.Step::startEpochSecond)
                .containsExactly(ALIGNED / 1000, ALIGNED / 1000 + 60, ALIGNED / 1000 + 120);
        assertThat(out.get(0).inBps()).isEqualTo(8_000_000);   // not diluted by the unmeasured half
        assertThat(out.get(0).measuredMillis()).isEqualTo(30_000);
        assertThat(out.get(1).inBps()).isEqualTo(16_000_000);
        assertThat(out.get(1).outBps()).isEqualTo(8_000_000);
        assertThat(out.get(2).inBps()).isEqualTo(16_000_000);
    }

    @Test
    void stepsWithoutMeasurementAreLeftOut() {
        StepRates steps = new StepRates(300);
        steps.add(new MeasuredInterval(ALIGNED, ALIGNED + 60_000, 1, 1));
        steps.add(new MeasuredInterval(ALIGNED + 3_600_000, ALIGNED + 3_660_000, 1, 1));
        assertThat(steps.steps()).hasSize(2);
    }
}
