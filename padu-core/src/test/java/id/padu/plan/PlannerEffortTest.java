package id.padu.plan;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.domain.Dataset;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The search is bounded by its effort, not by the clock: the same data and limits give the same
 * plan, also when the effort runs out before the proof, and a plan cut by the safety-net clock
 * says so.
 */
class PlannerEffortTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    /** A regency near a price step (which agencies stay out decides the step) that needs many nodes to prove. */
    private static Dataset hardInstance() throws Exception {
        Random rnd = new Random(15_2026);
        for (int trial = 0; trial < 40; trial++) {
            Dataset ds = PlannerExhaustiveTest.priceStepInstance(rnd, 14, 2_000);
            PlanResult probe = Planner.plan(ds, START, Locale.ENGLISH, Planner.Limits.DEFAULT.withEffort(40));
            if (probe.stoppedBy() == PlanResult.Stop.EFFORT) {
                return ds;
            }
        }
        throw new AssertionError("no instance the effort cuts");
    }

    @Test
    void theSameEffortGivesTheSamePlanWhenItCutsTheSearch() throws Exception {
        Dataset ds = hardInstance();
        Planner.Limits limits = Planner.Limits.DEFAULT.withEffort(40);
        PlanResult first = Planner.plan(ds, START, Locale.ENGLISH, limits);
        PlanResult second = Planner.plan(ds, START, Locale.ENGLISH, limits);
        assertThat(first.stoppedBy()).isEqualTo(PlanResult.Stop.EFFORT);
        assertThat(first.plan().optimal()).isFalse();
        assertThat(first.plan().gap()).isPositive();
        // nodes over all phases stay within the effort (a node's children may be counted as it closes)
        assertThat(first.searchNodes()).isBetween(1L, 42L);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void enoughEffortProvesTheOptimum() throws Exception {
        Dataset ds = hardInstance();
        PlanResult r = Planner.plan(ds, START, Locale.ENGLISH, Planner.Limits.DEFAULT.withEffort(5_000_000));
        assertThat(r.stoppedBy()).isEqualTo(PlanResult.Stop.COMPLETE);
        assertThat(r.plan().optimal()).isTrue();
        assertThat(r.plan().planAnnualIdr()).isEqualTo(PlannerExhaustiveTest.bruteForce(ds));
    }

    @Test
    void aSearchCutByTheClockSaysSo() throws Exception {
        Dataset ds = hardInstance();
        PlanResult r = Planner.plan(ds, START, Locale.ENGLISH, Planner.Limits.DEFAULT.withTimeLimitMillis(0));
        assertThat(r.stoppedBy()).isEqualTo(PlanResult.Stop.TIME);
        assertThat(r.plan().optimal()).isFalse();
        assertThat(r.lowerBoundIdr()).isLessThanOrEqualTo(r.plan().planAnnualIdr());
    }
}
