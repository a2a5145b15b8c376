package id.padu.alert;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.availability.Poll;
import id.padu.availability.PollOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code uplink-down} on hand-built polls: more than two bad answered polls in a row up to the latest. */
class UplinkDownTest {

    /** 2027-03-01 08:00 WIB. */
    static final long T0 = Instant.parse("2027-03-01T01:00:00Z").getEpochSecond();

    static UplinkDown.Uplink uplink(String name, String pattern) {
        List<Poll> out = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            PollOutcome o = switch (pattern.charAt(i)) {
                case 'U' -> PollOutcome.UP;
                case 'I' -> PollOutcome.IDLE;
                case 'D' -> PollOutcome.DOWN;
                default -> PollOutcome.MISSED;
            };
            out.add(new Poll(T0 + i * 60L, o, 60));
        }
        return new UplinkDown.Uplink(name, out);
    }

    static long end(String pattern) {
        return T0 + (pattern.length() - 1) * 60L + 10;
    }

    static List<Alert> at(String pattern) {
        return UplinkDown.evaluate(List.of(uplink("Telkom", pattern)), end(pattern));
    }

    @Test
    void firesAfterMoreThanTwoBadPollsInARow() {
        assertThat(at("UUUDD")).isEmpty();
        List<Alert> a = at("UUUDDD");
        assertThat(a).hasSize(1);
        Alert down = a.get(0);
        assertThat(down.rule()).isEqualTo(AlertRule.UPLINK_DOWN);
        assertThat(down.agency()).isNull();
        assertThat(down.subject()).isEqualTo("Telkom");
        assertThat(down.value()).isEqualTo(3);
        assertThat(down.threshold()).isEqualTo(2);
        assertThat(down.sinceEpochSecond()).isEqualTo(T0 + 3 * 60);
        assertThat(down.message(Locale.forLanguageTag("id"))).isEqualTo("Uplink Telkom mati pada 3 polling berturut-turut sejak 2027-03-01 08:03 WIB.");
        assertThat(down.message(Locale.ENGLISH)).isEqualTo("Uplink Telkom down at 3 polls in a row since 2027-03-01 08:03 WIB.");
    }

    @Test
    void upWithoutTrafficCountsAsDown() {
        assertThat(at("UIII")).singleElement()
                .satisfies(a -> assertThat(a.message(Locale.ENGLISH)).contains("up without traffic at 3 polls"));
        assertThat(at("UDID")).singleElement()
                .satisfies(a -> assertThat(a.message(Locale.forLanguageTag("id"))).contains("mati atau tanpa trafik"));
    }

    @Test
    void anUnansweredPollNeitherCountsNorBreaksTheRun() {
        assertThat(at("UDMD")).isEmpty();
        assertThat(at("UDMDMD")).singleElement().satisfies(a -> {
            assertThat(a.value()).isEqualTo(3);
            assertThat(a.sinceEpochSecond()).isEqualTo(T0 + 60);
        });
        assertThat(at("UMMMMM")).isEmpty();
    }

    @Test
    void aGoodPollEndsIt() {
        assertThat(at("DDDDDU")).isEmpty();
        assertThat(at("DDDDDUDD")).isEmpty();
    }

    @Test
    void onlyTheLastHourCounts() {
        String p = "DDDD";
        assertThat(UplinkDown.evaluate(List.of(uplink("Telkom", p)), end(p) + UplinkDown.RECENT_SECONDS - 200)).hasSize(1);
        assertThat(UplinkDown.evaluate(List.of(uplink("Telkom", p)), end(p) + UplinkDown.RECENT_SECONDS)).isEmpty();
    }

    @Test
    void oneAlertPerUplinkInTheOrderOfTheirNames() {
        List<Alert> a = UplinkDown.evaluate(List.of(uplink("Telkom", "DDD"), uplink("Lintasarta", "DDDD"), uplink("Iconnet", "UUU")),
                end("DDDD"));
        assertThat(a).extracting(Alert::subject).containsExactly("Lintasarta", "Telkom");
    }
}
