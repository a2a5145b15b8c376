package id.padu.app.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import id.padu.plan.PlanResult;
import id.padu.plan.Uplink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFilesTest {

    private static Plan plan() {
        return new Plan(1_920_000_000L, 700_000_000L, 1_220_000_000L, 45_000_000L, 0.5, 450_000_000L, 180_000_000L, true, 0.0,
                List.of(new Uplink("Telkom", "Astinet 300", 300, 300, 45_000_000, 10_000_000),
                        new Uplink("Lintasarta", "DIA 200", 200, 200.5, 30_000_000, 0)),
                List.of(new AgencyDecision("RSUD", Decision.CENTRAL, 60_000_000, 500_000_000, 20_000_000, 500_000_000,
                                LocalDate.of(2026, 3, 1), "bergabung"),
                        new AgencyDecision("KEC-SERANAU", Decision.LOCAL, 0, 0, 0, 0, null, "tetap lokal")));
    }

    private static String json(Plan p) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanFiles.write(p, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Plan read(String json) throws Exception {
        return PlanFiles.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "plan.json");
    }

    @Test
    void writesTheContractKeysAndReadsBackTheSamePlan(@TempDir Path tmp) throws Exception {
        String text = json(plan());
        for (String key : List.of("statusQuoAnnualIdr", "planAnnualIdr", "savingsAnnualIdr", "oneOffCostIdr", "paybackMonths",
                "requiredDownBps", "requiredUpBps", "optimal", "gap", "uplinks", "provider", "product", "downMbps", "upMbps",
                "monthlyCostIdr", "installCostIdr", "agencies", "code", "decision", "cirDownBps", "mirDownBps", "cirUpBps",
                "mirUpBps", "cutoverDate")) {
            assertThat(text).contains("\"" + key + "\"");
        }
        assertThat(text).contains("\"decision\" : \"central\"").contains("\"cutoverDate\" : \"2026-03-01\"");
        Path f = tmp.resolve("plan.json");
        Files.writeString(f, text);
        assertThat(PlanFiles.read(f)).isEqualTo(plan());
    }

    @Test
    void thePlanResultIsWrittenInTheContractsExactFormFieldByField() throws Exception {
        PlanResult r = new PlanResult(plan(), 690_000_000L, List.of(new PlanResult.Year(2026, 1_600_000_000L, 640_000_000L,
                960_000_000L)), 12_000_000L, 10_000_000L, 1_234, PlanResult.Stop.TIME,
                List.of(new PlanResult.OfferNote("Telkom", "IndiHome 100", "broadband", false, 25_000_000, 25_000_000, "tidak dipilih")),
                902_000_000L, true, 1.0, List.of(new PlanResult.CloseCall("KEC-SERANAU", Decision.CENTRAL, 705_000_000L)));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        PlanFiles.write(r, out);
        // Scripts read this file: the order of the fields, the null cutover date, the number
        // forms and the trailing newline are all part of the contract.
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                {
                  "statusQuoAnnualIdr" : 1920000000,
                  "planAnnualIdr" : 700000000,
                  "savingsAnnualIdr" : 1220000000,
                  "oneOffCostIdr" : 45000000,
                  "paybackMonths" : 0.5,
                  "requiredDownBps" : 450000000,
                  "requiredUpBps" : 180000000,
                  "optimal" : true,
                  "gap" : 0.0,
                  "uplinks" : [ {
                    "provider" : "Telkom",
                    "product" : "Astinet 300",
                    "downMbps" : 300.0,
                    "upMbps" : 300.0,
                    "monthlyCostIdr" : 45000000,
                    "installCostIdr" : 10000000
                  }, {
                    "provider" : "Lintasarta",
                    "product" : "DIA 200",
                    "downMbps" : 200.0,
                    "upMbps" : 200.5,
                    "monthlyCostIdr" : 30000000,
                    "installCostIdr" : 0
                  } ],
                  "agencies" : [ {
                    "code" : "RSUD",
                    "decision" : "central",
                    "cirDownBps" : 60000000,
                    "mirDownBps" : 500000000,
                    "cirUpBps" : 20000000,
                    "mirUpBps" : 500000000,
                    "cutoverDate" : "2026-03-01",
                    "reason" : "bergabung"
                  }, {
                    "code" : "KEC-SERANAU",
                    "decision" : "local",
                    "cirDownBps" : 0,
                    "mirDownBps" : 0,
                    "cirUpBps" : 0,
                    "mirUpBps" : 0,
                    "cutoverDate" : null,
                    "reason" : "tetap lokal"
                  } ],
                  "lowerBoundIdr" : 690000000,
                  "exitPenaltiesIdr" : 12000000,
                  "installCostIdr" : 10000000,
                  "years" : [ {
                    "year" : 2026,
                    "statusQuoIdr" : 1600000000,
                    "planIdr" : 640000000,
                    "savingsIdr" : 960000000
                  } ],
                  "stoppedBy" : "time",
                  "searchNodes" : 1234,
                  "offers" : [ {
                    "provider" : "Telkom",
                    "product" : "IndiHome 100",
                    "kind" : "broadband",
                    "chosen" : false,
                    "countedDownMbps" : 25.0,
                    "countedUpMbps" : 25.0,
                    "reason" : "tidak dipilih"
                  } ],
                  "centralAnnualIdr" : 902000000,
                  "meetsRequirement" : true,
                  "carriedShare" : 1.0,
                  "closeCalls" : [ {
                    "code" : "KEC-SERANAU",
                    "decision" : "central",
                    "alternativeCostIdr" : 705000000
                  } ]
                }
                """);
        // the reader takes the file with what ended the search as well as the older files without it
        assertThat(PlanFiles.read(new java.io.ByteArrayInputStream(out.toByteArray()), "plan.json")).isEqualTo(plan());
    }

    @Test
    void acceptsAHandWrittenPlanWithOnlyUplinksAndAgencies() throws Exception {
        Plan p = read("""
                {"uplinks": [{"provider": "Telkom", "product": "Astinet", "downMbps": 100, "upMbps": 100, "monthlyCostIdr": 15000000}],
                 "agencies": [{"code": "DISKOMINFO", "decision": "central", "cirDownBps": 10000000, "mirDownBps": 100000000,
                               "cirUpBps": 5000000, "mirUpBps": 100000000, "note": "edited by hand"}]}
                """);
        assertThat(p.capacityDownBps()).isEqualTo(100_000_000);
        assertThat(p.centralAgencies()).extracting(AgencyDecision::code).containsExactly("DISKOMINFO");
        assertThat(p.uplinks().get(0).installCostIdr()).isZero();
    }

    @Test
    void aBadFieldIsNamedWithItsPath() {
        assertThatThrownBy(() -> read("""
                {"uplinks": [], "agencies": [{"code": "A", "decision": "central", "cirDownBps": 1, "mirDownBps": 2,
                  "cirUpBps": 1, "mirUpBps": 2}, {"code": "B", "decision": "central", "cirDownBps": "lots", "mirDownBps": 2,
                  "cirUpBps": 1, "mirUpBps": 2}]}
                """)).isInstanceOf(PlanFiles.PlanFileException.class)
                .satisfies(e -> {
                    PlanFiles.PlanFileException pe = (PlanFiles.PlanFileException) e;
                    assertThat(pe.field()).isEqualTo("agencies[1].cirDownBps");
                    assertThat(pe.message(Locale.ENGLISH)).contains("plan.json [agencies[1].cirDownBps]: must be a whole number >= 0, not \"lots\"");
                    assertThat(pe.message(Locale.forLanguageTag("id"))).contains("harus berupa bilangan bulat");
                });
        assertThatThrownBy(() -> read("{\"uplinks\": [], \"agencies\": [{\"code\": \"A\", \"decision\": \"pusat\"}]}"))
                .satisfies(e -> assertThat(((PlanFiles.PlanFileException) e).field()).isEqualTo("agencies[0].decision"));
        assertThatThrownBy(() -> read("{\"agencies\": []}"))
                .satisfies(e -> assertThat(((PlanFiles.PlanFileException) e).field()).isEqualTo("uplinks"));
        assertThatThrownBy(() -> read("{\"uplinks\": [{\"provider\": \"Telkom\", \"product\": \"X\", \"downMbps\": -5, \"upMbps\": 1,"
                + " \"monthlyCostIdr\": 1}], \"agencies\": []}"))
                .satisfies(e -> assertThat(((PlanFiles.PlanFileException) e).field()).isEqualTo("uplinks[0].downMbps"));
        assertThatThrownBy(() -> read("{\"uplinks\": [,]}"))
                .satisfies(e -> assertThat(((PlanFiles.PlanFileException) e).message(Locale.ENGLISH)).contains("not valid JSON (line 1"));
    }

    /** A plan not proven optimal says, in rupiah, how much dearer than the best possible plan it can be. */
}
