package id.padu.app.planning;

import id.padu.plan.Plan;
import id.padu.simulation.Simulator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What other modules may read of a stored scenario: its name, its plan and each agency's served
 * share of demand in the replay (normal, and with the plan's largest provider failed). The review
 * rounds build the agencies' packets from it.
 */
@Service
public class ScenarioPackets {

    /** A scenario as a review reads it; {@code served} has the central agencies the replay could run. */
    public record Reviewed(long id, String name, Plan plan, Map<String, Served> served, String failedProvider) {
    }

    /** A scenario as a list names it: for choosing the revised scenario of a round. */
    public record Named(long id, String name) {
    }

    /** Served share of demand, 0 to 1, per direction; the failed figures are null without a second provider. */
    public record Served(double down, double up, Double downFailed, Double upFailed) {
    }

    private final ScenarioRepository scenarios;
    private final Simulations simulations;

    ScenarioPackets(ScenarioRepository scenarios, Simulations simulations) {
        this.scenarios = scenarios;
        this.simulations = simulations;
    }

    /** Every stored scenario, as the planning page lists them. */
    public java.util.List<Named> named() {
        return scenarios.all().stream().map(s -> new Named(s.id(), s.name())).toList();
    }

    /** The scenario's plan alone, without replaying traffic through it (cheap: for lists and checks). */
    public Optional<Plan> plan(long id) {
        return scenarios.find(id).map(Scenario::plan);
    }

    /** The scenario with each agency's served share, which replays a year of traffic the first time. */
    public Optional<Reviewed> find(long id) {
        return scenarios.find(id).map(s -> {
            Simulations.Replay r = simulations.of(s);
            Map<String, Served> served = new LinkedHashMap<>();
            if (r.normal() != null) {
                Map<String, Simulator.AgencyResult> failed = new LinkedHashMap<>();
                if (r.failed() != null) {
                    r.failed().agencies().forEach(a -> failed.put(a.code(), a));
                }
                for (Simulator.AgencyResult a : r.normal().agencies()) {
                    Simulator.AgencyResult f = failed.get(a.code());
                    served.put(a.code(), new Served(a.servedFractionDown(), a.servedFractionUp(),
                            f == null ? null : f.servedFractionDown(), f == null ? null : f.servedFractionUp()));
                }
            }
            return new Reviewed(s.id(), s.name(), s.plan(), served, r.failedProvider());
        });
    }
}
