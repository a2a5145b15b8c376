package id.padu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.BudgetWorkbook;
import id.padu.app.GrowingRegency;
import id.padu.app.planning.PlanFiles;
import id.padu.dataset.DatasetWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * padu budget on {@link GrowingRegency} for 2027, against figures worked out by hand: PUSAT-B cuts
 * over in May (month 5), the forecast crosses the 100 Mbps uplink in September (month 9).
 * Central: Astinet 100 January to August 8 x 20,000,000 = 160,000,000; the upgrade (ICON+ 200)
 * September to December 4 x 33,000,000 + 3,000,000 installation = 135,000,000; PUSAT-A's link
 * 12 x 1,000,000 = 12,000,000; PUSAT-B's link May to December 8 x 750,000 + 12,000,000 = 18,000,000;
 * together 325,000,000. Agencies (by code): LOKAL-C 12 x 2,500,000 = 30,000,000, PUSAT-A 0 (72,000,000 no longer needed), PUSAT-B 5 x 5,060,000 =
 * 25,300,000 (35,420,000); together 55,300,000. Total
 * 380,300,000 against 162,720,000 today.
 */
class BudgetCommandTest {

    @TempDir
    static Path tmp;

    static Path dir;
    static Path plan;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @BeforeAll
    static void files() throws Exception {
        dir = tmp.resolve("regency");
        DatasetWriter.writeFolder(GrowingRegency.dataset(), dir);
        plan = tmp.resolve("plan.json");
        try (OutputStream out = Files.newOutputStream(plan)) {
            PlanFiles.write(GrowingRegency.plan(), out);
        }
    }

    @Test
    void theJsonHoldsTheHandFigures() throws Exception {
        CliRun r = run("budget", dir.toString(), "--plan", plan.toString(), "--year", "2027", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode j = JsonMapper.shared().readTree(r.out());
        List<String> names = new ArrayList<>();
        j.propertyNames().forEach(names::add);
        assertThat(names.subList(0, 7)).containsExactly("year", "centralLines", "agencies", "centralTotalIdr",
                "agenciesTotalIdr", "totalIdr", "statusQuoIdr");
        assertThat(j.get("year").intValue()).isEqualTo(2027);
        JsonNode lines = j.get("centralLines");
        assertThat(lines.size()).isEqualTo(4);
        List<String> lineNames = new ArrayList<>();
        lines.get(0).propertyNames().forEach(lineNames::add);
        assertThat(lineNames.subList(0, 5)).containsExactly("item", "provider", "months", "monthlyIdr", "annualIdr");
        line(lines.get(0), "Astinet 100 Mbps", "Telkom Indonesia", 8, 20_000_000, 160_000_000, "uplink");
        line(lines.get(1), "Peningkatan kapasitas: Internet Dedicated 200 Mbps", "ICON+", 4, 33_000_000, 135_000_000, "upgrade");
        assertThat(lines.get(1).get("fromMonth").intValue()).isEqualTo(9);
        assertThat(lines.get(1).get("oneOffIdr").longValue()).isEqualTo(3_000_000);
        line(lines.get(2), "Tautan fiber ke hub: PUSAT-A", null, 12, 1_000_000, 12_000_000, "link");
        line(lines.get(3), "Tautan radio ke hub: PUSAT-B", null, 8, 750_000, 18_000_000, "link");
        assertThat(lines.get(3).get("fromMonth").intValue()).isEqualTo(5);
        // account codes from settings.csv, as the regency filled them in
        assertThat(lines.get(0).get("accountCode").stringValue()).isEqualTo("5.1.02.02.01.0063");
        assertThat(lines.get(2).get("accountCode").stringValue()).isEqualTo("5.1.02.02.01.0064");

        JsonNode agencies = j.get("agencies");
        List<String> agencyNames = new ArrayList<>();
        agencies.get(0).propertyNames().forEach(agencyNames::add);
        assertThat(agencyNames.subList(0, 3)).containsExactly("code", "budgetIdr", "noLongerNeededIdr");
        agency(agencies.get(0), "LOKAL-C", 30_000_000, 0);
        agency(agencies.get(1), "PUSAT-A", 0, 72_000_000);
        agency(agencies.get(2), "PUSAT-B", 25_300_000, 35_420_000);
        assertThat(j.get("centralTotalIdr").longValue()).isEqualTo(325_000_000L);
        assertThat(j.get("agenciesTotalIdr").longValue()).isEqualTo(55_300_000L);
        assertThat(j.get("totalIdr").longValue()).isEqualTo(380_300_000L);
        assertThat(j.get("statusQuoIdr").longValue()).isEqualTo(162_720_000L);
        assertThat(j.get("narrative").stringValue()).startsWith("Pada tahun anggaran 2027 Diskominfo mengusulkan")
                .contains("PUSAT-B (Mei)");
    }

    private static void line(JsonNode l, String item, String provider, int months, long monthly, long annual, String kind) {
        assertThat(l.get("item").stringValue()).isEqualTo(item);
        if (provider == null) {
            assertThat(l.get("provider").isNull()).isTrue();
        } else {
            assertThat(l.get("provider").stringValue()).isEqualTo(provider);
        }
        assertThat(l.get("months").intValue()).isEqualTo(months);
        assertThat(l.get("monthlyIdr").longValue()).isEqualTo(monthly);
        assertThat(l.get("annualIdr").longValue()).isEqualTo(annual);
        assertThat(l.get("kind").stringValue()).isEqualTo(kind);
    }

    private static void agency(JsonNode a, String code, long budget, long noLonger) {
        assertThat(a.get("code").stringValue()).isEqualTo(code);
        assertThat(a.get("budgetIdr").longValue()).isEqualTo(budget);
        assertThat(a.get("noLongerNeededIdr").longValue()).isEqualTo(noLonger);
    }

    @Test
    void theWorkbookHoldsTheSameFigures() throws Exception {
        Path xlsx = tmp.resolve("anggaran.xlsx");
        CliRun r = run("budget", dir.toString(), "--plan", plan.toString(), "--year", "2027", "--format", "xlsx", "--out",
                xlsx.toString(), "--region", "Kabupaten Uji");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(xlsx.toString());
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            BudgetWorkbook.assertHandFigures(wb);
        }
    }

