package id.padu.alert;

import id.padu.availability.Poll;
import id.padu.availability.PollOutcome;
import id.padu.domain.Wib;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The rule {@code uplink-down} (server only: it needs the polls of the uplinks' WAN interfaces):
 * a central uplink whose interface was down, or up without passing traffic, at more than
 * {@link #POLLS} answered polls in a row up to its latest one. Unanswered polls neither count nor
 * break the run: they say nothing about the ISP, and one lost datagram must not hide an outage.
 * Only the polls of the last {@link #RECENT_SECONDS} before the evaluation count, so an uplink
 * that is no longer polled does not stay down forever.
 */
public final class UplinkDown {

    /** The rule fires above this many bad polls in a row. */
    public static final int POLLS = 2;
    /** How far back from the evaluation the polls count. */
    public static final long RECENT_SECONDS = 3600;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One monitored uplink (its name as the report shows it, e.g. the provider) and its polls. */
    public record Uplink(String name, List<Poll> polls) {
        public Uplink {
            Objects.requireNonNull(name, "name");
            polls = List.copyOf(polls);
        }
    }

    private UplinkDown() {
    }

    /** The alerts at {@code asOf} (epoch seconds), in the order of the uplinks' names. */
    public static List<Alert> evaluate(List<Uplink> uplinks, long asOf) {
        List<Alert> out = new ArrayList<>();
        for (Uplink u : uplinks) {
            List<Poll> recent = u.polls().stream()
                    .filter(p -> p.epochSecond() <= asOf && p.epochSecond() > asOf - RECENT_SECONDS)
                    .sorted(Comparator.comparingLong(Poll::epochSecond)).toList();
            int run = 0;
            boolean down = false;
            boolean idle = false;
            Long since = null;
            for (int i = recent.size() - 1; i >= 0; i--) {
                Poll p = recent.get(i);
                if (p.outcome() == PollOutcome.MISSED) {
                    continue;
                }
                if (p.outcome() == PollOutcome.UP) {
                    break;
                }
                run++;
                down |= p.outcome() == PollOutcome.DOWN;
                idle |= p.outcome() == PollOutcome.IDLE;
                since = p.epochSecond();
            }
            if (run > POLLS) {
                String sinceText = TIME.format(Instant.ofEpochSecond(since).atZone(Wib.ZONE)) + " WIB";
                out.add(new Alert(AlertRule.UPLINK_DOWN, null, null, u.name(), run, POLLS, since,
                        List.of(u.name(), new AlertText.LinkState(down, idle), run, sinceText)));
            }
        }
        out.sort(Comparator.comparing(Alert::subject));
        return out;
    }
}
