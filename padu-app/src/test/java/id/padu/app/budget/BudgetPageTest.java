package id.padu.app.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.BudgetWorkbook;
import id.padu.app.GrowingRegency;
import id.padu.app.inventory.InventoryService;
import id.padu.app.planning.PlanFiles;
import id.padu.app.planning.PlanOfRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The budget page, its XLSX and its JSON from the plan of record, on {@link GrowingRegency} for
 * 2027 (the hand figures of BudgetCommandTest). Its own database: it adopts a plan.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "padu.data-dir=target/test-data/budget-page",
        "spring.datasource.url=jdbc:h2:file:./target/test-data/budget-page/padu-${random.uuid}",
        "padu.admin-password=budget-page-secret",
        "padu.region-name=Kabupaten Uji Coba",
        "logging.level.org.flywaydb=warn"
})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BudgetPageTest {

    static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");
    static final RequestPostProcessor AUDITOR = user("auditor").roles("AUDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    InventoryService inventory;

    @Autowired
    PlanOfRecord record;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    String page(String url, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void withoutAPlanOfRecordThePageSaysSoAndThereIsNothingToDownload() throws Exception {
        inventory.replace(GrowingRegency.dataset());
        String html = page("/budget?year=2027", ADMIN);
        assertThat(html).contains("id=\"no-plan\"").doesNotContain("id=\"export-xlsx\"");
        mvc.perform(get("/budget/export.xlsx?year=2027").with(ADMIN)).andExpect(status().isConflict());
        mvc.perform(get("/api/budget?year=2027").with(ADMIN)).andExpect(status().isConflict());
    }

    @Test
    @Order(2)
    void thePlanOfRecordGivesThePageTheWorkbookAndTheJson() throws Exception {
        inventory.replace(GrowingRegency.dataset());
        ByteArrayOutputStream plan = new ByteArrayOutputStream();
        PlanFiles.write(GrowingRegency.plan(), plan);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO planning_scenario (name, settings_text, plan_json, data_version, created_by, created_at) "
                + "VALUES ('Rencana 2027', '', ?, 1, 'admin', ?)").params(plan.toByteArray(), Timestamp.from(Instant.now()))
                .update(keys, "id");
        record.adopt(keys.getKey().longValue(), "ditetapkan untuk uji anggaran", "admin");

        String html = page("/budget?year=2027", AUDITOR);
        assertThat(html).contains("id=\"export-xlsx\"").contains("Rp 380.300.000").contains("Rp 325.000.000")
                .contains("Rp 55.300.000").contains("Rp 162.720.000").contains("Rp 107.420.000")
                .contains("Peningkatan kapasitas: Internet Dedicated 200 Mbps").contains("September–Desember")
                .contains("data-kind=\"upgrade\"").contains("Pada tahun anggaran 2027 Diskominfo mengusulkan")
                .contains("Kabupaten Uji Coba");
        assertThat(page("/budget?year=2027&lang=en", ADMIN)).contains("Capacity upgrade: Internet Dedicated 200 Mbps")
                .contains("Pada tahun anggaran 2027");

        var xlsx = mvc.perform(get("/budget/export.xlsx?year=2027").with(AUDITOR)).andExpect(status().isOk()).andReturn()
                .getResponse();
        assertThat(xlsx.getHeader("Content-Disposition")).contains("usulan-anggaran-internet-2027.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            BudgetWorkbook.assertHandFigures(wb);
            assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("Kabupaten Uji Coba");
        }

        JsonNode j = json.readTree(page("/api/budget?year=2027", ADMIN));
        assertThat(j.get("totalIdr").longValue()).isEqualTo(380_300_000L);
        assertThat(j.get("centralLines").get(1).get("annualIdr").longValue()).isEqualTo(135_000_000L);
        assertThat(j.get("agencies").get(2).get("budgetIdr").longValue()).isEqualTo(25_300_000L);
    }

    @Test
    @Order(3)
    void aBadYearIsRefusedNamingTheFieldAndOperatorsSeeNoBudget() throws Exception {
        String problem = mvc.perform(get("/api/budget?year=20x7").with(ADMIN)).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json.readTree(problem).get("errors").get(0).get("field").stringValue()).isEqualTo("year");
        mvc.perform(get("/api/budget?year=1999").with(ADMIN)).andExpect(status().isBadRequest());
        RequestPostProcessor op = user("op").roles("AGENCY_OPERATOR");
        mvc.perform(get("/budget").with(op)).andExpect(status().isForbidden());
        mvc.perform(get("/budget/export.xlsx").with(op)).andExpect(status().isForbidden());
        mvc.perform(get("/api/budget").with(op)).andExpect(status().isForbidden());
        // the menu names the page for everyone but an operator
        assertThat(page("/dashboard", ADMIN)).contains("href=\"/budget\"");
    }
}
