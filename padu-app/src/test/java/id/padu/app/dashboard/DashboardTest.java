package id.padu.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.padu.analysis.AgencyAnalysis;
import id.padu.analysis.SpendAnalysis;
import id.padu.analysis.SpendReport;
import id.padu.app.Fixtures;
import id.padu.app.inventory.InventoryService;
import id.padu.app.shared.Formats;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Dataset;
import id.padu.domain.Rupiah;
import id.padu.domain.Subscription;
import id.padu.domain.Wib;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The dashboard, its charts' data and the exported spend report, as a planner gets them. */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "padu.data-dir=target/test-data/dashboard",
        "spring.datasource.url=jdbc:h2:file:./target/test-data/dashboard/padu-${random.uuid}",
        "padu.admin-password=" + DashboardTest.ADMIN_PASSWORD,
        "padu.region-name=Kabupaten Uji Coba",
        "logging.level.org.flywaydb=warn"
})
class DashboardTest {

    static final String ADMIN_PASSWORD = "dashboard-test-secret";
    static final RequestPostProcessor PLANNER = user("admin").roles("ADMIN");

    @Autowired
    MockMvc mvc;

    @Autowired
    InventoryService inventory;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void load() {
        inventory.replace(Fixtures.small());
    }

    SpendReport expected() {
        return SpendAnalysis.analyze(inventory.current(), LocalDate.now(Wib.ZONE));
    }