    @Test
    void theTableEndsWithTheJustification() {
        CliRun r = run("budget", dir.toString(), "--plan", plan.toString(), "--year", "2027", "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Internet budget proposal for 2027").contains("Capacity upgrade: Internet Dedicated 200 Mbps")
                .contains("September–December").contains("Rp 380.300.000")
                // the justification stays in Bahasa Indonesia
                .contains("Pada tahun anggaran 2027");
    }

    @Test
    void usageAndInputErrors() throws Exception {
        for (String bad : List.of("1999", "2101", "dua ribu")) {
            CliRun r = run("budget", dir.toString(), "--plan", plan.toString(), "--year", bad, "--lang", "en");
            assertThat(r.code()).as(bad).isEqualTo(2);
            assertThat(r.err()).isEqualTo("--year must be a year from 2000 to 2100, not \"" + bad + "\"" + System.lineSeparator());
        }
        assertThat(run("budget", dir.toString(), "--plan", plan.toString(), "--year", "2027", "--format", "xlsx").code()).isEqualTo(2);
        assertThat(run("budget", dir.toString(), "--plan", plan.toString(), "--year", "2027", "--format", "pdf").code()).isEqualTo(2);
        assertThat(run("budget", dir.toString(), "--year", "2027").code()).isEqualTo(2);
        CliRun noPlan = run("budget", dir.toString(), "--plan", tmp.resolve("none.json").toString(), "--year", "2027");
        assertThat(noPlan.code()).isEqualTo(1);
        assertThat(noPlan.out()).isEmpty();
        Path other = tmp.resolve("other.json");
        Files.writeString(other, Files.readString(plan).replace("LOKAL-C", "LOKAL-X"));
        CliRun unknown = run("budget", dir.toString(), "--plan", other.toString(), "--year", "2027", "--lang", "en");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("the plan names agency LOKAL-X, which is not in the dataset");
    }
}
