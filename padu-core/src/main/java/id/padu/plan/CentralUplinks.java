package id.padu.plan;

import id.padu.domain.Offer;
import id.padu.domain.Settings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The planner's offer chooser ({@link OfferChooser}) for callers outside the planner: the cheapest
 * set of offer rows that carries a given requirement under the dataset's redundancy rules. The
 * capacity forecast asks it which uplinks carry the month its forecast crosses the plan's capacity;
 * there is one chooser, so an upgrade is sized by the same rules as the plan itself.
 */
public final class CentralUplinks {

    private CentralUplinks() {
    }

    /**
     * The cheapest choice of {@code offers} carrying {@code requiredDownBps} and
     * {@code requiredUpBps} (already divided by the target utilisation), with the settings'
     * redundancy, survivable fraction and horizon (which spreads the installation costs);
     * empty when no choice carries it.
     */
    public static Optional<Choice> cheapest(List<Offer> offers, Settings settings, long requiredDownBps, long requiredUpBps) {
        if (offers.isEmpty()) {
            return Optional.empty();
        }
        OfferChooser chooser = new OfferChooser(offers, Math.max(1, settings.horizonYears()), settings.redundancy(),
                settings.survivableFraction());
        OfferChooser.Choice c = chooser.cheapest(Math.max(0, requiredDownBps), Math.max(0, requiredUpBps));
        if (c == null) {
            return Optional.empty();
        }
        int[] rows = c.rows().clone();
        Arrays.sort(rows);
        List<Uplink> uplinks = new ArrayList<>();
        for (int j : rows) {
            Offer o = chooser.offers().get(j);
            uplinks.add(new Uplink(o.provider(), o.product(), o.down().mbps(), o.up().mbps(), o.monthlyCost().value(),
                    o.installCost().value()));
        }
        return Optional.of(new Choice(uplinks, c.cost()));
    }

    /**
     * A chosen set of uplinks, in the order of the offer catalogue.
     *
     * @param annualIdr 12 x monthly + installation / horizon years, summed, as the planner counts it
     */
    public record Choice(List<Uplink> uplinks, long annualIdr) {
        public Choice {
            uplinks = List.copyOf(uplinks);
        }

        public long capacityDownBps() {
            return uplinks.stream().mapToLong(Uplink::downBps).sum();
        }

        public long capacityUpBps() {
            return uplinks.stream().mapToLong(Uplink::upBps).sum();
        }
    }
}
