package id.padu.app.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.Fixtures;
import id.padu.app.planning.PlanFiles;
import id.padu.app.inventory.InventoryService;
import id.padu.domain.BitRate;
import id.padu.domain.Dataset;
import id.padu.domain.Link;
import id.padu.domain.LinkType;
import id.padu.domain.Rupiah;
import id.padu.domain.Settings;
import id.padu.domain.Wib;
import id.padu.migration.Cutover;
import id.padu.migration.MigrationSchedule;
import id.padu.migration.MigrationScheduler;
import id.padu.migration.MigrationStatus;
import id.padu.migration.Text;
import id.padu.plan.Plan;
import id.padu.plan.PlanResult;
import id.padu.plan.Planner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import id.padu.app.MovableClock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * The migration page as a planner uses it: a plan uploaded, statuses changed by named people,
 * a refused transition, a rollback and a replan, the calendar file and the workbook.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "padu.data-dir=target/test-data/migration-tracking",
        "spring.datasource.url=jdbc:h2:file:./target/test-data/migration-tracking/padu-${random.uuid}",
        "padu.admin-password=migration-tracking-secret",
        "logging.level.org.flywaydb=warn"
})
class MigrationTrackingTest {

    static final Locale ID = Locale.forLanguageTag("id");
    static final RequestPostProcessor BUDI = user("budi").roles("ADMIN");
    static final RequestPostProcessor SITI = user("siti").roles("ADMIN");


