package id.padu.plan;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.demo.KotimDemo;
import id.padu.domain.Agency;
import id.padu.domain.Dataset;
import id.padu.domain.Priority;
import id.padu.simulation.Simulator;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The built-in Kotawaringin Timur demo: its plan saves money, allocates feasibly and serves critical agencies. */
class DemoPlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void demoPlanSavesAllocatesFeasiblyAndServesCriticalAgencies() throws Exception {
        Dataset ds = KotimDemo.dataset(TODAY);
        PlanResult r = Planner.plan(ds, TODAY, Locale.forLanguageTag("id"));
        Plan p = r.plan();
        // the demo sits just under a capacity step: the search may stop at its time limit, and then says so
        assertThat(p.optimal() ? p.gap() == 0 : p.gap() > 0 && r.lowerBoundIdr() < p.planAnnualIdr()).isTrue();
        assertThat(p.savingsAnnualIdr()).isPositive();
        assertThat(p.centralAgencies()).isNotEmpty();
        long cirDown = p.centralAgencies().stream().mapToLong(AgencyDecision::cirDownBps).sum();
        long cirUp = p.centralAgencies().stream().mapToLong(AgencyDecision::cirUpBps).sum();
        double reserve = ds.settings().reserve();
        assertThat(cirDown).isLessThanOrEqualTo((long) Math.floor(p.capacityDownBps() * (1 - reserve)));
        assertThat(cirUp).isLessThanOrEqualTo((long) Math.floor(p.capacityUpBps() * (1 - reserve)));
        for (AgencyDecision a : p.centralAgencies()) {
            assertThat(a.cirDownBps()).isLessThanOrEqualTo(a.mirDownBps());
            assertThat(a.mirDownBps()).isLessThanOrEqualTo(p.capacityDownBps());
            assertThat(a.cutoverDate()).isNotNull();
        }
        assertThat(p.capacityDownBps()).isGreaterThanOrEqualTo(p.requiredDownBps());

        Set<String> critical = ds.agencies().stream().filter(a -> a.priority() == Priority.CRITICAL).map(Agency::code)
                .collect(Collectors.toSet());
        Simulator.Result sim = Simulator.run(ds, p, null);
        Map<String, Simulator.AgencyResult> by = sim.agencies().stream()
                .collect(Collectors.toMap(Simulator.AgencyResult::code, a -> a));
        int checked = 0;
        for (String code : critical) {
            Simulator.AgencyResult a = by.get(code);
            if (a == null) {
                continue; // stays local
            }
            assertThat(a.servedFractionDown()).as(code).isGreaterThanOrEqualTo(0.999);
            assertThat(a.servedFractionUp()).as(code).isGreaterThanOrEqualTo(0.999);
            checked++;
        }
        assertThat(checked).as("critical agencies on the central network").isPositive();
    }
}
