package id.padu.app.availability;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.PostgresAppTest;
import id.padu.availability.Observation;
import id.padu.availability.Outage;
import id.padu.availability.PollOutcome;
import id.padu.availability.UplinkMonth;
import id.padu.domain.Wib;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The uplink polls on a real PostgreSQL: each poll judged against the target's previous answered
 * poll, also by a recorder that starts afresh (Padu restarted) and reads it back from the table;
 * the month read back per uplink with its outages; the last hour's polls for the alerts.
 */
class PostgresUplinkPollsTest extends PostgresAppTest {

    static final long TARGET = 900_001;
    static final String PROVIDER = "PG-Net";
    static final long T0 = LocalDateTime.parse("2026-03-10T09:00").atZone(Wib.ZONE).toEpochSecond();

    @Autowired
    UplinkPollSink sink;
    @Autowired
    UplinkPollStore store;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    UplinkReports reports;
    @Autowired
    UplinkPolls polls;

    static UplinkObservation seen(long t, Observation o) {
        return new UplinkObservation(TARGET, PROVIDER, "", t * 1000, 60, o, o.answered() ? null : "timeout");
    }

    static Observation up(long in, long out, long uptime) {
        return new Observation(true, Observation.OPER_UP, in, out, uptime);
    }

    @Test
    void pollsAreJudgedAgainstTheStoredPreviousPollAlsoAfterARestart() {
        sink.record(List.of(seen(T0, up(100, 200, 10)), seen(T0 + 60, up(100, 200, 70))));
        // Padu restarted: a new recorder knows nothing but what is stored.
        new UplinkPollRecorder(store, tx).record(List.of(seen(T0 + 120, up(100, 200, 130)), seen(T0 + 180, Observation.missed()),
                seen(T0 + 240, new Observation(true, 2, 100, 200, 250))));
        new UplinkPollRecorder(store, tx).record(List.of(seen(T0 + 300, up(900, 200, 310))));

        List<UplinkPolls.Recent> recent = polls.recent(Instant.ofEpochSecond(T0 + 300), Duration.ofHours(1));
        UplinkPolls.Recent mine = recent.stream().filter(r -> r.provider().equals(PROVIDER)).findFirst().orElseThrow();
        assertThat(mine.polls()).extracting(p -> p.outcome()).containsExactly(PollOutcome.UP, PollOutcome.IDLE, PollOutcome.IDLE,
                PollOutcome.MISSED, PollOutcome.DOWN, PollOutcome.UP);

        UplinkReports.UplinkReport march = reports.month(YearMonth.of(2026, 3)).uplinks().stream()
                .filter(u -> u.provider().equals(PROVIDER)).findFirst().orElseThrow();
        UplinkMonth m = march.month();
        assertThat(m.upPolls()).isEqualTo(2);
        assertThat(m.idlePolls()).isEqualTo(2);
        assertThat(m.downPolls()).isEqualTo(1);
        assertThat(m.unansweredPolls()).isEqualTo(1);
        assertThat(m.availability()).isEqualTo(0.4);
        assertThat(m.outages()).extracting(Outage::startEpochSecond, Outage::endEpochSecond, Outage::end).containsExactly(
                org.assertj.core.groups.Tuple.tuple(T0 + 60, T0 + 180, Outage.End.NOT_SEEN),
                org.assertj.core.groups.Tuple.tuple(T0 + 240, T0 + 300, Outage.End.UP));
    }
}