    @TestConfiguration
    static class Config {
        @Bean
        MovableClock testClock() {
            // each test moves it through a cutover day
            return new MovableClock(Instant.parse("2027-01-01T00:00:00Z"));
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    InventoryService inventory;

    @Autowired
    MovableClock clock;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Dataset dataset;
    Plan plan;
    byte[] planJson;
    String lastError;

    /** The small dataset with cutovers from January 2027, SAT and SUN windows, two a week. */
    @BeforeEach
    void load() throws Exception {
        Dataset small = Fixtures.small();
        Settings s = small.settings();
        Settings settings = new Settings(s.quantile(), s.growth(), s.targetUtilization(), s.redundancy(),
                s.survivableFraction(), s.horizonYears(), s.reserve(), s.scope(), LocalDate.of(2027, 1, 4), null, null, 2,
                "SAT 07:00-13:00;SUN 07:00-13:00", List.of(), s.raw());
        // Every agency gets a link, so that plan.scope=all puts all three on the central network.
        List<Link> links = new ArrayList<>(small.links());
        links.add(new Link("KEC-BAAMANG", LinkType.FIBER, Rupiah.of(500_000), Rupiah.of(10_000_000), BitRate.ofMbps(100)));
        dataset = new Dataset(small.agencies(), small.subscriptions(), small.offers(), links, small.services(),
                small.usage(), settings);
        inventory.replace(dataset);
        PlanResult result = Planner.plan(dataset, LocalDate.of(2027, 1, 1), ID);
        plan = result.plan();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        PlanFiles.write(result, json);
        planJson = json.toByteArray();
        assertThat(plan.centralAgencies()).as("the test needs two central agencies").hasSizeGreaterThanOrEqualTo(2);
        clock.now = Instant.parse("2027-01-01T02:00:00Z");
        mvc.perform(multipart("/migration/upload").file(new MockMultipartFile("plan", "plan.json", "application/json", planJson))
                .with(BUDI).with(csrf())).andExpect(status().is3xxRedirection());
    }

    MigrationSchedule expected() {
        return new MigrationScheduler(dataset, plan).schedule();
    }

    String page(String url) throws Exception {
        return mvc.perform(get(url).with(BUDI)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    int change(String code, String to, String note, RequestPostProcessor who) throws Exception {
        var req = post("/migration/agencies/" + code + "/status").param("to", to).with(who).with(csrf());
        if (note != null) {
            req.param("note", note);
        }
        var response = mvc.perform(req).andReturn().getResponse();
        if (response.getStatus() != 302) {
            lastError = response.getContentAsString().replaceAll("(?s).*id=\"status-error\">([^<]*)<.*", "$1");
        }
        return response.getStatus();
    }

    @Test
    void theUploadedPlanBecomesTheCoresScheduleAndEveryAgencyIsScheduled() throws Exception {
        MigrationSchedule s = expected();
        String html = page("/migration");
        for (Cutover c : s.cutovers()) {
            assertThat(html).contains("data-code=\"" + c.code() + "\" data-status=\"scheduled\"");
            assertThat(html).contains(HtmlUtils.htmlEscape(c.reason(ID)));
        }
        assertThat(html).contains("id=\"calendar\"").contains("id=\"gantt-chart\"");
        String gantt = page("/migration/gantt.json");
        for (Cutover c : s.cutovers()) {
            assertThat(gantt).contains("\"code\":\"" + c.code() + "\"").contains("\"to\":\"" + c.date() + "\"");
        }
        // Every agency's page shows its runbook as a checklist and the PDF downloads.
        Cutover first = s.cutovers().get(0);
        String agency = page("/migration/agencies/" + first.code());
        assertThat(agency).contains("type=\"checkbox\" name=\"item\"");
        byte[] pdf = mvc.perform(get("/migration/agencies/" + first.code() + "/runbook.pdf").with(BUDI))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aBadPlanFileIsRefusedWithTheFieldNamedAndNothingIsReplaced() throws Exception {
        var flash = mvc.perform(multipart("/migration/upload")
                        .file(new MockMultipartFile("plan", "rusak.json", "application/json", "{\"uplinks\": 3}".getBytes()))
                        .with(BUDI).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        assertThat((String) flash.get("error")).contains("rusak.json");
        assertThat(page("/migration")).contains("data-status=\"scheduled\"");
    }

    @Test
    void aStatusChangeIsRecordedWithWhoAndWhenAndTicksAreStored() throws Exception {
        Cutover first = expected().cutovers().get(0);
        clock.set(first.date(), 7);
        assertThat(change(first.code(), "in_progress", "jendela dibuka", SITI)).isEqualTo(302);
        String html = page("/migration/agencies/" + first.code());
        assertThat(html).contains("id=\"current-status\" class=\"pill st-in_progress\"");
        String when = first.date() + " 07:00 WIB";
        assertThat(html).containsPattern("<td class=\"at\">" + when + "</td>\\s*<td class=\"by\">siti</td>");
        assertThat(html).contains("jendela dibuka");
        // ... and lands in the audit log with who, the status before and after, and the note
        assertThat(jdbc.sql("SELECT actor, before_json, after_json FROM audit_log WHERE action = 'migration.status' AND entity_key LIKE ?")
                .param("%/" + first.code()).query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list())
                .anySatisfy(row -> assertThat(row).startsWith("siti ").contains("SCHEDULED", "IN_PROGRESS", "jendela dibuka"));

        // Ticks on the runbook checklist stay ticked.
        String item = between(html, "name=\"item\" value=\"", "\"");
        mvc.perform(post("/migration/agencies/" + first.code() + "/checklist").param("item", item).with(SITI).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/migration/agencies/" + first.code()))
                .containsPattern("value=\"" + java.util.regex.Pattern.quote(HtmlUtils.htmlEscape(item)) + "\" checked");
    }

    @Test
    void anInvalidTransitionIsRefusedWithTheReasonAndChangesNothing() throws Exception {
        Cutover first = expected().cutovers().get(0);
        assertThat(change(first.code(), "done", null, BUDI)).isEqualTo(422);
        String html = mvc.perform(post("/migration/agencies/" + first.code() + "/status").param("to", "done")
                        .with(BUDI).with(csrf())).andReturn().getResponse().getContentAsString();
        String msg = Text.of("input.status.transition", first.code(), MigrationStatus.SCHEDULED.label(),
                MigrationStatus.DONE.label()).format(ID);
        assertThat(html).contains(HtmlUtils.htmlEscape(msg));
        // A rollback without its cause is refused too (the status is in progress first).
        clock.set(first.date(), 7);
        change(first.code(), "in_progress", null, BUDI);
        assertThat(change(first.code(), "rolled_back", "  ", BUDI)).isEqualTo(422);
        assertThat(page("/migration/agencies/" + first.code())).contains("class=\"pill st-in_progress\"");
    }

    @Test
    void afterARollbackReplanningKeepsDoneAgenciesAndMovesTheRolledBackOneLater() throws Exception {
        List<Cutover> cs = expected().cutovers();
        Cutover done = cs.get(0);
        Cutover failed = cs.get(1);
        clock.set(done.date(), 7);
        assertThat(change(done.code(), "in_progress", null, BUDI)).isEqualTo(302);
        clock.set(done.date(), 12);
        assertThat(change(done.code(), "verified", "semua layanan terjangkau", BUDI)).isEqualTo(302);
        clock.set(failed.date(), 7);
        assertThat(change(failed.code(), "in_progress", null, SITI)).as(() -> lastError).isEqualTo(302);
        clock.set(failed.date(), 11);
        assertThat(change(failed.code(), "rolled_back", "SIMRS tidak terjangkau 20 menit", SITI)).as(() -> lastError).isEqualTo(302);
        clock.set(failed.date().plusDays(1), 9);
        assertThat(change(done.code(), "done", "ditandatangani", BUDI)).as(() -> lastError).isEqualTo(302);

        var flash = mvc.perform(post("/migration/replan").with(BUDI).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        assertThat(flash.get("error")).isNull();
        String html = page("/migration");
        Map<String, String> statusOf = new HashMap<>();
        for (String code : List.of(done.code(), failed.code())) {
            statusOf.put(code, between(html, "data-code=\"" + code + "\" data-status=\"", "\""));
        }
        assertThat(statusOf).containsEntry(done.code(), "done").containsEntry(failed.code(), "scheduled");
        String gantt = page("/migration/gantt.json");
        LocalDate doneDate = LocalDate.parse(between(gantt.substring(gantt.indexOf("\"code\":\"" + done.code() + "\"")), "\"to\":\"", "\""));
        LocalDate newDate = LocalDate.parse(between(gantt.substring(gantt.indexOf("\"code\":\"" + failed.code() + "\"")), "\"to\":\"", "\""));
        assertThat(doneDate).isEqualTo(done.date());
        assertThat(newDate).isAfter(failed.date()).isAfterOrEqualTo(failed.date().plusDays(7));
        // The replan's history entry and the rollback's cause are on the agency's page.
        String agency = page("/migration/agencies/" + failed.code());
        assertThat(agency).contains("SIMRS tidak terjangkau 20 menit").contains("replan");
    }

    @Test
    void theCalendarFileHasOneFoldedEventPerCutoverInItsWindow() throws Exception {
        MigrationSchedule s = expected();
        byte[] body = mvc.perform(get("/migration/schedule.ics").with(BUDI)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String ics = new String(body, StandardCharsets.UTF_8);
        assertThat(ics).endsWith("\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        String[] physical = ics.split("\r\n");
        boolean folded = false;
        for (String line : physical) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
            folded |= line.startsWith(" ");
        }
        assertThat(folded).as("long reasons are folded").isTrue();
        List<String> lines = List.of(ics.replace("\r\n ", "").split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("BEGIN:VCALENDAR");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("END:VCALENDAR");
        assertThat(lines).contains("VERSION:2.0");
        List<Map<String, String>> events = new ArrayList<>();
        Map<String, String> ev = null;
        for (String l : lines) {
            if (l.equals("BEGIN:VEVENT")) {
                ev = new HashMap<>();
            } else if (l.equals("END:VEVENT")) {
                events.add(ev);
                ev = null;
            } else if (ev != null) {
                int colon = l.indexOf(':');
                ev.put(l.substring(0, colon), l.substring(colon + 1));
            }
        }
        assertThat(events).hasSize(s.cutovers().size());
        DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        for (Cutover c : s.cutovers()) {
            Map<String, String> e = events.stream().filter(x -> x.get("SUMMARY").contains(c.code())).findFirst().orElseThrow();
            Instant start = LocalDateTime.of(c.date(), c.window().start()).atZone(Wib.ZONE).toInstant();
            Instant end = LocalDateTime.of(c.date(), c.window().end()).atZone(Wib.ZONE).toInstant();
            assertThat(e).containsEntry("DTSTART", utc.format(start)).containsEntry("DTEND", utc.format(end))
                    .containsKey("DTSTAMP").containsKey("UID");
        }
        assertThat(events.stream().map(x -> x.get("UID")).distinct()).hasSize(events.size());
        // The same agency keeps its UID in a later export (calendars update instead of duplicating).
        String again = mvc.perform(get("/migration/schedule.ics").with(BUDI)).andReturn().getResponse().getContentAsString();
        for (Map<String, String> e : events) {
            assertThat(again.replace("\r\n ", "")).contains("UID:" + e.get("UID"));
        }
    }

    @Test
    void theWorkbookListsEveryCutoverWithItsStatus() throws Exception {
        MigrationSchedule s = expected();
        Cutover first = s.cutovers().get(0);
        clock.set(first.date(), 8);
        change(first.code(), "in_progress", null, BUDI);
        byte[] body = mvc.perform(get("/migration/schedule.xlsx").with(BUDI)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(s.cutovers().size());
            Map<String, Row> byCode = new HashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                byCode.put(sheet.getRow(r).getCell(3).getStringCellValue(), sheet.getRow(r));
            }
            for (Cutover c : s.cutovers()) {
                Row row = byCode.get(c.code());
                assertThat(row.getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(c.date());
                assertThat(row.getCell(0).getLocalDateTimeCellValue().toLocalDate().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
                MigrationStatus st = c.code().equals(first.code()) ? MigrationStatus.IN_PROGRESS : MigrationStatus.SCHEDULED;
                assertThat(row.getCell(7).getStringCellValue()).isEqualTo(st.label().format(ID));
                assertThat((long) row.getCell(8).getNumericCellValue()).isEqualTo(c.penaltyIdr());
            }
            Sheet history = wb.getSheetAt(1);
            // One entry per agency when scheduled, plus the change just made.
            assertThat(history.getLastRowNum()).isEqualTo(s.cutovers().size() + 1);
            assertThat(history.getRow(history.getLastRowNum()).getCell(5).getStringCellValue()).isEqualTo("budi");
        }
    }

    @Test
    void aPlanComputedInTheBackgroundIsPolledAndThenTracked() throws Exception {
        String started = mvc.perform(post("/migration/compute").with(SITI).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(started).contains("id=\"plan-job\"");
        String phase = "RUNNING";
        String fragment = started;
        // The planner runs on its own thread; the page polls like htmx does until it is done.
        for (int i = 0; i < 600 && fragment.contains("hx-trigger=\"every 2s\""); i++) {
            Thread.sleep(100);
            var r = mvc.perform(get("/migration/job").with(SITI)).andExpect(status().isOk()).andReturn().getResponse();
            fragment = r.getContentAsString();
            if (r.getHeader("HX-Redirect") != null) {
                phase = "DONE";
            }
        }
        assertThat(phase).as(fragment).isEqualTo("DONE");
        String html = page("/migration");
        assertThat(html).contains(HtmlUtils.htmlEscape("siti")).contains("rencana dihitung dari inventaris");
        for (Cutover c : expected().cutovers()) {
            assertThat(html).contains("data-code=\"" + c.code() + "\" data-status=\"scheduled\"");
        }
    }

    static String between(String s, String start, String end) {
        int i = s.indexOf(start);
        assertThat(i).as("'" + start + "' in the page").isNotNegative();
        i += start.length();
        return s.substring(i, s.indexOf(end, i));
    }
}
