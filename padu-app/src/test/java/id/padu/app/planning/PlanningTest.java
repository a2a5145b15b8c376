package id.padu.app.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.padu.app.Fixtures;
import id.padu.app.inventory.InventoryService;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Dataset;
import id.padu.domain.Offer;
import id.padu.domain.Rupiah;
import id.padu.domain.Settings;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import id.padu.plan.PlanResult;
import id.padu.plan.Planner;
import id.padu.simulation.Simulator;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The planning page, scenarios, exports and API, on a small dataset loaded through the inventory. */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "padu.data-dir=target/test-data/planning",
        "spring.datasource.url=jdbc:h2:file:./target/test-data/planning/padu-${random.uuid}",
        "padu.admin-password=" + PlanningTest.ADMIN_PASSWORD,
        "padu.region-name=Kabupaten Uji Coba",
        "logging.level.org.flywaydb=warn"
})
class PlanningTest {

    static final String ADMIN_PASSWORD = "planning-test-secret";
    static final RequestPostProcessor PLANNER = user("perencana").roles("ADMIN");

    @Autowired
    MockMvc mvc;

    @Autowired
    InventoryService inventory;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    /**
     * The fixture with a central offer cheap enough that DISKOMINFO (own package Rp 12.500.000 a
     * month, existing link) gains by joining, RSUD's new fibre link costs more than its packages,
     * and KEC-BAAMANG has no link row.
     */
    static Dataset data() {
        Dataset d = Fixtures.small();
        List<Offer> offers = List.of(
                new Offer("Lintasarta", "IP Transit 300", ConnectionKind.DEDICATED, BitRate.ofMbps(300), BitRate.ofMbps(300),
                        Rupiah.of(5_000_000), Rupiah.of(3_000_000), 12, null),
                new Offer("Telkom", "Metro-E 500", ConnectionKind.DEDICATED, BitRate.ofMbps(500), null,
                        Rupiah.of(45_000_000), Rupiah.of(10_000_000), 24, 99.5));
        return new Dataset(d.agencies(), d.subscriptions(), offers, d.links(), d.services(), d.usage(), d.settings());
    }

    @BeforeEach
    void load() {
        inventory.replace(data());
    }

    @Autowired
    ScenarioRepository scenarios;

    /**
     * A plan the search could not prove optimal (as the demo's, after its 10 s) says on its page
     * and in the study PDF how much dearer than the best possible plan it can be, in rupiah.
     */
    @Test
    void aScenarioNotProvenOptimalStatesItsGapInRupiah() throws Exception {
        PlanResult r = expected(Map.of("plan.scope", "optimize"));
        Plan o = r.plan();
        Plan open = new Plan(o.statusQuoAnnualIdr(), o.planAnnualIdr(), o.savingsAnnualIdr(), o.oneOffCostIdr(),
                o.paybackMonths(), o.requiredDownBps(), o.requiredUpBps(), false, 0.0325, o.uplinks(), o.agencies());
        long excess = Math.round(0.0325 * o.planAnnualIdr());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        id.padu.app.planning.PlanFiles.write(new PlanResult(open, o.planAnnualIdr() - excess, r.years(), r.penaltiesIdr(),
                r.installsIdr(), 0), out);
        long id = scenarios.insert("belum terbukti", Map.of(), out.toByteArray(), inventory.version(), "planner",
                java.time.Instant.now());
        String html = page("/planning/scenarios/" + id);
        assertThat(text(html, "optimality")).isEqualTo("Belum terbukti optimum: rencana ini paling banyak "
                + Rupiah.format(excess) + " per tahun (3,25 %) lebih mahal daripada rencana terbaik yang mungkin"
                + " (batas bawah terbukti " + Rupiah.format(o.planAnnualIdr() - excess) + " per tahun).");
        mvc.perform(get("/planning/scenarios/" + id + "/export.pdf").with(PLANNER)).andExpect(status().isOk());
    }

    /** What the planner itself says for the stored data with these overrides. */
    PlanResult expected(Map<String, String> values) throws Exception {
        Dataset d = inventory.current();
        Settings s = PlanSettings.apply(d.settings(), values);
        return Planner.plan(d.withSettings(s), LocalDate.of(2025, 7, 1), PlanRuns.ID);
    }

