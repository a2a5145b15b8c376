package id.padu.app.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.padu.domain.Agency;
import id.padu.domain.AgencyKind;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Dataset;
import id.padu.domain.IpPrefix;
import id.padu.domain.OnlineService;
import id.padu.domain.PlanScope;
import id.padu.domain.Priority;
import id.padu.domain.Redundancy;
import id.padu.domain.Rupiah;
import id.padu.domain.Settings;
import id.padu.domain.Subscription;
import id.padu.migration.MigrationSchedule;
import id.padu.migration.MigrationScheduler;
import id.padu.migration.Runbook;
import id.padu.migration.RunbookGenerator;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The printed runbook carries the steps: read back from the PDF's text. */
class RunbookPdfTest {

    static final LocalDate MON = LocalDate.of(2026, 6, 1);

    static Dataset dataset() {
        List<Agency> agencies = List.of(
                new Agency("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", AgencyKind.DINAS, Priority.HIGH,
                        List.of(IpPrefix.parse("10.20.0.0/24").orElseThrow())),
                new Agency("DLH", "Dinas Lingkungan Hidup", AgencyKind.DINAS, Priority.NORMAL,
                        List.of(IpPrefix.parse("10.21.0.0/24").orElseThrow())));
        List<Subscription> subs = List.of(
                new Subscription("DISDUKCAPIL", "Telkom", "Astinet 50", ConnectionKind.DEDICATED, BitRate.ofMbps(50),
                        BitRate.ofMbps(50), Rupiah.of(9_000_000), Rupiah.ZERO, null, LocalDate.of(2026, 6, 20), Rupiah.of(25_000_000)),
                new Subscription("DLH", "Iconnet", "100 Mbps", ConnectionKind.BROADBAND, BitRate.ofMbps(100),
                        BitRate.ofMbps(100), Rupiah.of(427_000), Rupiah.ZERO, null, null, Rupiah.ZERO));
        List<OnlineService> services = List.of(
                new OnlineService("DISDUKCAPIL", "SIAK", Priority.CRITICAL, "siak.kotimkab.go.id", "203.0.113.10"),
                new OnlineService("DLH", "SIPPLH", Priority.NORMAL, "sipplh.kotimkab.go.id", null));
        Settings s = new Settings(0.95, 0.2, 0.8, Redundancy.DUAL, 0.6, 3, 0.1, PlanScope.OPTIMIZE, MON, MON, MON,
                2, "SAT 07:00-13:00", List.of(), Map.of());
        return new Dataset(agencies, subs, List.of(), null, services, Map.of(), s);
    }

    static Plan plan() {
        return new Plan(0, 0, 0, 0, null, 0, 0, true, 0, List.of(), List.of(
                new AgencyDecision("DISDUKCAPIL", Decision.CENTRAL, 20_000_000, 50_000_000, 10_000_000, 50_000_000, null, null),
                new AgencyDecision("DLH", Decision.CENTRAL, 5_000_000, 20_000_000, 2_000_000, 20_000_000, null, null)));
    }

    static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder sb = new StringBuilder();
        PdfTextExtractor ex = new PdfTextExtractor(reader);
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            sb.append(ex.getTextFromPage(p)).append('\n');
        }
        reader.close();
        // Table cells wrap lines, also after the hyphen of a date ("2026-06-" / "13"): compare on
        // single spaces, with such a wrap closed again.
        return sb.toString().replaceAll("\\s+", " ").replaceAll("(?<=\\d-) (?=\\d)", "");
    }

    @Test
    void everyPhaseAndStepIsInThePrintedRunbookInBothLanguages() throws Exception {
        Dataset d = dataset();
        Plan p = plan();
        MigrationSchedule schedule = new MigrationScheduler(d, p).schedule();
        List<Runbook> runbooks = RunbookGenerator.all(d, p, schedule);
        Runbook siak = runbooks.stream().filter(r -> r.code().equals("DISDUKCAPIL")).findFirst().orElseThrow();

        ByteArrayOutputStream id = new ByteArrayOutputStream();
        RunbookPdf.write(List.of(siak), null, Locale.forLanguageTag("id"), id);
        String t = text(id.toByteArray());
        assertThat(new String(id.toByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(t)
                .contains("Runbook cutover Dinas Kependudukan dan Pencatatan Sipil (DISDUKCAPIL)")
                .contains("Cutover: " + siak.date() + ", jendela 07:00-13:00 WIB")
                .contains("Persiapan (T-7)")
                .contains("turunkan ke 300 detik paling lambat " + siak.date().minusDays(7))
                .contains("SIAK dilayani di alamat ISP lama 203.0.113.10: siapkan NAT")
                .contains("Pastikan prefix 10.20.0.0/24 masuk kelas shaping DISDUKCAPIL")
                .contains("siak.kotimkab.go.id (SIAK) terjangkau dari luar jaringan pemda")
                .contains("Trafik DISDUKCAPIL terlihat di penghitung kelas gateway")
                .contains("ceil (MIR) 50 Mbps / 50 Mbps sesuai rencana")
                .contains("Rollback bila salah satu terjadi:")
                .contains("Layanan kritis (SIAK) tidak terjangkau dari luar lebih dari 15 menit")
                .contains("Kembalikan rute default DISDUKCAPIL ke ISP lama (Telkom Astinet 50)")
                .contains("Serah terima (sign-off)")
                .contains("Operator instansi")
                .contains("Teknisi Diskominfo");

        ByteArrayOutputStream en = new ByteArrayOutputStream();
        RunbookPdf.write(runbooks, schedule, Locale.ENGLISH, en);
        String te = text(en.toByteArray());
        assertThat(te)
                .contains("Migration schedule")
                .contains("Optimal schedule")
                .contains("Cutover runbook Dinas Lingkungan Hidup (DLH)")
                .contains("Cutover runbook Dinas Kependudukan dan Pencatatan Sipil (DISDUKCAPIL)")
                .contains("lower it to 300 seconds by")
                .contains("sipplh.kotimkab.go.id (SIPPLH) is reachable from outside")
                .contains("Roll back when any of these happens:")
                .contains("Move the default route of DLH back to the old ISP (Iconnet 100 Mbps)")
                .contains("waits for the contract to end on 2026-06-20: saves Rp");
    }
}
