package id.padu.app.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The durations operators write; the option and setting tests of each module use the same texts. */
public class DurationTextTest {

    /** Texts every duration option and setting accepts. */
    public static final List<String> ACCEPTED = List.of("60s", "5m", "2min", "1h", "7d", "7D", "PT1H", "90", " 30s ");
    /** Texts every duration option and setting refuses. */
    public static final List<String> REFUSED = List.of("7x", "0s", "-5m", "1.5h", "setahun", "");

    @Test
    void unitsAreSecondsMinutesHoursAndDaysABareNumberIsSeconds() {
        assertThat(ACCEPTED.stream().map(t -> DurationText.parse(t).orElseThrow()).toList()).containsExactly(
                Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofHours(1), Duration.ofDays(7),
                Duration.ofDays(7), Duration.ofHours(1), Duration.ofSeconds(90), Duration.ofSeconds(30));
        assertThat(DurationText.parse("250ms")).contains(Duration.ofMillis(250));
        assertThat(REFUSED).allSatisfy(t -> assertThat(DurationText.parse(t)).as(t).isEmpty());
        assertThat(DurationText.parse("99999999999999999999d")).isEmpty();
    }
}
