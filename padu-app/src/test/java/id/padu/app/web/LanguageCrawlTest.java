package id.padu.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import id.padu.app.Fixtures;
import id.padu.app.inventory.InventoryService;
import id.padu.app.planning.PlanFiles;
import id.padu.app.planning.PlanOfRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Every page in both languages (issue 20): no raw message key, no word of the other language
 * from a short list of tell-tale words, and no number written the other language's way
 * ({@code 584.08 Mbps} on an Indonesian page, {@code 584,08 Mbps} on an English one). The pages
 * are those of the menu and one of each detail page, as an admin, on a small regency with a
 * stored scenario that is the plan of record.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "padu.data-dir=target/test-data/language",
        "spring.datasource.url=jdbc:h2:file:./target/test-data/language/padu-${random.uuid}",
        "padu.admin-password=" + LanguageCrawlTest.PW,
        "padu.alerts.enabled=false",
        "logging.level.org.flywaydb=warn"
})
class LanguageCrawlTest {

    static final String PW = "bahasa-sandi-1";

    /** Words that give an English text away on an Indonesian page (whole words, case-insensitive). */
    static final List<String> ENGLISH = List.of("the", "and", "of", "with", "download", "upload", "save", "cancel", "agency",
            "agencies", "high", "low", "critical", "none", "yes", "no", "sat", "sun", "mon", "may", "dec", "aug",
            "oct", "settings", "scenario", "request", "requests", "allocation", "not");
    /** And an Indonesian text on an English page. */
    static final List<String> INDONESIAN = List.of("dan", "yang", "untuk", "dengan", "belum", "tidak", "perangkat",
            "daerah", "unduh", "unggah", "simpan", "batal", "tinggi", "rendah", "kritis", "skenario", "permintaan",
            "tahun", "bulan", "hari", "rencana", "pusat");
    static final Pattern RAW_KEY = Pattern.compile("\\?\\?[^?]+\\?\\?|\\b[a-z]+(\\.[a-z][a-zA-Z]+){1,3}\\b");
    static final Pattern ID_NUMBER_WRONG = Pattern.compile("\\b\\d+\\.\\d{1,2}\\s?(Mbps|Gbps|kbps|%|bulan)");
    static final Pattern EN_NUMBER_WRONG = Pattern.compile("\\b\\d+,\\d{1,2}\\s?(Mbps|Gbps|kbps|%|months)");

    @Autowired
    MockMvc mvc;
    @Autowired
    InventoryService inventory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlanOfRecord record;

    final List<String> userData = new ArrayList<>();

    long seed() throws Exception {
        id.padu.domain.Dataset d = Fixtures.small();
        inventory.replace(d);
        d.agencies().forEach(a -> userData.add(a.name()));
        d.subscriptions().forEach(x -> {
            userData.add(x.provider());
            userData.add(x.product());
        });
        d.offers().forEach(x -> userData.add(x.product()));
        d.services().forEach(x -> userData.add(x.name()));
        userData.addAll(List.of("Rencana 2027", "Ditetapkan", "bergabung", "tetap lokal"));
        userData.sort(java.util.Comparator.comparingInt(String::length).reversed());
        ByteArrayOutputStream plan = new ByteArrayOutputStream();
        PlanFiles.write(Fixtures.smallPlan(), plan);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO planning_scenario (name, settings_text, plan_json, data_version, created_by, created_at) "
                + "VALUES ('Rencana 2027', '', ?, 1, 'admin', ?)").params(plan.toByteArray(), Timestamp.from(Instant.now()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        record.adopt(id, "Ditetapkan", "admin");
        return id;
    }

    /** The page's visible text, without the language switch and the user's own data in inputs. */
    String text(String path, String lang) throws Exception {
        MvcResult r = mvc.perform(get(path).param("lang", lang).with(httpBasic("admin", PW))).andReturn();
        assertThat(r.getResponse().getStatus()).as(path + " " + lang).isEqualTo(200);
        Document d = Jsoup.parse(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
        d.select(".lang, script, style, code, pre, .raw").remove();
        // a passage marked as written in Bahasa Indonesia on purpose (the budget's justification for TAPD)
        if (lang.equals("en")) {
            d.select("body [lang=id]").remove();
        }
        String t = d.body().text();
        // what users typed is theirs, in their language: the regency's names and the scenario's
        for (String own : userData) {
            t = t.replace(own, " ");
        }
        // a file's column list (agency,time,down_bps,up_bps) is a format contract, the same in every language
        return t.replaceAll("\\b[a-z_]+(,[a-z_]+)+\\b", " ");
    }

    static List<String> words(String text, List<String> list) {
        List<String> found = new ArrayList<>();
        for (String w : list) {
            // a whole word, not part of a file name or key (agencies.csv, plan.agencies)
            if (Pattern.compile("(?iu)(?<![\\p{L}\\-_.])" + Pattern.quote(w) + "(?![\\p{L}\\-_]|\\.\\p{L})").matcher(text).find()) {
                found.add(w);
            }
        }
        return found;
    }

    /** The text around the first occurrence of a word, to find it in the templates. */
    static String context(String text, String word) {
        Matcher m = Pattern.compile("(?iu)(?<![\\p{L}\\-_.])" + Pattern.quote(word) + "(?![\\p{L}\\-_]|\\.\\p{L})").matcher(text);
        if (!m.find()) {
            return "";
        }
        return " in \"…" + text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40)) + "…\"";
    }

    static List<String> matches(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void everyPageSpeaksOneLanguageWithItsOwnNumbers() throws Exception {
        long scenario = seed();
        List<String> pages = List.of("/dashboard", "/dashboard/agencies/RSUD", "/planning", "/planning/scenarios/" + scenario,
                "/agencies", "/agencies/RSUD", "/gateway", "/requests", "/reviews", "/migration", "/collection", "/import",
                "/export", "/audit", "/users", "/tokens", "/alerts", "/measurements/RSUD", "/budget", "/availability");
        List<String> problems = new ArrayList<>();
        for (String page : pages) {
            String id = text(page, "id");
            String en = text(page, "en");
            List<String> keys = matches(RAW_KEY, id);
            keys.addAll(matches(RAW_KEY, en));
            keys.removeIf(k -> k.matches("(?i).*\\.(csv|xlsx|pdf|json|md|go\\.id|example|id|sh|zip)$") || k.startsWith("padu.") || k.matches("(plan|migrate|alert|budget)\\.[a-z_]+")
                    || k.matches("[a-z]+\\.[a-z]+\\.(go|example)\\..*") || k.contains("kotimkab") || k.startsWith("simrs"));
            if (!keys.isEmpty()) {
                problems.add(page + ": raw keys " + keys);
            }
            List<String> english = words(id, ENGLISH);
            if (!english.isEmpty()) {
                problems.add(page + " (id): English words " + english + context(id, english.get(0)));
            }
            List<String> indonesian = words(en, INDONESIAN);
            if (!indonesian.isEmpty()) {
                problems.add(page + " (en): Indonesian words " + indonesian + context(en, indonesian.get(0)));
            }
            List<String> idNumbers = matches(ID_NUMBER_WRONG, id);
            if (!idNumbers.isEmpty()) {
                problems.add(page + " (id): numbers written the English way " + idNumbers);
            }
            List<String> enNumbers = matches(EN_NUMBER_WRONG, en);
            if (!enNumbers.isEmpty()) {
                problems.add(page + " (en): numbers written the Indonesian way " + enNumbers);
            }
        }
        assertThat(problems).as("language problems").isEmpty();
    }
}
