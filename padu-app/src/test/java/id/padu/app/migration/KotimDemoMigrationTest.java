package id.padu.app.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.padu.demo.KotimDemo;
import id.padu.domain.Dataset;
import id.padu.domain.OnlineService;
import id.padu.domain.Priority;
import id.padu.migration.Cutover;
import id.padu.migration.MigrationSchedule;
import id.padu.migration.MigrationScheduler;
import id.padu.migration.Runbook;
import id.padu.migration.RunbookGenerator;
import id.padu.migration.RunbookPhase;
import id.padu.migration.Wave;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Plan;
import id.padu.plan.Planner;
import java.io.ByteArrayOutputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Kotawaringin Timur demo from plan to a full schedule with a runbook for every agency. */
class KotimDemoMigrationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void theDemoGetsAFullScheduleThatKeepsEveryRuleAndARunbookPerAgency() throws Exception {
        Dataset ds = KotimDemo.dataset(TODAY);
        Plan plan = Planner.plan(ds, TODAY, Locale.forLanguageTag("id")).plan();
        List<String> central = plan.centralAgencies().stream().map(AgencyDecision::code).toList();
        assertThat(central).hasSizeGreaterThan(20);

        MigrationSchedule s = new MigrationScheduler(ds, plan).schedule();
        assertThat(s.optimal()).isTrue();
        assertThat(s.cutovers()).extracting(Cutover::code).containsExactlyInAnyOrderElementsOf(central);
        var settings = ds.settings();
        Set<String> criticalWindows = new HashSet<>();
        LocalDate pilotWeek = s.waves().get(0).week();
        assertThat(s.waves().get(0).pilot()).isTrue();
        for (Wave w : s.waves()) {
            assertThat(w.week().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(w.cutovers()).hasSizeLessThanOrEqualTo(settings.cutoversPerWeek());
            for (Cutover c : w.cutovers()) {
                assertThat(c.date()).isBetween(w.week(), w.week().plusDays(6))
                        .isAfterOrEqualTo(settings.migrateUplinkReadyDate());
                assertThat(settings.migrateBlackouts()).noneMatch(b -> b.contains(c.date()));
                assertThat(c.date().getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                boolean critical = ds.servicesOf(c.code()).stream().anyMatch(x -> x.criticality() == Priority.CRITICAL)
                        || ds.agency(c.code()).orElseThrow().priority() == Priority.CRITICAL;
                assertThat(c.critical()).isEqualTo(critical);
                if (critical) {
                    assertThat(w.week()).isAfter(pilotWeek);
                    assertThat(criticalWindows.add(c.date() + " " + c.window())).isTrue();
                }
                assertThat(c.reason(Locale.ENGLISH)).isNotBlank();
            }
        }

        List<Runbook> runbooks = RunbookGenerator.all(ds, plan, s);
        assertThat(runbooks).hasSize(central.size());
        for (Runbook rb : runbooks) {
            for (OnlineService svc : ds.servicesOf(rb.code())) {
                if (svc.hostname() != null) {
                    assertThat(rb.section(RunbookPhase.PREPARE).items()).anyMatch(i -> i.id().equals("prepare.ttl." + svc.name()));
                    assertThat(rb.section(RunbookPhase.VERIFY).items()).anyMatch(i -> i.id().equals("verify.host." + svc.name()));
                }
            }
        }
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        RunbookPdf.write(runbooks, s, Locale.forLanguageTag("id"), pdf);
        PdfReader reader = new PdfReader(pdf.toByteArray());
        PdfTextExtractor ex = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(ex.getTextFromPage(p)).append('\n');
        }
        String t = text.toString().replaceAll("\\s+", " ");
        assertThat(t.split("Runbook cutover ", -1)).hasSize(central.size() + 1);
        assertThat(t).contains("Jadwal migrasi").contains("simrs.rsudmurjani.kotimkab.go.id")
                .contains("Layanan kritis (SIMRS) tidak terjangkau dari luar");
        // Long codes wrap after a hyphen in the titles: compare without spaces.
        String compact = t.replace(" ", "");
        assertThat(central.stream().filter(c -> !compact.contains("(" + c + ")")).collect(Collectors.toList())).isEmpty();
    }
}
