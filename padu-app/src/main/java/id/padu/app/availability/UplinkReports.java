package id.padu.app.availability;

import id.padu.app.inventory.InventoryService;
import id.padu.app.planning.PlanOfRecord;
import id.padu.availability.Poll;
import id.padu.availability.SlaTerm;
import id.padu.availability.UplinkMonth;
import id.padu.domain.Offer;
import id.padu.domain.Wib;
import id.padu.plan.Plan;
import id.padu.plan.Uplink;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly uplink report: every uplink polled in the month, its availability and outages
 * ({@link UplinkMonth}) and the SLA of its offer in the live plan of record ({@link SlaTerm}).
 */
@Service
class UplinkReports {

    /** Years a month may be asked for: bounds the input, nothing was polled outside them. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    /** One uplink of the month; {@code met} null when there is no SLA to compare with or nothing was answered. */
    record UplinkReport(String provider, String product, UplinkMonth month, SlaTerm sla, Boolean met) {

        public String name() {
            return product.isEmpty() ? provider : provider + " " + product;
        }
    }

    /**
     * The month's report. {@code complete}: the month is over at {@code asOf}. {@code notMonitored}:
     * the plan of record's uplinks without polls in the month (named "provider product").
     */
    record MonthReport(YearMonth month, Instant asOf, boolean complete, boolean planOfRecord, List<UplinkReport> uplinks,
                       List<String> notMonitored) {
    }

    private final UplinkPollStore store;
    private final PlanOfRecord record;
    private final InventoryService inventory;
    private final Clock clock;

    UplinkReports(UplinkPollStore store, PlanOfRecord record, InventoryService inventory, ObjectProvider<Clock> clock) {
        this.store = store;
        this.record = record;
        this.inventory = inventory;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The current month in WIB. */
    YearMonth thisMonth() {
        return YearMonth.from(clock.instant().atZone(Wib.ZONE));
    }

    @Transactional(readOnly = true)
    MonthReport month(YearMonth month) {
        Instant now = clock.instant();
        Instant from = Instant.ofEpochSecond(UplinkMonth.start(month));
        Instant to = Instant.ofEpochSecond(UplinkMonth.end(month));
        Plan plan = record.live().orElse(null);
        List<Offer> offers = inventory.allOffers();
        List<UplinkReport> out = new ArrayList<>();
        for (UplinkPollStore.UplinkName u : store.uplinks(from, to)) {
            List<Poll> polls = store.pollsWithContext(u, from, to);
            UplinkMonth m = UplinkMonth.of(polls, month, now.getEpochSecond());
            SlaTerm sla = SlaTerm.find(plan, offers, u.provider(), u.product());
            out.add(new UplinkReport(u.provider(), u.product(), m, sla,
                    sla.status() == SlaTerm.Status.FOUND ? m.meets(sla.slaPct()) : null));
        }
        List<String> notMonitored = new ArrayList<>();
        if (plan != null) {
            for (Uplink pu : plan.uplinks()) {
                boolean seen = out.stream().anyMatch(r -> norm(r.provider()).equals(norm(pu.provider()))
                        && (r.product().isBlank() || norm(r.product()).equals(norm(pu.product()))));
                if (!seen) {
                    notMonitored.add(pu.provider() + " " + pu.product());
                }
            }
        }
        return new MonthReport(month, now, !now.isBefore(to), plan != null, out, notMonitored);
    }

    private static String norm(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
