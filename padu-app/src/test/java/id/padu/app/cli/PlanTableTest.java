package id.padu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import id.padu.plan.PlanResult;
import id.padu.plan.Uplink;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The table of {@code padu plan}: what a planner reads in the terminal. */
class PlanTableTest {

    private static Plan plan() {
        return new Plan(1_000_000_000L, 700_000_000L, 300_000_000L, 5_000_000L, 0.2, 100_000_000L, 50_000_000L, true, 0,
                List.of(new Uplink("Telkom", "Astinet 100", 100, 100, 58_333_333L, 0)),
                List.of(new AgencyDecision("SETDA", Decision.CENTRAL, 10_000_000L, 100_000_000L, 5_000_000L, 100_000_000L,
                        null, null)));
    }

    @Test
    void aPlanNotProvenOptimalStatesItsGapInRupiah() {
        Plan o = plan();
        Plan p = new Plan(o.statusQuoAnnualIdr(), o.planAnnualIdr(), o.savingsAnnualIdr(), o.oneOffCostIdr(), o.paybackMonths(),
                o.requiredDownBps(), o.requiredUpBps(), false, 0.0325, o.uplinks(), o.agencies());
        PlanResult r = new PlanResult(p, 677_250_000L, List.of(), 0, 0, 0);
        java.io.StringWriter id = new java.io.StringWriter();
        PlanCommand.printTable(r, Locale.forLanguageTag("id"), new java.io.PrintWriter(id, true));
        assertThat(id.toString()).contains("3.250 %: paling banyak Rp 22.750.000 per tahun di atas rencana terbaik yang mungkin"
                + " (batas bawah Rp 677.250.000)");
        java.io.StringWriter en = new java.io.StringWriter();
        PlanCommand.printTable(r, Locale.ENGLISH, new java.io.PrintWriter(en, true));
        assertThat(en.toString()).contains("3.250 %: at most Rp 22.750.000 a year above the best possible plan (lower bound Rp 677.250.000)");
    }
}
