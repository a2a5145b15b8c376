package id.padu.app.dashboard;

import id.padu.app.inventory.InventoryService;
import id.padu.app.planning.PlanOfRecord;
import id.padu.domain.BitRate;
import id.padu.domain.Rupiah;
import id.padu.forecast.Forecast;
import id.padu.forecast.ForecastException;
import id.padu.forecast.Forecaster;
import id.padu.plan.Plan;
import id.padu.plan.Uplink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The dashboard's capacity forecast (docs/forecast-budget.md): the central aggregate of the plan of
 * record against its uplinks, or, before a plan is adopted, every agency against what the
 * subscriptions buy. Computed once per stored data version and plan-of-record version (reading the
 * usage takes a second on the demo; an amendment changes CIR/MIR only, never the uplinks or who is
 * central), and rendered per request in the reader's language.
 */
@Component
class ForecastCharts {

    /** How far the chart looks ahead: two budget years. */
    static final int MONTHS = 24;

    private final InventoryService inventory;
    private final PlanOfRecord record;
    private final MessageSource messages;
    private volatile Computed computed;

    ForecastCharts(InventoryService inventory, PlanOfRecord record, MessageSource messages) {
        this.inventory = inventory;
        this.record = record;
        this.messages = messages;
    }

    /** A forecast, or why there is none, for one data version and one plan-of-record version (0: none). */
    record Computed(long dataVersion, int planVersion, Forecast forecast, ForecastException refused) {
    }

    Computed current() {
        // the versions are read before the data: a change meanwhile only makes the next call compute again
        long version = inventory.version();
        Optional<PlanOfRecord.InForce> f = record.inForce();
        int planVersion = f.map(x -> x.version().version()).orElse(0);
        Computed c = computed;
        if (c != null && c.dataVersion() == version && c.planVersion() == planVersion) {
            return c;
        }
        synchronized (this) {
            c = computed;
            if (c != null && c.dataVersion() == version && c.planVersion() == planVersion) {
                return c;
            }
            Plan plan = f.map(PlanOfRecord.InForce::live).orElse(null);
            try {
                c = new Computed(version, planVersion, Forecaster.forecast(inventory.current(), plan, MONTHS), null);
            } catch (ForecastException e) {
                c = new Computed(version, planVersion, null, e);
            }
            computed = c;
            return c;
        }
    }

    ForecastChart chart(Locale locale) {
        Computed c = current();
        if (c.forecast() == null) {
            return ForecastChart.refused(c.refused().message(locale));
        }
        return ForecastChart.of(c.forecast(), summary(c, locale));
    }

    private List<String> summary(Computed c, Locale l) {
        Forecast f = c.forecast();
        List<String> out = new ArrayList<>();
        out.add(text(l, "dash.forecast.model", f.measuredMonths().size(), pct(f.quantile(), l, 0).replace(" %", ""),
                pct(f.growthPerYear(), l, 1), pct(f.up().growthPerYear(), l, 1)));
        String cap = BitRate.ofBps(f.capacityDownBps()).format() + " / " + BitRate.ofBps(f.capacityUpBps()).format();
        out.add(f.capacityFrom() == Forecast.CapacityFrom.PLAN
                ? text(l, "dash.forecast.capacity.plan", c.planVersion(), cap, pct(f.targetUtilization(), l, 0))
                : text(l, "dash.forecast.capacity.subscriptions", cap, pct(f.targetUtilization(), l, 0)));
        Forecast.Crossing x = f.crossing();
        if (x == null) {
            out.add(text(l, "dash.forecast.noCrossing", f.months().get(f.months().size() - 1).month().toString()));
            return out;
        }
        out.add(text(l, x.measured() ? "dash.forecast.crossedMeasured" : "dash.forecast.crossing", x.month().toString(),
                text(l, x.direction() == id.padu.domain.Direction.DOWN ? "dash.forecast.down" : "dash.forecast.up"),
                BitRate.ofBps(x.requiredDownBps()).format() + " / " + BitRate.ofBps(x.requiredUpBps()).format()));
        if (f.upgrade() == null) {
            out.add(text(l, "dash.forecast.noChoice"));
        } else {
            String uplinks = f.upgrade().uplinks().stream().map(ForecastCharts::uplink).collect(Collectors.joining(" + "));
            out.add(text(l, "dash.forecast.upgrade", uplinks, Rupiah.format(f.upgrade().annualIdr())));
        }
        return out;
    }

    private static String uplink(Uplink u) {
        return u.provider() + " " + u.product();
    }

    private String text(Locale l, String key, Object... args) {
        return messages.getMessage(key, args, key, l);
    }

    private static String pct(double fraction, Locale l, int decimals) {
        return String.format(l, "%." + decimals + "f %%", fraction * 100);
    }
}
