package id.padu.plan;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.domain.Dataset;
import id.padu.domain.PlanScope;
import id.padu.domain.Priority;
import id.padu.domain.Redundancy;
import id.padu.domain.UsageSeries;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemandGridTest {

    @Test
    void seriesWithOtherStartsAndCoarserStepsLandOnTheCommonGrid() {
        long t0 = Fixtures.START;
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        // A: 5-minute steps from t0; B: 15-minute steps starting 5 minutes later; C: no usage
        usage.put("A", new UsageSeries("A", t0, 300, new long[] {1, 2, UsageSeries.MISSING, 4, 5, 6}, new long[6]));
        usage.put("B", new UsageSeries("B", t0 + 300, 900, new long[] {10, 20}, new long[2]));
        Dataset ds = Fixtures.dataset(List.of(Fixtures.agency("A", Priority.NORMAL), Fixtures.agency("B", Priority.NORMAL),
                Fixtures.agency("C", Priority.NORMAL)), List.of(), List.of(), null, usage,
                Fixtures.settings(Redundancy.SINGLE, PlanScope.OPTIMIZE, LocalDate.of(2026, 1, 1)));
        DemandGrid g = DemandGrid.of(ds);
        assertThat(g.stepSeconds()).isEqualTo(300);
        assertThat(g.length()).isEqualTo(7); // t0 .. t0 + 35 min
        long[] agg = new long[g.length()];
        g.accumulate(agg, 0, true, 1);
        g.accumulate(agg, 1, true, 1);
        g.accumulate(agg, 2, true, 1);
        // B's 15-minute average fills the three 5-minute steps it covers; A's missing step counts 0
        assertThat(agg).containsExactly(1, 12, 10, 14, 25, 26, 20);
        assertThat(g.measuredCount()).isEqualTo(7);
        long[] scratch = new long[7];
        // nearest rank: ceil(0.5 x 7) = 4th smallest of {1,10,12,14,20,25,26}
        assertThat(g.quantile(agg, 0.5, scratch, null)).isEqualTo(14);
        assertThat(g.quantileBracket(agg, 0.5, 12, 20, scratch, null)).isEqualTo(14);
        // a wrong bracket falls back to the full selection
        assertThat(g.quantileBracket(agg, 0.5, 20, 30, scratch, null)).isEqualTo(14);
        assertThat(g.ownQuantile(0, true, 1.0)).isEqualTo(6);
        assertThat(g.series(2, true)).isNull();
    }
}
