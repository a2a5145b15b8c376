package id.padu.app.cli;

import id.padu.app.planning.PlanFiles;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import id.padu.simulation.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** padu plan and padu simulate end to end on a small dataset folder (src/test/resources/planner/kecil). */
class PlanAndSimulateCommandTest {

    private static final Path DIR = Paths.get("src/test/resources/planner/kecil");

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void planAsJsonIsTheContractAndSimulateReadsItBack(@TempDir Path tmp) throws Exception {
        CliRun r = run("plan", DIR.toString(), "--format", "json", "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = JsonMapper.shared().readTree(r.out());
        for (String key : List.of("statusQuoAnnualIdr", "planAnnualIdr", "savingsAnnualIdr", "oneOffCostIdr", "paybackMonths",
                "requiredDownBps", "requiredUpBps", "optimal", "gap", "uplinks", "agencies")) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        assertThat(json.get("optimal").booleanValue()).isTrue();
        // 12 x (15 + 25 + 4 + 0.33 + 3) million
        assertThat(json.get("statusQuoAnnualIdr").longValue()).isEqualTo(12L * 47_330_000);
        Path planFile = tmp.resolve("plan.json");
        Files.writeString(planFile, r.out());
        Plan plan = PlanFiles.read(planFile);
        assertThat(plan.savingsAnnualIdr()).isPositive();
        assertThat(plan.agencies()).filteredOn(a -> a.code().equals("KEC-SERANAU"))
                .extracting(AgencyDecision::decision).containsExactly(Decision.LOCAL);
        assertThat(plan.uplinks().stream().map(u -> u.provider()).distinct().count()).isGreaterThanOrEqualTo(2);

        CliRun sim = run("simulate", DIR.toString(), "--plan", planFile.toString(), "--format", "json");
        assertThat(sim.code()).as(sim.err()).isZero();
        JsonNode s = JsonMapper.shared().readTree(sim.out());
        assertThat(s.get("agencies").size()).isEqualTo(plan.centralAgencies().size());
        for (JsonNode a : s.get("agencies")) {
            for (String key : List.of("code", "servedFractionDown", "servedFractionUp", "congestedIntervalsDown", "congestedIntervalsUp")) {
                assertThat(a.has(key)).as(key).isTrue();
            }
            assertThat(a.get("servedFractionDown").doubleValue()).isGreaterThan(0.999);
        }

        String failed = plan.uplinks().get(0).provider();
        CliRun fail = run("simulate", DIR.toString(), "--plan", planFile.toString(), "--format", "json", "--fail", failed);
        assertThat(fail.code()).as(fail.err()).isZero();
        assertThat(JsonMapper.shared().readTree(fail.out()).get("capacityDownBps").longValue()).isLessThan(plan.capacityDownBps());
    }

    @Test
    void tableOutputInIndonesianByDefault() {
        CliRun r = run("plan", DIR.toString(), "--lang", "id");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Belanja saat ini per tahun").contains("Rp 567.960.000").contains("tetap lokal");
    }

    @Test
    void theTimeLimitIsANumberOfSecondsFromOneToAnHour() {
        for (String bad : List.of("0", "3601", "sepuluh", "1.5")) {
            CliRun r = run("plan", DIR.toString(), "--time-limit", bad, "--lang", "en");
            assertThat(r.code()).as(bad).isEqualTo(2);
            assertThat(r.err()).isEqualTo("--time-limit must be a number of seconds from 1 to 3600, not \"" + bad + "\"" + System.lineSeparator());
            assertThat(r.out()).isEmpty();
        }
        CliRun ok = run("plan", DIR.toString(), "--time-limit", "1", "--format", "json");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("\"optimal\" : true");
    }

    @Test
    void twoRunsOfACutSearchGiveTheSamePlanByteForByte(@TempDir Path tmp) throws Exception {
        // the built-in demo sits near a price step: a small effort cuts its search before the proof
        Path demo = tmp.resolve("kotim");
        CliRun export = run("demo", "--export", demo.toString());
        assertThat(export.code()).as(export.err()).isZero();
        CliRun first = run("plan", demo.toString(), "--format", "json", "--effort", "40");
        CliRun second = run("plan", demo.toString(), "--format", "json", "--effort", "40");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        JsonNode json = JsonMapper.shared().readTree(first.out());
        assertThat(json.get("optimal").booleanValue()).isFalse();
        assertThat(json.get("stoppedBy").stringValue()).isEqualTo("effort");
        assertThat(json.get("searchNodes").longValue()).isPositive();
        // the contract grows at its end: what ended the search after years, the offers weighed after that
        List<String> names = new java.util.ArrayList<>();
        json.propertyNames().forEach(names::add);
        assertThat(names.subList(names.indexOf("years"), names.size())).containsExactly("years", "stoppedBy", "searchNodes",
                "offers", "centralAnnualIdr", "meetsRequirement", "carriedShare", "closeCalls");
    }

    @Test
    void theEffortIsANumberOfNodes() {
        for (String bad : List.of("0", "-5", "viel", "100000001")) {
            CliRun r = run("plan", DIR.toString(), "--effort", bad, "--lang", "en");
            assertThat(r.code()).as(bad).isEqualTo(2);
            assertThat(r.err()).contains("--effort").contains("\"" + bad + "\"");
            assertThat(r.out()).isEmpty();
        }
        CliRun ok = run("plan", DIR.toString(), "--effort", "100000", "--format", "json");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("\"stoppedBy\" : \"complete\"");
    }

    @Test
    void setOverridesAreValidatedLikeSettingsCsv() {
        CliRun bad = run("plan", DIR.toString(), "--set", "plan.growth=banyak", "--lang", "en");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("plan.growth").contains("banyak");
        assertThat(bad.out()).isEmpty();
        CliRun pct = run("plan", DIR.toString(), "--set", "plan.growth=20", "--lang", "en");
        assertThat(pct.code()).isEqualTo(2);
        assertThat(pct.err()).isEqualTo("setting plan.growth is a fraction, not a percentage: \"20\"; did you mean 0.20? (range [0, 1])"
                + System.lineSeparator());
        assertThat(pct.out()).isEmpty();
        CliRun unknown = run("plan", DIR.toString(), "--set", "plan.colour=blue", "--lang", "en");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown setting: plan.colour");
        CliRun all = run("plan", DIR.toString(), "--set", "plan.scope=all", "--lang", "en");
        assertThat(all.code()).isEqualTo(1);
        assertThat(all.err()).contains("plan.scope=all cannot be met").contains("KEC-SERANAU");
        assertThat(all.out()).isEmpty();
        CliRun single = run("plan", DIR.toString(), "--set", "plan.redundancy=single", "--format", "json");
        assertThat(single.code()).isZero();
    }

    @Test
    void aBadPlanFileOrProviderIsNamed(@TempDir Path tmp) throws Exception {
        Path planFile = tmp.resolve("edited.json");
        Files.writeString(planFile, "{\"uplinks\": [{\"provider\": \"Telkom\", \"product\": \"Astinet\", \"downMbps\": 100,"
                + " \"upMbps\": 100, \"monthlyCostIdr\": 1}], \"agencies\": [{\"code\": \"DISDIK\", \"decision\": \"central\","
                + " \"cirDownBps\": 1000000, \"mirDownBps\": \"100M\", \"cirUpBps\": 1, \"mirUpBps\": 1}]}");
        CliRun r = run("simulate", DIR.toString(), "--plan", planFile.toString(), "--lang", "en");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("agencies[0].mirDownBps");
        Files.writeString(planFile, "{\"uplinks\": [{\"provider\": \"Telkom\", \"product\": \"Astinet\", \"downMbps\": 100,"
                + " \"upMbps\": 100, \"monthlyCostIdr\": 1}], \"agencies\": [{\"code\": \"DINKES\", \"decision\": \"central\","
                + " \"cirDownBps\": 1000000, \"mirDownBps\": 100000000, \"cirUpBps\": 1, \"mirUpBps\": 1}]}");
        CliRun unknown = run("simulate", DIR.toString(), "--plan", planFile.toString(), "--lang", "en");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("agencies[].code").contains("DINKES");
        Files.writeString(planFile, "{\"uplinks\": [{\"provider\": \"Telkom\", \"product\": \"Astinet\", \"downMbps\": 100,"
                + " \"upMbps\": 100, \"monthlyCostIdr\": 1}], \"agencies\": []}");
        CliRun fail = run("simulate", DIR.toString(), "--plan", planFile.toString(), "--fail", "Biznet", "--lang", "en");
        assertThat(fail.code()).isEqualTo(1);
        assertThat(fail.err()).contains("[uplinks[].provider]: provider Biznet is not among the plan's uplinks");
    }

    @Test
    void simulateJsonIsWrittenInTheContractsExactFormFieldByField() {
        long worst = java.time.OffsetDateTime.parse("2026-11-11T08:55:00+07:00").toEpochSecond();
        Simulator.Result r = new Simulator.Result("Lintasarta", 500_000_000L, 300_000_000L, 105_120, 300, List.of(
                new Simulator.AgencyResult("SETDA", 0.9055, 1.0, 7051, 0, worst, 0.25, -1, 1.0, 10, 9, 5, 5),
                new Simulator.AgencyResult("RSUD", 1.0, 1.0, 0, 0, -1, 1.0, -1, 1.0, 0, 0, 0, 0)));
        // Scripts read this: the order of the fields, the nulls, 1.0 (never 1) for a fraction,
        // times in WIB with their offset and the line separator at the end are all part of the contract.
        assertThat(SimulateCommand.toJson(r)).isEqualTo("""
                {
                  "failedProvider" : "Lintasarta",
                  "capacityDownBps" : 500000000,
                  "capacityUpBps" : 300000000,
                  "intervals" : 105120,
                  "stepSeconds" : 300,
                  "agencies" : [ {
                    "code" : "SETDA",
                    "servedFractionDown" : 0.9055,
                    "servedFractionUp" : 1.0,
                    "congestedIntervalsDown" : 7051,
                    "congestedIntervalsUp" : 0,
                    "worstIntervalDown" : "2026-11-11T08:55+07:00",
                    "worstServedFractionDown" : 0.25,
                    "worstIntervalUp" : null,
                    "worstServedFractionUp" : 1.0
                  }, {
                    "code" : "RSUD",
                    "servedFractionDown" : 1.0,
                    "servedFractionUp" : 1.0,
                    "congestedIntervalsDown" : 0,
                    "congestedIntervalsUp" : 0,
                    "worstIntervalDown" : null,
                    "worstServedFractionDown" : 1.0,
                    "worstIntervalUp" : null,
                    "worstServedFractionUp" : 1.0
                  } ]
                }""" + System.lineSeparator());
        // no provider failed, no central agency: failedProvider is written as null, agencies as an empty array
        assertThat(SimulateCommand.toJson(new Simulator.Result(null, 0, 0, 12, 300, List.of()))).isEqualTo("""
                {
                  "failedProvider" : null,
                  "capacityDownBps" : 0,
                  "capacityUpBps" : 0,
                  "intervals" : 12,
                  "stepSeconds" : 300,
                  "agencies" : [ ]
                }""" + System.lineSeparator());
    }

    /**
     * plan.scope=all with a central budget ceiling below what the requirement costs: the plan says so
     * (meetsRequirement false), carries the largest share within the ceiling, and shows who would be
     * congested and how often; the same dataset without the ceiling meets it.
     */
    @Test
    void aCeilingTooLowForTheRequirementProposesTheLargestShareAndShowsTheCongestion(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("kecil");
        Files.createDirectories(dir);
        try (var files = Files.list(DIR)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        // every agency can join: the kecamatan gets a link too; two small, cheap lines of two more providers
        Files.writeString(dir.resolve("links.csv"), Files.readString(dir.resolve("links.csv")) + "KEC-SERANAU,radio,500000,0,\n");
        Files.writeString(dir.resolve("offers.csv"), Files.readString(dir.resolve("offers.csv"))
                + "Biznet,Metronet 20,dedicated,20,20,1000000,0,12,99.5\nMoratel,Radio 20,dedicated,20,20,1000000,0,12,99.5\n");
        // a demand four times the measured one (growth 100 %, target utilisation 50 %) needs more than the least uplinks
        String[] sizing = {"--set", "plan.scope=all", "--set", "plan.growth=1", "--set", "plan.target_utilization=0.5"};
        CliRun full = run(concat(new String[] {"plan", dir.toString(), "--format", "json"}, sizing));
        assertThat(full.code()).as(full.err()).isZero();
        JsonNode met = JsonMapper.shared().readTree(full.out());
        assertThat(met.get("meetsRequirement").booleanValue()).isTrue();
        assertThat(met.get("carriedShare").doubleValue()).isEqualTo(1.0);
        assertThat(met.has("congestion")).isFalse();
        long central = met.get("centralAnnualIdr").longValue();
        assertThat(central).isPositive();

        // Rp 80.4 juta: the links (Rp 56.4 juta a year) and the two 20 Mbps lines (Rp 24 juta), far from the requirement
        long ceiling = 80_400_000L;
        assertThat(ceiling).isLessThan(central);
        CliRun r = run(concat(new String[] {"plan", dir.toString(), "--format", "json", "--set", "plan.central_budget_idr=" + ceiling},
                sizing));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = JsonMapper.shared().readTree(r.out());
        assertThat(json.get("meetsRequirement").booleanValue()).isFalse();
        assertThat(json.get("carriedShare").doubleValue()).isStrictlyBetween(0.0, 1.0);
        assertThat(json.get("centralAnnualIdr").longValue()).isLessThanOrEqualTo(ceiling);
        JsonNode congestion = json.get("congestion");
        assertThat(congestion.get("intervals").intValue()).isPositive();
        assertThat(congestion.get("agencies").size()).isEqualTo(5);
        int congested = 0;
        for (JsonNode a : congestion.get("agencies")) {
            congested += a.get("congestedIntervalsDown").intValue();
        }
        assertThat(congested).as("someone is congested with a share of the requirement").isPositive();
        // the plan file still reads back for padu simulate
        Path planFile = tmp.resolve("plan.json");
        Files.writeString(planFile, r.out());
        assertThat(PlanFiles.read(planFile).centralAgencies()).hasSize(5);
        assertThat(PlanFiles.read(planFile).uplinks()).extracting(u -> u.product()).containsExactlyInAnyOrder("Metronet 20", "Radio 20");

        CliRun table = run(concat(new String[] {"plan", dir.toString(), "--set", "plan.central_budget_idr=" + ceiling, "--lang", "en"},
                sizing));
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).contains("Carries the required capacity", "no: only ", "Congestion with the uplinks within the ceiling");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
