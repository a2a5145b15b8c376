package id.padu.telemetry.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepRatesTest {

    @Test
    void stepsAreTakenOnceTheyEndedAndTheOpenOneKeepsFilling() {
        StepRates steps = new StepRates(60);
        long t0 = 1_700_000_040_000L; // a multiple of 60 s
        // 1 MB/s (8 Mbit/s) in, from 30 s into the first minute to 30 s into the second.
        steps.add(new MeasuredInterval(t0 + 30_000, t0 + 90_000, 60_000_000, 6_000_000));
        List<StepRates.Step> first = steps.drainEndedBy(t0 + 90_000);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).startEpochSecond()).isEqualTo(t0 / 1000);
        assertThat(first.get(0).inBps()).isEqualTo(8_000_000);
        assertThat(first.get(0).outBps()).isEqualTo(800_000);
        assertThat(first.get(0).measuredMillis()).isEqualTo(30_000);
        // The second minute is still open: its first half stays and the next interval completes it.
        steps.add(new MeasuredInterval(t0 + 90_000, t0 + 150_000, 120_000_000, 0));
        List<StepRates.Step> second = steps.drainEndedBy(t0 + 150_000);
        assertThat(second).hasSize(1);
        assertThat(second.get(0).startEpochSecond()).isEqualTo(t0 / 1000 + 60);
        assertThat(second.get(0).measuredMillis()).isEqualTo(60_000);
        assertThat(second.get(0).inBps()).isEqualTo((30_000_000L + 60_000_000L) * 8 / 60);
        // Taken steps are gone; the third minute (half measured) is what remains.
        assertThat(steps.steps()).extracting(StepRates.Step::startEpochSecond).containsExactly(t0 / 1000 + 120);
    }
}
