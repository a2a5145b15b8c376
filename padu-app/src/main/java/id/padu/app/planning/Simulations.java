package id.padu.app.planning;

import id.padu.app.inventory.InventoryService;
import id.padu.domain.Dataset;
import id.padu.domain.Settings;
import id.padu.simulation.Simulator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A scenario's plan replayed through the measured traffic of the stored data (times
 * 1 + the scenario's growth): normally and with its largest provider failed. Computed once per
 * scenario and data version: a year of 5-minute steps for 50 agencies takes a fraction of a
 * second, but a page and its exports ask several times.
 */
@Component
class Simulations {

    /**
     * @param failed   null when the plan has no uplinks
     * @param problem  why the stored data cannot replay the plan (an agency since removed), else null
     */
    record Replay(Simulator.Result normal, Simulator.Result failed, String failedProvider, String problem) {
    }

    private final InventoryService inventory;
    private final Map<String, Replay> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Replay> e) {
            return size() > 32;
        }
    };

    Simulations(InventoryService inventory) {
        this.inventory = inventory;
    }

    Replay of(Scenario s) {
        String key = s.id() + "@" + inventory.version();
        synchronized (cache) {
            Replay r = cache.get(key);
            if (r != null) {
                return r;
            }
        }
        Replay r = compute(s, inventory.current());
        synchronized (cache) {
            cache.put(key, r);
        }
        return r;
    }

    static Replay compute(Scenario s, Dataset stored) {
        Dataset data;
        try {
            Settings settings = PlanSettings.apply(stored.settings(), s.settings());
            data = stored.withSettings(settings);
        } catch (PlanSettings.Invalid e) {
            data = stored;
        }
        String provider = s.largestProvider();
        try {
            Simulator.Result normal = Simulator.run(data, s.plan(), null);
            Simulator.Result failed = provider == null ? null : Simulator.run(data, s.plan(), provider);
            return new Replay(normal, failed, provider, null);
        } catch (Simulator.PlanMismatchException e) {
            return new Replay(null, null, provider, e.field() + ": " + e.value());
        }
    }
}