    String page(String url) throws Exception {
        return mvc.perform(get(url).with(PLANNER)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    static String text(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as("element #" + id).isTrue();
        return m.group(1);
    }

    @Test
    void headlineIsTheAnalysisOfTheStoredDataInIndonesian() throws Exception {
        SpendReport r = expected();
        String html = page("/dashboard");
        assertThat(html).contains("lang=\"id\"", "Belanja internet per tahun", "Kabupaten Uji Coba", "Kalender kontrak",
                "/webjars/echarts/5.3.1/dist/echarts.min.js").doesNotContain("cdn");
        // DISKOMINFO 12.500.000 + RSUD 920.000 + 427.000 a month.
        assertThat(r.aggregate().totalAnnualSpendIdr()).isEqualTo(12 * (12_500_000L + 920_000 + 427_000));
        assertThat(text(html, "total-spend")).isEqualTo(Rupiah.format(r.aggregate().totalAnnualSpendIdr()));
        assertThat(text(html, "idle-cost")).isEqualTo(Rupiah.format(r.aggregate().totalIdleAnnualIdr()));
        assertThat(text(html, "purchased")).isEqualTo(BitRate.ofBps(r.aggregate().purchasedDownBps()).format());
        assertThat(html).doesNotContain("demo-banner");
    }

    @Test
    void englishThroughTheLanguageSwitch() throws Exception {
        String html = page("/dashboard?lang=en");
        assertThat(html).contains("lang=\"en\"", "Internet spend per year", "Idle-capacity cost", "Contract calendar");
        assertThat(text(html, "total-spend")).isEqualTo(Rupiah.format(expected().aggregate().totalAnnualSpendIdr()));
        assertThat(page("/dashboard/agencies/RSUD?lang=en")).contains("lang=\"en\"", "Spend per year", "Last day (5 minutes)",
                "Busy hour", "Subscriptions");
    }

    @Test
    void anEmptyInventoryShowsWhatToImportNotAnError() throws Exception {
        inventory.replace(new Dataset(List.of(), List.of(), List.of(), null, List.of(), java.util.Map.of(), null));
        String html = page("/dashboard");
        assertThat(html).contains("id=\"empty-state\"").doesNotContain("id=\"total-spend\"");
        assertThat(json.readTree(page("/dashboard/charts/aggregate.json")).get("downMean").size()).isZero();
        mvc.perform(get("/dashboard/export.xlsx").with(PLANNER)).andExpect(status().isOk());
        mvc.perform(get("/dashboard/export.pdf").with(PLANNER)).andExpect(status().isOk());
    }

    @Test
    void agenciesSortBySpendUtilisationAndIdleCostWithoutUsageLast() throws Exception {
        List<AgencyAnalysis> agencies = expected().agencies();
        assertThat(codes(page("/dashboard"))).isEqualTo(order(agencies, Comparator.comparingLong(AgencyAnalysis::annualSpendIdr).reversed()));
        assertThat(codes(page("/dashboard?sort=idle&dir=asc")))
                .isEqualTo(order(agencies, Comparator.comparing(AgencyAnalysis::idleAnnualIdr, Comparator.nullsLast(Comparator.naturalOrder()))));
        List<String> byUtil = codes(page("/dashboard?sort=util&dir=desc"));
        assertThat(byUtil).isEqualTo(order(agencies,
                Comparator.comparing(AgencyAnalysis::utilizationDown, Comparator.nullsLast(Comparator.reverseOrder()))));
        // KEC-BAAMANG has no usage: last whichever way.
        assertThat(byUtil.get(byUtil.size() - 1)).isEqualTo("KEC-BAAMANG");
        assertThat(codes(page("/dashboard?sort=util&dir=asc"))).last().isEqualTo("KEC-BAAMANG");
    }

    static List<String> order(List<AgencyAnalysis> agencies, Comparator<AgencyAnalysis> c) {
        return agencies.stream().sorted(c.thenComparing(AgencyAnalysis::code)).map(AgencyAnalysis::code).toList();
    }

    static List<String> codes(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-code=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void figuresFollowEveryChangeOfTheStoredData() throws Exception {
        long before = expected().aggregate().totalAnnualSpendIdr();
        assertThat(text(page("/dashboard"), "total-spend")).isEqualTo(Rupiah.format(before));

        Dataset d = Fixtures.small();
        inventory.merge(new Dataset(d.agencies(), List.of(new Subscription("KEC-BAAMANG", "Telkom", "IndiHome 30",
                ConnectionKind.BROADBAND, BitRate.ofMbps(30), BitRate.ofMbps(15), Rupiah.of(1_000_000), null, null, null, null)),
                List.of(), null, List.of(), java.util.Map.of(), d.settings()));
        assertThat(text(page("/dashboard"), "total-spend")).isEqualTo(Rupiah.format(before + 12_000_000));

        long id = inventory.subscriptions("DISKOMINFO").get(0).id();
        mvc.perform(delete("/api/subscriptions/" + id).with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().is2xxSuccessful());
        assertThat(text(page("/dashboard"), "total-spend")).isEqualTo(Rupiah.format(before + 12_000_000 - 12 * 12_500_000));
    }

    @Test
    void agencyPageAndItsChartDataBucketedOnTheServer() throws Exception {
        AgencyAnalysis rsud = expected().agencies().stream().filter(a -> a.code().equals("RSUD")).findFirst().orElseThrow();
        String html = page("/dashboard/agencies/RSUD");
        assertThat(text(html, "agency-spend")).isEqualTo(Rupiah.format(rsud.annualSpendIdr()));
        assertThat(html).contains("RSUD dr. Murjani", "usage-day", "usage-week", "usage-month", "usage-year", "hourly-chart");
        for (String range : List.of("day", "week", "month", "year")) {
            JsonNode c = json.readTree(page("/dashboard/agencies/RSUD/usage.json?range=" + range));
            int n = c.get("downMean").size();
            assertThat(n).as(range).isBetween(1, UsageChart.MAX_POINTS);
            for (int i = 0; i < n; i++) {
                if (!c.get("downMean").get(i).isNull()) {
                    assertThat(c.get("downMin").get(i).asDouble()).isLessThanOrEqualTo(c.get("downMean").get(i).asDouble());
                    assertThat(c.get("downMean").get(i).asDouble()).isLessThanOrEqualTo(c.get("downMax").get(i).asDouble());
                }
            }
            assertThat(c.get("quantileDownMbps").asDouble()).isEqualTo(rsud.down().q() / 1e6, org.assertj.core.data.Offset.offset(0.01));
        }
        // The day ends at the last sample: 288 five-minute buckets, the last day of the fixture.
        assertThat(json.readTree(page("/dashboard/agencies/RSUD/usage.json?range=day")).get("downMean").size()).isEqualTo(288);
        mvc.perform(get("/dashboard/agencies/NOPE").with(PLANNER)).andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/agencies/RSUD/usage.json?range=decade").with(PLANNER)).andExpect(status().isBadRequest());
        mvc.perform(get("/dashboard/agencies/KEC-BAAMANG/usage.json").with(PLANNER)).andExpect(status().isNotFound());
        assertThat(page("/dashboard/agencies/KEC-BAAMANG")).contains("Belum ada data pemakaian");
    }

    @Test
    void xlsxReportReadsBackWithTheHeadlineFiguresAsRupiahCells() throws Exception {
        SpendReport r = expected();
        byte[] xlsx = mvc.perform(get("/dashboard/export.xlsx").with(PLANNER).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sum = wb.getSheet("Ringkasan");
            assertThat(sum).as("summary sheet in Bahasa Indonesia").isNotNull();
            assertThat(sum.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Laporan belanja internet");
            assertThat(sum.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Kabupaten Uji Coba");
            Row spend = findRow(sum, "Belanja internet per tahun");
            assertThat((long) spend.getCell(1).getNumericCellValue()).isEqualTo(r.aggregate().totalAnnualSpendIdr());
            assertThat(spend.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("\"Rp \"#,##0");
            Row idle = findRow(sum, "Biaya kapasitas menganggur per tahun");
            assertThat((long) idle.getCell(1).getNumericCellValue()).isEqualTo(r.aggregate().totalIdleAnnualIdr());

            Sheet ag = wb.getSheet("Perangkat daerah");
            assertThat(ag.getLastRowNum()).isEqualTo(r.agencies().size() + 1);
            for (int i = 0; i < r.agencies().size(); i++) {
                AgencyAnalysis a = r.agencies().get(i);
                Row row = ag.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(a.code());
                assertThat((long) row.getCell(3).getNumericCellValue()).isEqualTo(a.annualSpendIdr());
            }
            assertThat(wb.getSheet("Kontrak berakhir")).isNotNull();
        }
    }

    static Row findRow(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + label);
    }

    @Test
    void pdfReportInIndonesianWithTheRegionAndTheHeadlineFigures() throws Exception {
        SpendReport r = expected();
        byte[] pdf = mvc.perform(get("/dashboard/export.pdf").with(PLANNER).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor ex = new PdfTextExtractor(reader);
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(ex.getTextFromPage(p)).append('\n');
        }
        reader.close();
        assertThat(text.toString()).contains("Laporan belanja internet", "Kabupaten Uji Coba", "Belanja internet per tahun",
                Rupiah.format(r.aggregate().totalAnnualSpendIdr()), Rupiah.format(r.aggregate().totalIdleAnnualIdr()),
                "Dinas Komunikasi dan Informatika", "Kontrak berakhir");
    }
}