    static MockHttpServletRequestBuilder runForm(String name, Map<String, String> values) {
        MockHttpServletRequestBuilder b = post("/planning/run").with(PLANNER).with(csrf()).param("name", name);
        values.forEach(b::param);
        return b;
    }

    /** Posts the form, follows the run (polling as the page does) and returns the scenario page's URL. */
    String runToScenario(String name, Map<String, String> values) throws Exception {
        MvcResult r = mvc.perform(runForm(name, values)).andReturn();
        for (int i = 0; i < 600 && r.getResponse().getRedirectedUrl() == null; i++) {
            String html = r.getResponse().getContentAsString();
            assertThat(html).as("run page").doesNotContain("id=\"run-error\"");
            Matcher m = Pattern.compile("hx-get=\"(/planning/runs/[^\"]+)\"").matcher(html);
            assertThat(m.find()).as("a running run polls its status: " + html).isTrue();
            Thread.sleep(100);
            r = mvc.perform(get(m.group(1)).with(PLANNER)).andReturn();
        }
        String url = r.getResponse().getRedirectedUrl();
        assertThat(url).startsWith("/planning/scenarios/");
        return url;
    }

    String page(String url) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(get(url).with(PLANNER)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    static String text(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as("element #" + id).isTrue();
        return m.group(1);
    }

    static Map<String, String> optimize() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("plan.scope", "optimize");
        return v;
    }

    @Test
    void pageRunsAPlanAndShowsSavingsAndTheDecisionForEveryAgencyWithItsReason() throws Exception {
        String form = page("/planning");
        assertThat(form).contains("lang=\"id\"", "Perencanaan uplink terpusat", "Kabupaten Uji Coba", "name=\"plan.growth\"",
                "value=\"0.25\"");

        String url = runToScenario("Hemat", optimize());
        PlanResult exp = expected(optimize());
        Plan p = exp.plan();
        assertThat(p.savingsAnnualIdr()).as("the fixture is built to save").isPositive();
        assertThat(p.centralAgencies()).extracting(AgencyDecision::code).containsExactly("DISKOMINFO");

        String html = page(url);
        assertThat(html).contains("Hemat", "/webjars/echarts/5.3.1/dist/echarts.min.js");
        assertThat(text(html, "savings")).isEqualTo(Rupiah.format(p.savingsAnnualIdr()));
        assertThat(text(html, "plan-annual")).isEqualTo(Rupiah.format(p.planAnnualIdr()));
        assertThat(text(html, "status-quo")).isEqualTo(Rupiah.format(p.statusQuoAnnualIdr()));
        assertThat(text(html, "one-off")).isEqualTo(Rupiah.format(p.oneOffCostIdr()));
        for (AgencyDecision a : p.agencies()) {
            Matcher m = Pattern.compile("<tr data-code=\"" + a.code() + "\" data-decision=\"(\\w+)\">(.*?)</tr>", Pattern.DOTALL)
                    .matcher(html);
            assertThat(m.find()).as("decision row of " + a.code()).isTrue();
            assertThat(m.group(1)).isEqualTo(a.decision().code());
            assertThat(a.reason()).isNotBlank();
            assertThat(m.group(2)).contains(a.reason());
        }
        // RSUD's fibre link (Rp 1.500.000 a month) costs more than its two packages.
        assertThat(p.agencies()).filteredOn(a -> a.code().equals("RSUD")).extracting(AgencyDecision::decision)
                .containsExactly(Decision.LOCAL);
        // the allocation in Mbps, the uplink bought, the per-year table
        AgencyDecision dk = p.centralAgencies().get(0);
        assertThat(html).contains(PlanRows.mbps(dk.cirDownBps()), PlanRows.mbps(dk.mirDownBps()), "IP Transit 300");
        for (PlanResult.Year y : exp.years()) {
            assertThat(html).contains(Rupiah.format(y.planIdr()));
        }
    }

