package id.padu.app.availability;

import id.padu.availability.Observation;
import id.padu.availability.PollOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives each poll its outcome and stores it. "Up without traffic" compares the counters with the
 * target's previous answered poll: kept in memory, and read from the table after a restart, so
 * the first poll after Padu comes back is judged like any other.
 */
@Component
class UplinkPollRecorder implements UplinkPollSink {

    private final UplinkPollStore store;
    private final TransactionTemplate tx;
    /** targetId -> its last stored answered poll. */
    private final Map<Long, Observation> lastAnswered = new HashMap<>();

    UplinkPollRecorder(UplinkPollStore store, TransactionTemplate tx) {
        this.store = store;
        this.tx = tx;
    }

    @Override
    public synchronized void record(List<UplinkObservation> polls) {
        if (polls.isEmpty()) {
            return;
        }
        // Worked out on a copy: a batch that fails to store (and is handed over again) must be
        // judged against what is stored, not against its own polls.
        Map<Long, Observation> last = new HashMap<>(lastAnswered);
        List<UplinkPollStore.NewPoll> rows = new ArrayList<>();
        tx.executeWithoutResult(status -> {
            for (UplinkObservation p : polls) {
                Observation before = last.containsKey(p.targetId()) ? last.get(p.targetId())
                        : store.lastAnswered(p.targetId()).orElse(null);
                PollOutcome outcome = p.observation().outcomeAfter(before);
                rows.add(new UplinkPollStore.NewPoll(p, outcome));
                last.put(p.targetId(), outcome.answered() ? p.observation() : before);
            }
            store.insert(rows);
        });
        lastAnswered.putAll(last);
    }
}
