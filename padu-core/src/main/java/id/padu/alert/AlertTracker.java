package id.padu.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What keeps an alert from flapping between evaluations: it opens only once its condition has
 * held for {@code openAfter} seconds (at every evaluation in between), and resolves only once the
 * condition has been clear for {@code clearAfter} seconds; a condition that returns while an
 * alert is open but clearing keeps it open. Pure: the caller stores the states and the time.
 */
public final class AlertTracker {

    /** Where one alert key stands. {@code openedAt} null: pending, not yet open. */
    public record State(String key, long firstSeen, Long openedAt, Long clearSince, Alert last) {

        public boolean open() {
            return openedAt != null;
        }
    }

    /** What one evaluation changed: the states to keep, and the alerts that opened or resolved now. */
    public record Step(Map<String, State> states, List<State> opened, List<State> resolved) {
    }

    private AlertTracker() {
    }

    public static Step step(Map<String, State> before, List<Alert> firing, long now, long openAfter, long clearAfter) {
        Map<String, State> after = new LinkedHashMap<>();
        List<State> opened = new ArrayList<>();
        List<State> resolved = new ArrayList<>();
        Map<String, Alert> byKey = new LinkedHashMap<>();
        firing.forEach(a -> byKey.put(a.key(), a));
        for (Map.Entry<String, Alert> e : byKey.entrySet()) {
            State was = before.get(e.getKey());
            State s;
            if (was == null) {
                s = new State(e.getKey(), now, null, null, e.getValue());
            } else {
                s = new State(e.getKey(), was.firstSeen(), was.openedAt(), null, e.getValue());
            }
            if (!s.open() && now - s.firstSeen() >= (e.getValue().rule().measured() ? openAfter : 0)) {
                s = new State(s.key(), s.firstSeen(), now, null, s.last());
                opened.add(s);
            }
            after.put(s.key(), s);
        }
        Set<String> firingKeys = byKey.keySet();
        for (State was : before.values()) {
            if (firingKeys.contains(was.key()) || !was.open()) {
                continue; // a pending condition that cleared is forgotten: it never opened
            }
            long clearSince = was.clearSince() == null ? now : was.clearSince();
            if (now - clearSince >= (calendar(was) ? 0 : clearAfter)) {
                resolved.add(new State(was.key(), was.firstSeen(), was.openedAt(), clearSince, was.last()));
            } else {
                after.put(was.key(), new State(was.key(), was.firstSeen(), was.openedAt(), clearSince, was.last()));
            }
        }
        return new Step(after, opened, resolved);
    }

    /** A state of a calendar rule (its key begins with the rule's code). */
    private static boolean calendar(State s) {
        for (AlertRule r : AlertRule.values()) {
            if (!r.measured() && s.key().startsWith(r.code() + "|")) {
                return true;
            }
        }
        return false;
    }
}
