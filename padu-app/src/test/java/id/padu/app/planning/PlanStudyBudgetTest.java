package id.padu.app.planning;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import id.padu.plan.PlanResult;
import id.padu.plan.Uplink;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The study of a plan that a budget ceiling left short of its requirement says so in its summary. */
class PlanStudyBudgetTest {

    private static StudyTexts texts() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("i18n/messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        m.setAlwaysUseMessageFormat(true);
        return new StudyTexts(m);
    }

    private static Scenario scenario(boolean meets, double carried) throws Exception {
        Plan p = new Plan(600_000_000L, 400_000_000L, 200_000_000L, 0, 0.0, 90_000_000, 36_000_000, true, 0,
                List.of(new Uplink("Telkom", "Astinet 50", 50, 50, 2_000_000, 0), new Uplink("Lintasarta", "DIA 50", 50, 50, 2_000_000, 0)),
                List.of(new AgencyDecision("A0", Decision.CENTRAL, 1_000_000, 100_000_000, 1_000_000, 100_000_000,
                        LocalDate.of(2026, 1, 1), "bergabung")));
        PlanResult r = new PlanResult(p, p.planAnnualIdr(), List.of(), 0, 0, 10, PlanResult.Stop.COMPLETE, List.of(),
                120_000_000L, meets, carried);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        PlanFiles.write(r, json);
        return Scenario.of(1, "Anggaran", Map.of("plan.central_budget_idr", "120000000", "plan.reserve", "0.1"), json.toByteArray(),
                1, "perencana", Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static String study(Scenario s) throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PlanStudyPdf.write(s, texts(), "Kabupaten Uji Coba", LocalDate.of(2026, 1, 2), Map.of(),
                new Simulations.Replay(null, null, null, null), new PlanStudyPdf.Demand(0, null, null, 0, 1), pdf);
        return PlanningTest.pdfText(pdf.toByteArray());
    }

    @Test
    void aPlanShortOfItsRequirementSaysSoWithTheShareItCarries() throws Exception {
        Scenario short_ = scenario(false, 0.9259);
        assertThat(short_.meetsRequirement()).isFalse();
        assertThat(short_.centralAnnualIdr()).isEqualTo(120_000_000L);
        assertThat(study(short_)).contains("batas anggaran pusat Rp 120.000.000", "92,59 %", "Bagian pusat per tahun",
                "Rp 120.000.000");
        assertThat(study(scenario(true, 1.0))).doesNotContain("batas anggaran pusat Rp").contains("Bagian pusat per tahun");
    }
}
