package id.padu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.GrowingRegency;
import id.padu.app.planning.PlanFiles;
import id.padu.dataset.DatasetWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** padu forecast on {@link GrowingRegency}: the JSON contract, the table, exit codes. */
class ForecastCommandTest {

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
    void theJsonIsTheContract() throws Exception {
        CliRun r = run("forecast", dir.toString(), "--plan", plan.toString(), "--months", "24", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode json = JsonMapper.shared().readTree(r.out());
        List<String> names = new ArrayList<>();
        json.propertyNames().forEach(names::add);
        assertThat(names.subList(0, 4)).containsExactly("growthPerYear", "months", "crossing", "upgrade");
        // 1.05^12 - 1, to four decimals
        assertThat(json.get("growthPerYear").doubleValue()).isEqualTo(0.7959);
        JsonNode months = json.get("months");
        assertThat(months.size()).isEqualTo(6 + 24);
        JsonNode jan = months.get(0);
        List<String> monthNames = new ArrayList<>();
        jan.propertyNames().forEach(monthNames::add);
        assertThat(monthNames.subList(0, 4)).containsExactly("month", "measured", "p95DownBps", "p95UpBps");
        assertThat(jan.get("month").stringValue()).isEqualTo("2026-01");
        assertThat(jan.get("measured").booleanValue()).isTrue();
        // PUSAT-A 18 + PUSAT-B 13 Mbps; LOKAL-C's 500 Mbps is not in the central aggregate
        assertThat(jan.get("p95DownBps").longValue()).isEqualTo(31_000_000L);
        assertThat(jan.get("p95UpBps").longValue()).isEqualTo(9_300_000L);
        assertThat(jan.get("lowDownBps").isNull()).isTrue();
        JsonNode jul = months.get(6);
        assertThat(jul.get("month").stringValue()).isEqualTo("2026-07");
        assertThat(jul.get("measured").booleanValue()).isFalse();
        assertThat((double) jul.get("p95DownBps").longValue()).isCloseTo(31e6 * Math.pow(1.05, 6), org.assertj.core.api.Assertions.within(50.0));

        assertThat(json.get("crossing").get("month").stringValue()).isEqualTo("2027-09");
        assertThat(json.get("crossing").get("direction").stringValue()).isEqualTo("down");
        JsonNode uplinks = json.get("upgrade").get("uplinks");
        assertThat(uplinks.size()).isEqualTo(1);
        JsonNode u = uplinks.get(0);
        assertThat(u.get("provider").stringValue()).isEqualTo("ICON+");
        assertThat(u.get("product").stringValue()).isEqualTo("Internet Dedicated 200 Mbps");
        assertThat(u.get("monthlyCostIdr").longValue()).isEqualTo(33_000_000L);
        // the uplink's fields are the plan file's, in its order
        JsonNode planUplink = JsonMapper.shared().readTree(Files.readString(plan)).get("uplinks").get(0);
        List<String> planFields = new ArrayList<>();
        planUplink.propertyNames().forEach(planFields::add);
        List<String> upgradeFields = new ArrayList<>();
        u.propertyNames().forEach(upgradeFields::add);
        assertThat(upgradeFields).isEqualTo(planFields);
        assertThat(json.get("capacityDownBps").longValue()).isEqualTo(100_000_000L);
        assertThat(json.get("capacityFrom").stringValue()).isEqualTo("plan");
    }

    @Test
    void withoutAPlanEveryAgencyAgainstTheSubscriptions() throws Exception {
        CliRun r = run("forecast", dir.toString(), "--format", "json", "--months", "3");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = JsonMapper.shared().readTree(r.out());
        assertThat(json.get("months").get(0).get("p95DownBps").longValue()).isEqualTo(531_000_000L);
        assertThat(json.get("capacityFrom").stringValue()).isEqualTo("subscriptions");
        // 30 + 20 + 50 + 10 Mbps bought today; 531 Mbps / 0.8 needs more from the first month
        assertThat(json.get("capacityDownBps").longValue()).isEqualTo(110_000_000L);
        assertThat(json.get("crossing").get("month").stringValue()).isEqualTo("2026-01");
        // no offer carries 664 Mbps: no upgrade, and a warning on standard error
        assertThat(json.get("upgrade").isNull()).isTrue();
        assertThat(r.err()).startsWith("Peringatan: tidak ada kombinasi penawaran");
    }

    @Test
    void theTableSaysTheModelAndTheCrossing() {
        CliRun r = run("forecast", dir.toString(), "--plan", plan.toString(), "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("log-linear trend").contains("6 measured months").contains("90 % prediction interval")
                .contains("Growth per year: 79.6 % down")
                .contains("The capacity is exceeded from 2027-09 (down)")
                .contains("ICON+").contains("Internet Dedicated 200 Mbps");
        CliRun id = run("forecast", dir.toString(), "--plan", plan.toString(), "--lang", "id");
        assertThat(id.out()).contains("Pertumbuhan per tahun: 79,6 % unduh").contains("Kapasitas terlampaui mulai 2027-09 (unduh)");
    }

    @Test
    void badUsageIsTwoAndBadInputIsOne() throws Exception {
        for (String bad : List.of("0", "121", "dua")) {
            CliRun r = run("forecast", dir.toString(), "--months", bad, "--lang", "en");
            assertThat(r.code()).as(bad).isEqualTo(2);
            assertThat(r.err()).isEqualTo("--months must be a whole number from 1 to 120, not \"" + bad + "\"" + System.lineSeparator());
            assertThat(r.out()).isEmpty();
        }
        assertThat(run("forecast", dir.toString(), "--format", "csv").code()).isEqualTo(2);
        CliRun missing = run("forecast", tmp.resolve("nowhere").toString(), "--lang", "en");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.out()).isEmpty();

        // two months of data: an honest refusal, not a trend through two points
        Path shortDir = tmp.resolve("short");
        var ds = GrowingRegency.dataset();
        var cut = new java.util.LinkedHashMap<String, id.padu.domain.UsageSeries>();
        ds.usage().forEach((k, s) -> {
            int n = 59 * 24;
            cut.put(k, new id.padu.domain.UsageSeries(k, s.startEpochSecond(), s.stepSeconds(),
                    java.util.Arrays.copyOf(s.downBps(), n), java.util.Arrays.copyOf(s.upBps(), n)));
        });
        DatasetWriter.writeFolder(new id.padu.domain.Dataset(ds.agencies(), ds.subscriptions(), ds.offers(), ds.links(),
                ds.services(), cut, ds.settings()), shortDir);
        CliRun few = run("forecast", shortDir.toString(), "--lang", "en");
        assertThat(few.code()).isEqualTo(1);
        assertThat(few.out()).isEmpty();
        assertThat(few.err()).startsWith("only 2 measured months; a trend needs at least 3")
                .contains("2026-01 100 %, 2026-02 100 %");

        Path otherPlan = tmp.resolve("other.json");
        Files.writeString(otherPlan, Files.readString(plan).replace("LOKAL-C", "LOKAL-X"));
        CliRun unknown = run("forecast", dir.toString(), "--plan", otherPlan.toString(), "--lang", "en");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("the plan names agency LOKAL-X, which is not in the dataset");
    }
}
