package id.padu.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.H2AppTest;
import id.padu.app.cli.PaduCommand;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import picocli.CommandLine;

/**
 * Changes land in the audit log with who, what, before and after; {@code padu audit verify}
 * (the real command, reading the same database over plain JDBC) accepts the chain and names the
 * first row edited behind its back with plain SQL.
 */
class AuditLogTest extends H2AppTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    id.padu.app.audit.AuditLog auditLog;

    /** The URL the application really uses (the configured one has a ${random.uuid} in it). */
    String dbUrl() {
        try (var c = dataSource.getConnection()) {
            return c.getMetaData().getURL();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    record Run(int exit, String out) {
    }

    Run verify() {
        StringWriter out = new StringWriter();
        CommandLine cl = PaduCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute("audit", "verify", "--lang", "en", "--db-url", dbUrl(), "--padu.data-dir", "target/test-data/h2",
                "--anchor-file", auditLog.anchorFile().toString());
        return new Run(exit, out + err.toString());
    }

    @Test
    void changesAreLoggedAndAnEditedRowIsFound() throws Exception {
        mvc.perform(post("/api/agencies").with(httpBasic("admin", ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"AUDIT1\",\"name\":\"Dinas Lama\"}"))
                .andExpect(status().isCreated());
        mvc.perform(put("/api/agencies/AUDIT1").with(httpBasic("admin", ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"AUDIT1\",\"name\":\"Dinas Baru\"}"))
                .andExpect(status().isOk());
        mvc.perform(delete("/api/agencies/AUDIT1").with(httpBasic("admin", ADMIN_PASSWORD))).andExpect(status().isNoContent());

        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT id, actor, action, before_json, after_json FROM audit_log WHERE entity_key = 'AUDIT1' ORDER BY id""")
                .query().listOfRows();
        assertThat(rows).extracting(r -> r.get("ACTION")).containsExactly("agency.create", "agency.update", "agency.delete");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("ACTOR")).isEqualTo("admin"));
        assertThat((String) rows.get(1).get("BEFORE_JSON")).contains("Dinas Lama");
        assertThat((String) rows.get(1).get("AFTER_JSON")).contains("Dinas Baru");
        assertThat(rows.get(2).get("AFTER_JSON")).isNull();

        Run ok = verify();
        assertThat(ok.exit()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("intact");

        long edited = ((Number) rows.get(1).get("ID")).longValue();
        String original = (String) rows.get(1).get("AFTER_JSON");
        jdbc.sql("UPDATE audit_log SET after_json = ? WHERE id = ?").params(original.replace("Dinas Baru", "Dinas Palsu"), edited).update();
        try {
            Run broken = verify();
            assertThat(broken.exit()).isEqualTo(1);
            assertThat(broken.out()).contains("BROKEN at row " + edited).contains("edited");
            mvc.perform(get("/audit").with(httpBasic("admin", ADMIN_PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(org.hamcrest.Matchers.containsString("RUSAK pada baris " + edited + ": isi baris")));
        } finally {
            jdbc.sql("UPDATE audit_log SET after_json = ? WHERE id = ?").params(original, edited).update();
        }
        assertThat(verify().exit()).isZero();

        // A removed row shows as well, even when it is the last one.
        long last = jdbc.sql("SELECT MAX(id) FROM audit_log").query(Long.class).single();
        Map<String, Object> lastRow = jdbc.sql("SELECT * FROM audit_log WHERE id = ?").param(last).query().singleRow();
        jdbc.sql("DELETE FROM audit_log WHERE id = ?").param(last).update();
        try {
            Run cut = verify();
            assertThat(cut.exit()).isEqualTo(1);
            assertThat(cut.out()).contains("row " + last);
        } finally {
            jdbc.sql("""
                    INSERT INTO audit_log (id, at, actor, action, entity, entity_key, before_json, after_json, prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(lastRow.get("ID"), lastRow.get("AT"), lastRow.get("ACTOR"), lastRow.get("ACTION"), lastRow.get("ENTITY"),
                            lastRow.get("ENTITY_KEY"), lastRow.get("BEFORE_JSON"), lastRow.get("AFTER_JSON"),
                            lastRow.get("PREV_HASH"), lastRow.get("HASH"))
                    .update();
        }
        assertThat(verify().exit()).isZero();
    }

    @Test
    void theXlsxExportWorksWithABearerToken() throws Exception {
        // Issue #19: with a token the streamed export ended improperly (its async dispatch ran without the
        // token's login: "Access Denied", three times in the log).
        String created = mvc.perform(post("/api/tokens").with(httpBasic("admin", ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"ekspor audit\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = tools.jackson.databind.json.JsonMapper.builder().build().readTree(created).get("token").asString();
        var result = mvc.perform(get("/audit/export.xlsx").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn();
        assertThat(result.getRequest().isAsyncStarted()).isTrue();
        var done = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(result))
                .andExpect(status().isOk()).andReturn();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(done.getResponse().getContentAsByteArray()))) {
            assertThat(wb.getSheet("audit").getRow(0).getCell(0).getStringCellValue()).isEqualTo("id");
        }
    }

    @Test
    void auditorsExportTheLogAsXlsx() throws Exception {
        mvc.perform(post("/api/agencies").with(httpBasic("admin", ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"AUDITX\",\"name\":\"Dinas Ekspor\"}"))
                .andExpect(status().isCreated());
        var result = mvc.perform(get("/audit/export.xlsx").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("padu-audit.xlsx")))
                .andReturn();
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(result)).andReturn();
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            var sheet = wb.getSheet("audit");
            boolean found = false;
            for (var row : sheet) {
                if (row.getRowNum() > 0 && "AUDITX".equals(row.getCell(5).getStringCellValue())) {
                    found = row.getCell(3).getStringCellValue().equals("agency.create")
                            && row.getCell(7).getStringCellValue().contains("Dinas Ekspor");
                }
            }
            assertThat(found).isTrue();
        }
    }
}
