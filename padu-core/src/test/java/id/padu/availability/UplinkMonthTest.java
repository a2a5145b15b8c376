package id.padu.availability;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.domain.Wib;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A month of an uplink from hand-built poll sequences: the WIB month's boundaries, outages across
 * midnight and across the month's end, polls Padu missed (unanswered, or not sent at all) counted
 * apart and never against the ISP, and the SLA compared exactly on the poll counts.
 */
class UplinkMonthTest {

    static final int MINUTE = 60;
    static final YearMonth MARCH = YearMonth.of(2027, 3);
    static final YearMonth APRIL = YearMonth.of(2027, 4);

    /** Epoch seconds of a WIB wall time. */
    static long wib(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Wib.ZONE).toEpochSecond();
    }

    static String wibText(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atZone(Wib.ZONE).toLocalDateTime().toString();
    }

    /**
     * One poll per {@code iv} seconds from {@code start}, one character each: U up with traffic,
     * I up without traffic, D down, M unanswered, and '.' no poll at all (Padu not polling).
     */
    static List<Poll> polls(long start, int iv, String pattern) {
        List<Poll> out = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '.') {
                continue;
            }
            PollOutcome o = switch (c) {
                case 'U' -> PollOutcome.UP;
                case 'I' -> PollOutcome.IDLE;
                case 'D' -> PollOutcome.DOWN;
                case 'M' -> PollOutcome.MISSED;
                default -> throw new IllegalArgumentException(pattern);
            };
            out.add(new Poll(start + (long) i * iv, o, iv));
        }
        return out;
    }

    static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }

    @Test
    void theMonthIsTheWibCalendarMonth() {
        assertThat(UplinkMonth.start(MARCH)).isEqualTo(Instant.parse("2027-02-28T17:00:00Z").getEpochSecond());
        assertThat(UplinkMonth.end(MARCH)).isEqualTo(Instant.parse("2027-03-31T17:00:00Z").getEpochSecond());
        // A poll at 17:30 UTC on 31 March is 00:30 WIB on 1 April: April's, not March's.
        long t = Instant.parse("2027-03-31T17:30:00Z").getEpochSecond();
        List<Poll> p = List.of(new Poll(t, PollOutcome.DOWN, MINUTE));
        assertThat(UplinkMonth.of(p, MARCH, t).answeredPolls()).isZero();
        assertThat(UplinkMonth.of(p, APRIL, t).downPolls()).isEqualTo(1);
    }

    @Test
    void availabilityIsTheShareOfAnsweredPollsUpAndPassingTraffic() {
        // Ten polls: seven up, one up without traffic, two down.
        long start = wib("2027-03-10T09:00");
        UplinkMonth m = UplinkMonth.of(polls(start, MINUTE, "UUUIDDUUUU"), MARCH, start + 600);
        assertThat(m.upPolls()).isEqualTo(7);
        assertThat(m.idlePolls()).isEqualTo(1);
        assertThat(m.downPolls()).isEqualTo(2);
        assertThat(m.answeredPolls()).isEqualTo(10);
        assertThat(m.availability()).isEqualTo(0.7);
        // One outage: from the first bad poll (09:03) to the first good one (09:06).
        assertThat(m.outages()).hasSize(1);
        Outage o = m.outages().get(0);
        assertThat(wibText(o.startEpochSecond())).isEqualTo("2027-03-10T09:03");
        assertThat(wibText(o.endEpochSecond())).isEqualTo("2027-03-10T09:06");
        assertThat(o.durationSeconds()).isEqualTo(3 * MINUTE);
        assertThat(o.end()).isEqualTo(Outage.End.UP);
        assertThat(o.downPolls()).isEqualTo(2);
        assertThat(o.idlePolls()).isEqualTo(1);
        assertThat(o.fromPreviousMonth()).isFalse();
        assertThat(m.outageSeconds()).isEqualTo(3 * MINUTE);
    }

    @Test
    void anOutageAcrossMidnightIsOneOutageWithItsWibDates() {
        long start = wib("2027-03-14T23:55");
        // Down from 23:58 to 00:02 (five polls), up again at 00:03.
        UplinkMonth m = UplinkMonth.of(polls(start, MINUTE, "UUUDDDDDUUU"), MARCH, start + 11 * MINUTE);
        assertThat(m.outages()).hasSize(1);
        Outage o = m.outages().get(0);
        assertThat(wibText(o.startEpochSecond())).isEqualTo("2027-03-14T23:58");
        assertThat(wibText(o.endEpochSecond())).isEqualTo("2027-03-15T00:03");
        assertThat(o.durationSeconds()).isEqualTo(5 * MINUTE);
        assertThat(o.downPolls()).isEqualTo(5);
    }

    @Test
    void anOutageAcrossTheMonthsEndIsSplitAtTheMonthsEndAndEachMonthCountsItsOwnPolls() {
        long start = wib("2027-03-31T23:50");
        // Up until 23:56, down from 23:57 to 00:04 (eight polls), up from 00:05.
        String pattern = "UUUUUUU" + repeat('D', 8) + "UUUUUU";
        List<Poll> p = polls(start, MINUTE, pattern);
        UplinkMonth march = UplinkMonth.of(p, MARCH, start + 3600);
        UplinkMonth april = UplinkMonth.of(p, APRIL, start + 3600);

        assertThat(march.downPolls()).isEqualTo(3); // 23:57, 23:58, 23:59
        assertThat(march.upPolls()).isEqualTo(7);
        assertThat(march.outages()).hasSize(1);
        Outage inMarch = march.outages().get(0);
        assertThat(wibText(inMarch.startEpochSecond())).isEqualTo("2027-03-31T23:57");
        assertThat(wibText(inMarch.endEpochSecond())).isEqualTo("2027-04-01T00:00");
        assertThat(inMarch.end()).isEqualTo(Outage.End.MONTH_END);
        assertThat(inMarch.fromPreviousMonth()).isFalse();
        assertThat(inMarch.durationSeconds()).isEqualTo(3 * MINUTE);
        assertThat(inMarch.downPolls()).isEqualTo(3);

        assertThat(april.downPolls()).isEqualTo(5); // 00:00 .. 00:04
        assertThat(april.upPolls()).isEqualTo(6);
        assertThat(april.outages()).hasSize(1);
        Outage inApril = april.outages().get(0);
        assertThat(wibText(inApril.startEpochSecond())).isEqualTo("2027-04-01T00:00");
        assertThat(inApril.fromPreviousMonth()).isTrue();
        assertThat(wibText(inApril.endEpochSecond())).isEqualTo("2027-04-01T00:05");
        assertThat(inApril.end()).isEqualTo(Outage.End.UP);
        assertThat(inApril.downPolls()).isEqualTo(5);
        // Together the two parts are the whole outage.
        assertThat(inMarch.durationSeconds() + inApril.durationSeconds()).isEqualTo(8 * MINUTE);
    }

    @Test
    void anOutageThatEndsWithTheFirstPollOfTheMonthBelongsToTheMonthBeforeOnly() {
        long start = wib("2027-03-31T23:57");
        List<Poll> p = polls(start, MINUTE, "DDDU"); // down 23:57..23:59, up at 00:00
        assertThat(UplinkMonth.of(p, MARCH, start + 600).outages()).singleElement()
                .satisfies(o -> assertThat(o.end()).isEqualTo(Outage.End.UP));
        assertThat(UplinkMonth.of(p, APRIL, start + 600).outages()).isEmpty();
    }

    @Test
    void unansweredPollsAreCountedApartAndNeverAgainstTheIsp() {
        long start = wib("2027-03-05T10:00");
        UplinkMonth m = UplinkMonth.of(polls(start, MINUTE, "UUMMMUUU"), MARCH, start + 600);
        assertThat(m.answeredPolls()).isEqualTo(5);
        assertThat(m.unansweredPolls()).isEqualTo(3);
        assertThat(m.missedPolls()).isEqualTo(3);
        assertThat(m.availability()).isEqualTo(1.0);
        assertThat(m.outages()).isEmpty();
    }

    @Test
    void aSilenceBetweenStoredPollsIsPaduNotRunningCountedApart() {
        long start = wib("2027-03-05T10:00");
        // Ten polls not sent between the second and the third (Padu stopped for ten minutes).
        UplinkMonth m = UplinkMonth.of(polls(start, MINUTE, "UU" + repeat('.', 10) + "UUU"), MARCH, start + 3600);
        assertThat(m.answeredPolls()).isEqualTo(5);
        assertThat(m.notPolled()).isEqualTo(10);
        assertThat(m.availability()).isEqualTo(1.0);
        // Jitter is not a silence: 89 s between two polls of a 60 s interval is not a missed poll.
        List<Poll> jitter = List.of(new Poll(start, PollOutcome.UP, MINUTE), new Poll(start + 89, PollOutcome.UP, MINUTE));
        assertThat(UplinkMonth.of(jitter, MARCH, start + 200).notPolled()).isZero();
    }

    @Test
    void aSilenceAcrossTheMonthsStartIsSplitBetweenTheMonths() {
        // The last poll of March at 23:55 WIB, the next at 00:05 WIB on 1 April: nine polls not sent,
        // four of them (23:56 .. 23:59) in March, five (00:00 .. 00:04) in April.
        long last = wib("2027-03-31T23:55");
        List<Poll> p = List.of(new Poll(last, PollOutcome.UP, MINUTE), new Poll(last + 10 * MINUTE, PollOutcome.UP, MINUTE));
        assertThat(UplinkMonth.of(p, MARCH, last + 3600).notPolled()).isEqualTo(4);
        assertThat(UplinkMonth.of(p, APRIL, last + 3600).notPolled()).isEqualTo(5);
    }

    @Test
    void whatPaduDidNotSeeEndsAnOutage() {
        long start = wib("2027-03-20T14:00");
        // Down, down, an unanswered poll, down, up: two outages, the first ended by the miss.
        UplinkMonth m = UplinkMonth.of(polls(start, MINUTE, "UDDMDU"), MARCH, start + 600);
        assertThat(m.outages()).hasSize(2);
        assertThat(m.outages().get(0).end()).isEqualTo(Outage.End.NOT_SEEN);
        assertThat(wibText(m.outages().get(0).endEpochSecond())).isEqualTo("2027-03-20T14:03");
        assertThat(m.outages().get(1).end()).isEqualTo(Outage.End.UP);
        assertThat(m.outageSeconds()).isEqualTo(3 * MINUTE);

        // Down, then Padu stopped for an hour: the outage ends when the next poll was due.
        UplinkMonth stopped = UplinkMonth.of(polls(start, MINUTE, "UDD" + repeat('.', 60) + "U"), MARCH, start + 7200);
        assertThat(stopped.outages()).singleElement().satisfies(o -> {
            assertThat(o.end()).isEqualTo(Outage.End.NOT_SEEN);
            assertThat(wibText(o.endEpochSecond())).isEqualTo("2027-03-20T14:03");
            assertThat(o.durationSeconds()).isEqualTo(2 * MINUTE);
        });
        assertThat(stopped.notPolled()).isEqualTo(60);
    }

    @Test
    void anOutageStillOnAtTheLastPollIsOngoingWhilePaduWatches() {
        long start = wib("2027-03-25T08:00");
        List<Poll> p = polls(start, MINUTE, "UUDDD");
        long lastPoll = start + 4 * MINUTE;
        Outage on = UplinkMonth.of(p, MARCH, lastPoll + 30).outages().get(0);
        assertThat(on.end()).isEqualTo(Outage.End.ONGOING);
        assertThat(on.endEpochSecond()).isEqualTo(lastPoll + MINUTE);
        assertThat(on.durationSeconds()).isEqualTo(3 * MINUTE);
        // Looked at a day later with no poll since: Padu stopped seeing it.
        assertThat(UplinkMonth.of(p, MARCH, lastPoll + 86_400).outages().get(0).end()).isEqualTo(Outage.End.NOT_SEEN);
    }

    @Test
    void theSlaIsComparedExactlyOnThePollCounts() {
        long start = wib("2027-03-01T00:00");
        // 1000 answered polls, 995 up: exactly 99.5 %.
        UplinkMonth met = UplinkMonth.of(polls(start, MINUTE, repeat('U', 995) + repeat('D', 5)), MARCH, start + 100_000);
        assertThat(met.meets(99.5)).isTrue();
        assertThat(met.meets(99.6)).isFalse();
        // Up without traffic counts against the ISP as down does.
        UplinkMonth idle = UplinkMonth.of(polls(start, MINUTE, repeat('U', 994) + repeat('I', 6)), MARCH, start + 100_000);
        assertThat(idle.meets(99.5)).isFalse();
        // Unanswered polls change nothing.
        UplinkMonth missed = UplinkMonth.of(polls(start, MINUTE, repeat('U', 995) + repeat('M', 50) + repeat('D', 5)), MARCH,
                start + 100_000);
        assertThat(missed.meets(99.5)).isTrue();
        assertThat(met.meets(null)).isNull();
    }

    @Test
    void aMonthWithoutAnsweredPollsHasNoAvailability() {
        long start = wib("2027-03-01T00:00");
        UplinkMonth m = UplinkMonth.of(polls(start, MINUTE, "MMM"), MARCH, start + 600);
        assertThat(m.availability()).isNull();
        assertThat(m.meets(99.0)).isNull();
        assertThat(UplinkMonth.of(List.of(), MARCH, start).availability()).isNull();
    }

    @Test
    void pollsOutsideTheMonthAreOnlyContext() {
        long feb = wib("2027-02-27T12:00");
        long apr = wib("2027-04-02T12:00");
        List<Poll> p = new ArrayList<>(polls(feb, MINUTE, "DDD"));
        p.addAll(polls(apr, MINUTE, "UUU"));
        UplinkMonth march = UplinkMonth.of(p, MARCH, apr + 600);
        assertThat(march.answeredPolls()).isZero();
        assertThat(march.outages()).isEmpty(); // the February outage ended when the next poll was due
        // The silence between 27 February and 2 April: the whole of March was not polled.
        assertThat(march.notPolled()).isEqualTo(31 * 24 * 60);
    }
}