    @Test
    void simulationNormalAndWithTheLargestProviderFailed() throws Exception {
        String url = runToScenario("Simulasi", optimize());
        JsonNode charts = json.readTree(mvc.perform(get(url + "/charts.json").with(PLANNER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        Plan p = expected(optimize()).plan();
        Dataset d = inventory.current().withSettings(PlanSettings.apply(inventory.current().settings(), optimize()));
        Simulator.Result normal = Simulator.run(d, p, null);
        Simulator.Result failed = Simulator.run(d, p, "Lintasarta");
        assertThat(charts.get("failedProvider").stringValue()).isEqualTo("Lintasarta");
        assertThat(charts.get("codes").get(0).stringValue()).isEqualTo("DISKOMINFO");
        assertThat(charts.get("servedDown").get(0).doubleValue())
                .isEqualTo(Math.round(normal.agencies().get(0).servedFractionDown() * 10000) / 100.0);
        assertThat(charts.get("failedCongestedDown").get(0).intValue()).isEqualTo(failed.agencies().get(0).congestedIntervalsDown());
        // with its only provider down, the agency is congested whenever it asks for anything
        assertThat(failed.agencies().get(0).congestedIntervalsDown()).isPositive();
        String html = page(url);
        assertThat(html).contains("Lintasarta padam", PlanRows.percent(normal.agencies().get(0).servedFractionDown()));
    }

    @Test
    void aBadSettingIsRefusedNamingKeyAndValueAndNothingIsStored() throws Exception {
        int before = scenarioCount();
        Map<String, String> v = optimize();
        v.put("plan.growth", "dua puluh");
        String html = HtmlUtils.htmlUnescape(mvc.perform(runForm("Salah", v)).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString());
        assertThat(text(html, "settings-error")).contains("plan.growth", "dua puluh");
        assertThat(scenarioCount()).isEqualTo(before);
    }

    @Test
    void aPercentageIsRefusedWithTheFractionItMeantAndTheDecimalCommaIsAccepted() throws Exception {
        int before = scenarioCount();
        Map<String, String> v = optimize();
        v.put("plan.growth", "20");
        String html = HtmlUtils.htmlUnescape(mvc.perform(runForm("Persen", v)).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString());
        assertThat(text(html, "settings-error")).contains("plan.growth", "\"20\"", "0.20?");
        assertThat(scenarioCount()).isEqualTo(before);
        // 0,95 as the CSV reader takes it
        Map<String, String> comma = optimize();
        comma.put("plan.quantile", "0,95");
        String url = runToScenario("Koma", comma);
        assertThat(url).startsWith("/planning/scenarios/");
        assertThat(scenarioCount()).isEqualTo(before + 1);
    }

    @Test
    void theSearchTimeLimitIsValidatedAndUsed() throws Exception {
        int before = scenarioCount();
        for (String bad : List.of("0", "3601", "lama")) {
            String html = HtmlUtils.htmlUnescape(mvc.perform(runForm("Waktu", optimize()).param("time_limit", bad))
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
            assertThat(text(html, "settings-error")).isEqualTo(
                    "Batas waktu pencarian harus jumlah detik dari 1 sampai 3.600, bukan \"" + bad + "\".");
        }
        assertThat(scenarioCount()).isEqualTo(before);
        Map<String, String> twoSeconds = optimize();
        twoSeconds.put("time_limit", "2");
        String url = runToScenario("Dua detik", twoSeconds);
        assertThat(url).startsWith("/planning/scenarios/");
        assertThat(scenarioCount()).isEqualTo(before + 1);
        assertThat(PlanningController.timeLimitSeconds("")).isEqualTo(60);
        assertThat(PlanningController.timeLimitSeconds("120")).isEqualTo(120);
    }

    @Test
    void aDatasetWithoutAPlanSaysWhy() throws Exception {
        // plan.scope=all, but KEC-BAAMANG has no row in links.csv
        Map<String, String> v = new LinkedHashMap<>();
        v.put("plan.scope", "all");
        MvcResult r = mvc.perform(runForm("Semua", v)).andReturn();
        String html = r.getResponse().getContentAsString();
        for (int i = 0; i < 600 && !html.contains("data-status=\"FAILED\""); i++) {
            Thread.sleep(100);
            Matcher m = Pattern.compile("hx-get=\"(/planning/runs/[^\"]+)\"").matcher(html);
            assertThat(m.find()).as(html).isTrue();
            html = mvc.perform(get(m.group(1)).with(PLANNER)).andReturn().getResponse().getContentAsString();
        }
        assertThat(HtmlUtils.htmlUnescape(text(html, "run-error"))).contains("KEC-BAAMANG");
    }

    int scenarioCount() throws Exception {
        return json.readTree(mvc.perform(get("/api/plans").with(httpBasic("admin", ADMIN_PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).size();
    }

    @Test
    void scenariosAreStoredAndComparedSideBySide() throws Exception {
        Map<String, String> low = optimize();
        Map<String, String> high = optimize();
        high.put("plan.growth", "1");
        high.put("plan.target_utilization", "0.5");
        String a = runToScenario("Pertumbuhan 25 %", low);
        String b = runToScenario("Pertumbuhan 100 %", high);
        String idA = a.substring(a.lastIndexOf('/') + 1);
        String idB = b.substring(b.lastIndexOf('/') + 1);

        String list = page("/planning");
        assertThat(list).contains("Pertumbuhan 25 %", "Pertumbuhan 100 %", "perencana");
        assertThat(jdbc.sql("SELECT actor, after_json FROM audit_log WHERE action = 'plan.scenario.create'")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
                .anySatisfy(row -> assertThat(row).startsWith("perencana ").contains("Pertumbuhan 100 %"));

        Plan pa = expected(low).plan();
        Plan pb = expected(high).plan();
        String cmp = page("/planning/compare?ids=" + idA + "&ids=" + idB);
        assertThat(cells(cmp, "planAnnual")).containsExactly(Rupiah.format(pa.planAnnualIdr()), Rupiah.format(pb.planAnnualIdr()));
        assertThat(cells(cmp, "savings")).containsExactly(Rupiah.format(pa.savingsAnnualIdr()), Rupiah.format(pb.savingsAnnualIdr()));
        assertThat(cells(cmp, "oneOff")).containsExactly(Rupiah.format(pa.oneOffCostIdr()), Rupiah.format(pb.oneOffCostIdr()));
        assertThat(cells(cmp, "central")).containsExactly(pa.centralAgencies().size() + " / 3", pb.centralAgencies().size() + " / 3");
        assertThat(cells(cmp, "plan.growth")).containsExactly("0.25", "1");
        // at 100 % growth and 50 % target utilisation DISKOMINFO would need the dear 500 Mbps offer: nobody joins, the columns differ
        assertThat(pa.centralAgencies()).hasSize(1);
        assertThat(pb.centralAgencies()).isEmpty();
    }

    static List<String> cells(String html, String row) {
        Matcher m = Pattern.compile("<tr data-row=\"" + Pattern.quote(row) + "\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("row " + row).isTrue();
        List<String> out = new ArrayList<>();
        Matcher td = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(m.group(1));
        while (td.find()) {
            out.add(td.group(1));
        }
        return out;
    }

    @Test
    void xlsxReadsBackWithThePlannersFigures() throws Exception {
        String url = runToScenario("Ekspor", optimize());
        Plan p = expected(optimize()).plan();
        byte[] xlsx = mvc.perform(get(url + "/export.xlsx").with(PLANNER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sum = wb.getSheet("Ringkasan");
            assertThat(sum.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Kabupaten Uji Coba");
            Map<String, Double> figures = new LinkedHashMap<>();
            for (Row r : sum) {
                if (r.getCell(1) != null && r.getCell(1).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    figures.put(r.getCell(0).getStringCellValue(), r.getCell(1).getNumericCellValue());
                }
            }
            assertThat(figures.get("Status quo per tahun")).isEqualTo((double) p.statusQuoAnnualIdr());
            assertThat(figures.get("Biaya rencana per tahun")).isEqualTo((double) p.planAnnualIdr());
            assertThat(figures.get("Penghematan per tahun")).isEqualTo((double) p.savingsAnnualIdr());
            assertThat(figures.get("Biaya satu kali")).isEqualTo((double) p.oneOffCostIdr());
            assertThat(sum.getRow(4).getCell(1).getCellStyle().getDataFormatString()).isEqualTo(id.padu.app.shared.XlsxStyles.MONEY_FORMAT);

            Sheet dec = wb.getSheet("Keputusan");
            Set<String> rows = new HashSet<>();
            for (Row r : dec) {
                if (r.getRowNum() > 0) {
                    rows.add(r.getCell(0).getStringCellValue() + "|" + r.getCell(4).getStringCellValue());
                }
            }
            assertThat(rows).containsExactlyInAnyOrderElementsOf(p.agencies().stream().map(a -> a.code() + "|" + a.reason()).toList());
            Sheet al = wb.getSheet("Alokasi");
            AgencyDecision dk = p.centralAgencies().get(0);
            assertThat(al.getRow(1).getCell(0).getStringCellValue()).isEqualTo(dk.code());
            assertThat(al.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(dk.cirDownBps() / 1e6);
            assertThat(wb.getSheet("Uplink").getRow(1).getCell(1).getStringCellValue()).isEqualTo("IP Transit 300");
        }
    }

    @Test
    void pdfStudyInIndonesianWithTheRegionTheHeadlineFiguresAndTheReasons() throws Exception {
        String url = runToScenario("Kajian", optimize());
        PlanResult exp = expected(optimize());
        Plan p = exp.plan();
        byte[] pdf = mvc.perform(get(url + "/export.pdf").with(PLANNER).param("lang", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor ex = new PdfTextExtractor(reader);
        for (int i = 1; i <= reader.getNumberOfPages(); i++) {
            text.append(ex.getTextFromPage(i)).append('\n');
        }
        reader.close();
        String t = text.toString().replaceAll("\\s+", " ");
        assertThat(t).contains("Kajian Konsolidasi Internet Terpadu", "Kabupaten Uji Coba", "Ringkasan", "Metode",
                "multipleksing", "Q90", Rupiah.format(p.statusQuoAnnualIdr()), Rupiah.format(p.planAnnualIdr()),
                Rupiah.format(p.savingsAnnualIdr()), Rupiah.format(p.oneOffCostIdr()), "Dinas Komunikasi dan Informatika",
                "IP Transit 300", PlanRows.mbps(p.centralAgencies().get(0).cirDownBps()));
        if (p.paybackMonths() != null) {
            assertThat(t).contains(PlanRows.payback(p.paybackMonths(), StudyTexts.ID, "", "bulan"));
        }
        for (AgencyDecision a : p.agencies()) {
            // a reason may wrap inside its cell: compare its first words
            String start = a.reason().split(" ").length > 3 ? String.join(" ", List.of(a.reason().split(" ")).subList(0, 3)) : a.reason();
            assertThat(t).as("reason of " + a.code()).contains(start);
        }
    }

    @Test
    void apiRunsListsAndServesThePlanInTheJsonContract() throws Exception {
        RequestPostProcessor basic = httpBasic("admin", ADMIN_PASSWORD);
        MvcResult r = mvc.perform(post("/api/plans").with(basic).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"API\",\"settings\":{\"plan.scope\":\"optimize\",\"plan.growth\":0.25},"
                        + "\"timeLimitSeconds\":3}")).andReturn();
        JsonNode run = json.readTree(r.getResponse().getContentAsString());
        for (int i = 0; i < 600 && !run.get("status").stringValue().equals("done"); i++) {
            assertThat(run.get("status").stringValue()).isIn("queued", "running");
            Thread.sleep(100);
            run = json.readTree(mvc.perform(get("/api/plans/runs/" + run.get("runId").stringValue()).with(basic))
                    .andReturn().getResponse().getContentAsString());
        }
        long id = run.get("scenarioId").longValue();
        JsonNode plan = json.readTree(mvc.perform(get("/api/plans/" + id).with(basic)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        Set<String> keys = new HashSet<>();
        plan.propertyNames().forEach(keys::add);
        assertThat(keys).contains("statusQuoAnnualIdr", "planAnnualIdr", "savingsAnnualIdr", "oneOffCostIdr", "paybackMonths",
                "requiredDownBps", "requiredUpBps", "optimal", "gap", "uplinks", "agencies");
        Set<String> uplinkKeys = new HashSet<>();
        plan.get("uplinks").get(0).propertyNames().forEach(uplinkKeys::add);
        assertThat(uplinkKeys).containsExactlyInAnyOrder("provider", "product", "downMbps", "upMbps", "monthlyCostIdr", "installCostIdr");
        Set<String> agencyKeys = new HashSet<>();
        plan.get("agencies").get(0).propertyNames().forEach(agencyKeys::add);
        assertThat(agencyKeys).contains("code", "decision", "cirDownBps", "mirDownBps", "cirUpBps", "mirUpBps", "cutoverDate");
        Plan p = expected(optimize()).plan();
        assertThat(plan.get("savingsAnnualIdr").longValue()).isEqualTo(p.savingsAnnualIdr());
        assertThat(plan.get("planAnnualIdr").longValue()).isEqualTo(p.planAnnualIdr());
        List<String> decisions = new ArrayList<>();
        plan.get("agencies").forEach(a -> decisions.add(a.get("code").stringValue() + "=" + a.get("decision").stringValue()));
        assertThat(decisions).containsExactlyInAnyOrderElementsOf(
                p.agencies().stream().map(a -> a.code() + "=" + a.decision().code()).toList());
        assertThat(p.agencies().stream().filter(a -> a.decision() == Decision.CENTRAL).count()).isEqualTo(1);

        JsonNode list = json.readTree(mvc.perform(get("/api/plans").with(basic)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        boolean found = false;
        for (JsonNode s : list) {
            if (s.get("id").longValue() == id) {
                found = true;
                assertThat(s.get("name").stringValue()).isEqualTo("API");
                assertThat(s.get("createdBy").stringValue()).isEqualTo("admin");
                assertThat(s.get("settings").get("plan.growth").stringValue()).isEqualTo("0.25");
                assertThat(s.get("savingsAnnualIdr").longValue()).isEqualTo(p.savingsAnnualIdr());
            }
        }
        assertThat(found).isTrue();

        JsonNode bad = json.readTree(mvc.perform(post("/api/plans").with(basic).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"settings\":{\"plan.quantile\":\"1.5\"}}")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString());
        assertThat(bad.get("errors").get(0).get("field").stringValue()).isEqualTo("settings.plan.quantile");
        assertThat(bad.get("errors").get(0).get("value").stringValue()).isEqualTo("1.5");
        JsonNode pct = json.readTree(mvc.perform(post("/api/plans").with(basic).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"settings\":{\"plan.growth\":\"20\"}}")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString());
        assertThat(pct.get("errors").get(0).get("field").stringValue()).isEqualTo("settings.plan.growth");
        assertThat(pct.get("errors").get(0).get("value").stringValue()).isEqualTo("20");
        assertThat(pct.toString()).contains("0.20?");
        JsonNode slow = json.readTree(mvc.perform(post("/api/plans").with(basic).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"timeLimitSeconds\":0}")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString());
        assertThat(slow.get("errors").get(0).get("field").stringValue()).isEqualTo("timeLimitSeconds");
        assertThat(slow.get("errors").get(0).get("value").stringValue()).isEqualTo("0");

        String api = mvc.perform(get("/v3/api-docs").with(basic)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(api).contains("\"/api/plans\"", "\"/api/plans/{id}\"", "\"/api/plans/runs/{runId}\"");
    }

    static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor ex = new PdfTextExtractor(reader);
        for (int i = 1; i <= reader.getNumberOfPages(); i++) {
            text.append(ex.getTextFromPage(i)).append('\n');
        }
        reader.close();
        return text.toString().replaceAll("\\s+", " ");
    }

    /**
     * The offer rules are settings of the page and the API, refused with a sentence naming setting and
     * value; the scenario page and the study list every offer with why it was or was not taken.
     */
    @Test
    void theOfferRulesAreSettingsAndThePageAndStudySayWhyAnOfferWasOrWasNotTaken() throws Exception {
        assertThat(page("/planning")).contains("name=\"plan.broadband_share\"", "value=\"0.25\"", "name=\"plan.min_sla_pct\"");
        Map<String, String> pct = optimize();
        pct.put("plan.broadband_share", "25");
        String refused = HtmlUtils.htmlUnescape(mvc.perform(runForm("Persen", pct)).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString());
        assertThat(text(refused, "settings-error")).contains("plan.broadband_share", "\"25\"", "0.25?");
        JsonNode bad = json.readTree(mvc.perform(post("/api/plans").with(httpBasic("admin", ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"settings\":{\"plan.min_sla_pct\":\"101\"}}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
        assertThat(bad.get("errors").get(0).get("field").stringValue()).isEqualTo("settings.plan.min_sla_pct");
        assertThat(bad.get("errors").get(0).get("value").stringValue()).isEqualTo("101");
        assertThat(bad.toString()).contains("plan.min_sla_pct", "[0, 100]");

        // IP Transit 300 gives no sla_pct: with a minimum of 99 % only Telkom is left, one provider, so with
        // dual redundancy nobody joins, and both rows say why
        Map<String, String> strict = optimize();
        strict.put("plan.min_sla_pct", "99");
        String url = runToScenario("SLA", strict);
        String html = page(url);
        assertThat(html).contains("id=\"offers\"", "Penawaran yang ditimbang",
                "tidak pernah dipilih: sla_pct tidak diisi, sedangkan plan.min_sla_pct 99",
                "tidak dipilih: tidak ada perangkat daerah yang bergabung ke jaringan pusat");
        String study = pdfText(mvc.perform(get(url + "/export.pdf").with(PLANNER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(study).contains("Penawaran yang ditimbang", "tidak pernah dipilih: sla_pct tidak diisi",
                "Mutu penawaran", "dihitung 25 % dari kecepatannya", "SLA di bawah 99 %");

        // without the rule the cheap row is taken, and says what it costs per counted Mbps
        String taken = page(runToScenario("Hemat", optimize()));
        assertThat(taken).contains("dipilih: Rp 61.000.000/tahun, Rp 203.333/tahun per Mbps turun yang dihitung");
    }

    /** The guarantee floor and the MIR policy are settings of the page and the API; floors that do not fit fail the run with a sentence. */
    @Test
    void theGuaranteeFloorAndTheMirPolicyAreSettingsAndFloorsThatDoNotFitSayWhy() throws Exception {
        assertThat(page("/planning")).contains("name=\"plan.min_cir_mbps\"", "value=\"1\"", "name=\"plan.mir\"", "value=\"uplink\"");
        JsonNode bad = json.readTree(mvc.perform(post("/api/plans").with(httpBasic("admin", ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"settings\":{\"plan.mir\":\"ceiling\"}}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
        assertThat(bad.get("errors").get(0).get("field").stringValue()).isEqualTo("settings.plan.mir");
        assertThat(bad.get("errors").get(0).get("value").stringValue()).isEqualTo("ceiling");
        assertThat(bad.toString()).contains("uplink|link|3x");

        Map<String, String> three = optimize();
        three.put("plan.mir", "3x");
        String url = runToScenario("Tiga kali", three);
        long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
        JsonNode plan = json.readTree(mvc.perform(get("/api/plans/" + id).with(PLANNER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        JsonNode dk = plan.get("agencies").get(0);
        for (JsonNode a : plan.get("agencies")) {
            if (a.get("decision").stringValue().equals("central")) {
                dk = a;
            }
        }
        long capacity = 0;
        for (JsonNode u : plan.get("uplinks")) {
            capacity += Math.round(u.get("downMbps").doubleValue() * 1e6);
        }
        // three times its guarantee, at most the uplink
        assertThat(dk.get("mirDownBps").longValue()).isEqualTo(Math.min(capacity, 3 * dk.get("cirDownBps").longValue()));
        assertThat(dk.get("mirUpBps").longValue()).isLessThan(capacity);
        assertThat(page(url)).contains("plan.min_cir_mbps 1 Mbps", "plan.mir (3x)");

        // a floor of 10 Gbit/s for the one central agency cannot fit the uplinks: the run fails and says so
        Map<String, String> huge = optimize();
        huge.put("plan.min_cir_mbps", "10000");
        MvcResult r = mvc.perform(runForm("Lantai", huge)).andReturn();
        String html = r.getResponse().getContentAsString();
        for (int i = 0; i < 600 && !html.contains("data-status=\"FAILED\""); i++) {
            Thread.sleep(100);
            Matcher m = Pattern.compile("hx-get=\"(/planning/runs/[^\"]+)\"").matcher(html);
            assertThat(m.find()).as(html).isTrue();
            html = mvc.perform(get(m.group(1)).with(PLANNER)).andReturn().getResponse().getContentAsString();
        }
        assertThat(HtmlUtils.htmlUnescape(text(html, "run-error"))).contains("jaminan minimum tidak muat",
                "plan.min_cir_mbps 10000 Mbps", "turunkan plan.min_cir_mbps");
    }

    /** The central budget ceiling is a setting of the page and the API; the page says what the central part costs against it. */
    @Test
    void theCentralBudgetCeilingIsASettingAndThePageShowsTheCentralPartAgainstIt() throws Exception {
        assertThat(page("/planning")).contains("name=\"plan.central_budget_idr\"");
        JsonNode bad = json.readTree(mvc.perform(post("/api/plans").with(httpBasic("admin", ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"settings\":{\"plan.central_budget_idr\":\"1,5 miliar\"}}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
        assertThat(bad.get("errors").get(0).get("field").stringValue()).isEqualTo("settings.plan.central_budget_idr");
        assertThat(bad.get("errors").get(0).get("value").stringValue()).isEqualTo("1,5 miliar");

        PlanResult free = expected(optimize());
        assertThat(free.centralAnnualIdr()).isPositive();
        assertThat(page(runToScenario("Tanpa batas", optimize()))).contains("Bagian pusat (uplink dan tautan perangkat daerah terpusat): "
                + Rupiah.format(free.centralAnnualIdr()) + " per tahun.");

        // one rupiah below what DISKOMINFO's joining costs centrally: it stays local, and says that the ceiling keeps it
        Map<String, String> tight = optimize();
        tight.put("plan.central_budget_idr", Long.toString(free.centralAnnualIdr() - 1));
        String url = runToScenario("Anggaran", tight);
        long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
        JsonNode plan = json.readTree(mvc.perform(get("/api/plans/" + id).with(PLANNER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(plan.get("centralAnnualIdr").longValue()).isZero();
        assertThat(plan.get("meetsRequirement").booleanValue()).isTrue();
        assertThat(plan.get("carriedShare").doubleValue()).isEqualTo(1.0);
        String html = page(url);
        assertThat(html).contains("dalam batas anggaran " + Rupiah.format(free.centralAnnualIdr() - 1),
                "di atas plan.central_budget_idr " + Rupiah.format(free.centralAnnualIdr() - 1));
        assertThat(html).doesNotContain("id=\"requirement-not-met\"");
    }

    /** A scenario with close calls lists them, with the alternative plan's cost and how much more it is. */
    @Test
    void aScenarioListsItsCloseCalls() throws Exception {
        PlanResult r = expected(optimize());
        PlanResult withCalls = new PlanResult(r.plan(), r.lowerBoundIdr(), r.years(), r.penaltiesIdr(), r.installsIdr(),
                r.searchNodes(), r.stoppedBy(), r.offers(), r.centralAnnualIdr(), true, 1.0,
                List.of(new PlanResult.CloseCall("RSUD", Decision.CENTRAL, r.plan().planAnnualIdr() + 4_500_000)));
        java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
        PlanFiles.write(withCalls, json);
        long id = scenarios.insert("Tipis", PlanSettings.effective(inventory.settings(), optimize()), json.toByteArray(),
                inventory.version(), "perencana", java.time.Instant.now());
        String html = page("/planning/scenarios/" + id);
        assertThat(html).contains("id=\"close-calls\"", "Keputusan tipis", "data-code=\"RSUD\" data-decision=\"central\"",
                Rupiah.format(r.plan().planAnnualIdr() + 4_500_000), "Rp 4.500.000");
        String study = pdfText(mvc.perform(get("/planning/scenarios/" + id + "/export.pdf").with(PLANNER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(study).contains("Keputusan tipis", "Rp 4.500.000");
    }
}
