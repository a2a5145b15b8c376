package id.padu.app.availability;

import id.padu.availability.Poll;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The stored polls of the uplinks, for other modules (the alerts' {@code uplink-down}). */
@Service
public class UplinkPolls {

    /** One uplink's polls, oldest first; {@code product} "" when the monitored uplink names none. */
    public record Recent(String provider, String product, List<Poll> polls) {

        public Recent {
            polls = List.copyOf(polls);
        }

        /** How reports and alerts name the uplink: the provider, and the product when one is named. */
        public String name() {
            return product.isEmpty() ? provider : provider + " " + product;
        }
    }

    private final UplinkPollStore store;

    UplinkPolls(UplinkPollStore store) {
        this.store = store;
    }

    /** Every uplink's polls of the {@code window} before {@code asOf} (and any stored after it). */
    @Transactional(readOnly = true)
    public List<Recent> recent(Instant asOf, Duration window) {
        return store.since(asOf.minus(window));
    }
}
