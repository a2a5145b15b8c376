package id.padu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.planning.PlanFiles;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import id.padu.plan.Uplink;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** padu alerts on the small dataset folder: the JSON contract, the plan's rules, the evaluation time, bad input. */
class AlertsCommandTest {

    private static final Path DIR = Paths.get("src/test/resources/planner/kecil");
    static final long M = 1_000_000;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** DISKOMINFO and RSUD central on a 2/2 Mbps uplink; DISKOMINFO moved half a year before the data, its line runs on. */
    static Path plan(Path tmp) throws Exception {
        List<AgencyDecision> agencies = new ArrayList<>();
        agencies.add(new AgencyDecision("DISKOMINFO", Decision.CENTRAL, M, 50 * M, M, 50 * M, LocalDate.of(2025, 6, 2), "x"));
        agencies.add(new AgencyDecision("RSUD-MURJANI", Decision.CENTRAL, M, 50 * M, M, 50 * M, LocalDate.of(2026, 3, 2), "x"));
        Plan p = new Plan(0, 0, 0, 0, null, 0, 0, true, 0, List.of(new Uplink("Telkom", "Astinet 2", 2, 2, 1_000_000, 0)),
                agencies);
        Path f = tmp.resolve("plan.json");
        try (OutputStream out = Files.newOutputStream(f)) {
            PlanFiles.write(p, out);
        }
        return f;
    }

    static List<String> rules(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.get("alerts").forEach(a -> out.add(a.get("rule").asString() + ":" + (a.get("agency").isNull() ? "-" : a.get("agency").asString())
                + ":" + (a.get("direction").isNull() ? "-" : a.get("direction").asString())));
        return out;
    }

    @Test
    void theJsonContractWithAndWithoutThePlan(@TempDir Path tmp) throws Exception {
        CliRun bare = run("alerts", DIR.toString(), "--format", "json", "--lang", "en");
        assertThat(bare.code()).as(bare.err()).isZero();
        JsonNode doc = JsonMapper.shared().readTree(bare.out());
        // Without --as-of: the end of the usage data (one day of 15-minute samples on 2026-01-05).
        assertThat(doc.get("asOf").asString()).isEqualTo("2026-01-06T00:00:00+07:00");
        assertThat(rules(doc)).as("no plan: only the rules that need none").allMatch(r -> r.startsWith("contract-ending")
                || r.startsWith("no-data"));

        CliRun withPlan = run("alerts", DIR.toString(), "--plan", plan(tmp).toString(), "--format", "json", "--lang", "en");
        assertThat(withPlan.code()).as(withPlan.err()).isZero();
        JsonNode planned = JsonMapper.shared().readTree(withPlan.out());
        assertThat(rules(planned)).contains("uplink-busy:-:down", "uplink-busy:-:up", "paying-twice:DISKOMINFO:-")
                .doesNotContain("paying-twice:RSUD-MURJANI:-");
        JsonNode busy = planned.get("alerts").get(0);
        assertThat(busy.propertyNames()).containsExactly("rule", "agency", "direction", "value", "threshold", "since", "message",
                "subject");
        assertThat(busy.get("rule").asString()).isEqualTo("uplink-busy");
        assertThat(busy.get("threshold").asLong()).isEqualTo(1_600_000L);
        assertThat(busy.get("value").asLong()).isGreaterThan(1_600_000L);
        assertThat(busy.get("message").asString()).startsWith("Central uplink busy (down)");
        JsonNode twice = null;
        for (JsonNode a : planned.get("alerts")) {
            if (a.get("rule").asString().equals("paying-twice")) {
                twice = a;
            }
        }
        assertThat(twice.get("value").asLong()).isEqualTo(15_000_000L);
        assertThat(twice.get("since").asString()).isEqualTo("2025-07-03T00:00:00+07:00");
        assertThat(twice.get("subject").asString()).isEqualTo("Telkom Astinet 50");
    }

    @Test
    void aLaterEvaluationTimeFindsNoDataForEveryAgencyAndATableInIndonesian(@TempDir Path tmp) throws Exception {
        CliRun r = run("alerts", DIR.toString(), "--as-of", "2026-01-08T00:00", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = JsonMapper.shared().readTree(r.out());
        long silent = 0;
        for (JsonNode a : doc.get("alerts")) {
            if (a.get("rule").asString().equals("no-data")) {
                silent++;
                assertThat(a.get("since").asString()).isEqualTo("2026-01-06T00:00:00+07:00");
                assertThat(a.get("value").asLong()).isEqualTo(48);
            }
        }
        assertThat(silent).isEqualTo(Files.readAllLines(DIR.resolve("agencies.csv")).size() - 1);

        CliRun table = run("alerts", DIR.toString(), "--plan", plan(tmp).toString());
        assertThat(table.code()).isZero();
        assertThat(table.out()).startsWith("Peringatan untuk").contains("Uplink pusat sibuk (unduh)").contains("Sejak (WIB)");
    }

    @Test
    void badInputIsNamed() {
        CliRun asOf = run("alerts", DIR.toString(), "--as-of", "08-01-2026");
        assertThat(asOf.code()).isEqualTo(2);
        assertThat(asOf.err()).contains("--as-of \"08-01-2026\"");
        CliRun pct = run("alerts", DIR.toString(), "--set", "alert.ceiling_share=5", "--lang", "en");
        assertThat(pct.code()).isEqualTo(1);
        assertThat(pct.err()).contains("alert.ceiling_share").contains("did you mean 0.05?");
        CliRun key = run("alerts", DIR.toString(), "--set", "plan.growth=0.1");
        assertThat(key.code()).isEqualTo(2);
        CliRun format = run("alerts", DIR.toString(), "--format", "xml");
        assertThat(format.code()).isEqualTo(2);
        assertThat(run("alerts", "no/such/folder").code()).isEqualTo(1);
    }
}
