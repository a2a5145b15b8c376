package id.padu.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.Fixtures;
import id.padu.app.availability.UplinkObservation;
import id.padu.app.availability.UplinkPollSink;
import id.padu.app.inventory.InventoryService;
import id.padu.app.planning.PlanFiles;
import id.padu.availability.Observation;
import id.padu.domain.Agency;
import id.padu.domain.BitRate;
import id.padu.domain.Dataset;
import id.padu.domain.Link;
import id.padu.domain.LinkType;
import id.padu.domain.Offer;
import id.padu.domain.OnlineService;
import id.padu.domain.Rupiah;
import id.padu.domain.Settings;
import id.padu.domain.Subscription;
import id.padu.plan.PlanResult;
import id.padu.plan.Planner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Stored XSS (issue #19): every text a user can enter holds markup that would run if a page put it
 * into HTML unescaped (agency, provider, product, offer and service names, the region name, a
 * scenario name, an uploaded plan's file name, a request's reason, a migration note, an e-mail
 * address, token names, an SNMP interface). A real browser then opens every page reachable from
 * the menu, as an admin and as an agency operator, waits for the charts, shows every chart's
 * tooltips, and checks that no payload ran ({@code window.__xss} stays unset), that the
 * Content-Security-Policy blocked nothing (a blocked script of Padu's own would be a broken page;
 * a blocked inline handler would be markup that got through unescaped) and that the charts drew.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class XssBrowserTest {

    static final String PASSWORD = "xss-browser-secret-1";
    static final String OPERATOR = "op-xss";
    static final String OPERATOR_PASSWORD = "xss-operator-secret-2";
    /** Markup that sets window.__xss where it runs: in an element, out of an attribute, as a URL. */
    static final List<String> PAYLOADS = List.of(
            "<img src=x onerror=\"window.__xss=1\">",
            "\"><script>window.__xss=1</script>",
            "javascript:window.__xss=1//'><svg onload=window.__xss=1>");

    static Path dataDir;
    static WebDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    InventoryService inventory;

    @Autowired
    UplinkPollSink uplinkPolls;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("padu-xss-browser-");
        registry.add("padu.data-dir", dataDir::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("padu"));
        registry.add("padu.admin-password", () -> PASSWORD);
        registry.add("padu.region-name", () -> "Kabupaten " + PAYLOADS.get(0));
        registry.add("logging.level.org.flywaydb", () -> "warn");
    }

    @BeforeAll
    static void browser() {
        driver = HeadlessChromium.start();
        // Before any page script: collect what the Content-Security-Policy blocks.
        ((ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__csp = []; document.addEventListener('securitypolicyviolation', function (e) {"
                        + " window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber); });"));
    }

    @AfterAll
    static void close() throws IOException {
        HeadlessChromium.close(driver, dataDir);
    }

    @Test
    void hostileNamesInEveryTextFieldRunOnNoPage() throws Exception {
        String base = "http://127.0.0.1:" + port;
        Dataset data = hostile(dataset());
        inventory.replace(data);
        String code = data.agencies().get(1).code();
        Api admin = new Api(base, "admin", PASSWORD);

        admin.json("POST", "/api/users", "{\"username\":\"" + OPERATOR + "\",\"password\":\"" + OPERATOR_PASSWORD
                + "\",\"role\":\"AGENCY_OPERATOR\",\"agency\":\"" + code
                + "\",\"email\":\"x\\\"><img/src=x/onerror=window.__xss=1>@x\"}", 201);
        Api operator = new Api(base, OPERATOR, OPERATOR_PASSWORD);
        admin.json("POST", "/api/tokens", "{\"name\":" + quote(PAYLOADS.get(0)) + "}", 201);
        operator.json("POST", "/api/tokens", "{\"name\":" + quote(PAYLOADS.get(1)) + "}", 201);
        operator.json("POST", "/api/agencies/" + code + "/requests", "{\"downCirBps\":20000000,\"downMirBps\":40000000,"
                + "\"upCirBps\":5000000,\"upMirBps\":10000000,\"reason\":" + quote(PAYLOADS.get(2) + PAYLOADS.get(0)) + "}", 201);
        admin.json("POST", "/api/collection/snmp-targets", "{\"agency\":\"" + code + "\",\"host\":\"10.20.0.1\",\"port\":161,"
                + "\"version\":\"2c\",\"community\":\"public\",\"interface\":" + quote("ether1" + PAYLOADS.get(0))
                + ",\"wanDirection\":\"in-is-down\"}", 201);
        // A central uplink with a hostile provider and product, and an outage of it on the availability page.
        String provider = "Telkom" + PAYLOADS.get(1);
        admin.json("POST", "/api/collection/snmp-targets", "{\"kind\":\"uplink\",\"provider\":" + quote(provider)
                + ",\"product\":" + quote(PAYLOADS.get(2)) + ",\"host\":\"10.20.0.2\",\"port\":161,\"version\":\"2c\","
                + "\"community\":\"public\",\"interface\":\"ether2\"}", 201);
        long now = System.currentTimeMillis();
        uplinkPolls.record(List.of(
                new UplinkObservation(999_999, provider, PAYLOADS.get(2), now - 120_000, 60, new Observation(true, 2, 5, 5, 100), null),
                new UplinkObservation(999_999, provider, PAYLOADS.get(2), now - 60_000, 60, new Observation(true, 1, 9, 9, 160), null)));

        // A migration from the plan of the hostile data, uploaded under a hostile file name, with a note.
        PlanResult result = Planner.plan(data, LocalDate.of(2027, 1, 1), java.util.Locale.forLanguageTag("id"));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        PlanFiles.write(result, json);
        admin.upload("/migration/upload", PAYLOADS.get(0) + ".json", json.toByteArray(), 302);
        admin.form("/migration/agencies/" + code + "/status", Map.of("to", "scheduled", "date", "2027-02-06",
                "note", PAYLOADS.get(1)), 302);
        // The same plan rendered for the gateway.
        admin.upload("/gateway/plan", PAYLOADS.get(1) + ".json", json.toByteArray(), 302);

        // The policy is on every answer, the login page's too.
        HttpResponse<String> login = Api.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Content-Security-Policy")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("script-src 'self';", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-eval");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");

        HeadlessChromium.login(driver, base, "admin", PASSWORD);
        // Deleting an agency still asks first (the question no longer comes from an inline onsubmit).
        driver.get(base + "/agencies/" + code);
        driver.findElement(By.cssSelector("form[data-confirm] [type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        driver.switchTo().alert().dismiss();
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/agencies/" + code);
        assertThat(inventory.current().agency(code)).as("agency kept after answering no").isPresent();

        // A scenario with a hostile name, through the planning form as a planner does it.
        driver.get(base + "/planning");
        driver.findElement(By.id("name")).sendKeys(PAYLOADS.get(0));
        new Select(driver.findElement(By.id("plan.scope"))).selectByValue("optimize");
        driver.findElement(By.id("run")).click();
        waitFor(d -> d.getCurrentUrl().contains("/planning/scenarios/"));
        String scenario = driver.getCurrentUrl().substring(base.length());

        List<String> adminPages = crawl(base, List.of("/", "/dashboard", scenario, "/migration",
                "/migration/agencies/" + code, "/gateway", "/requests", "/collection", "/import", "/export", "/audit",
                "/users", "/tokens", "/measurements/" + code, "/agencies/" + code + "/edit"));
        assertThat(adminPages).as("pages an admin reached")
                .contains("/dashboard", "/dashboard/agencies/" + code, "/agencies", "/agencies/" + code, scenario,
                        "/migration", "/migration/agencies/" + code, "/gateway", "/requests", "/requests/1",
                        "/collection", "/import", "/export", "/audit", "/users", "/tokens", "/measurements/" + code,
                        "/availability", "/swagger-ui/index.html");

        // The Gantt's tooltip shows the agency's name as text: the markup is visible, not run.
        driver.get(base + "/migration");
        waitForCharts();
        String tip = (String) js("var code = arguments[0], c = echarts.getInstanceByDom(document.getElementById('gantt-chart'));"
                + "var i = c.getOption().series[0].data.findIndex(function (d) { return d.bar.code === code; });"
                + "c.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: i });"
                + "var t = document.querySelector('#gantt-chart > div:last-child');"
                + "return t ? t.textContent : null;", code);
        assertThat(tip).as("Gantt tooltip of " + code).contains(data.agencies().get(1).name());

        driver.manage().deleteAllCookies();
        HeadlessChromium.login(driver, base, OPERATOR, OPERATOR_PASSWORD);
        List<String> operatorPages = crawl(base, List.of("/", "/requests", "/tokens", "/measurements/" + code));
        assertThat(operatorPages).as("pages the operator reached")
                .contains("/dashboard/agencies/" + code, "/agencies", "/agencies/" + code, "/requests", "/requests/1",
                        "/tokens", "/measurements/" + code);
    }

    /**
     * Opens the start pages and every Padu page linked from them, Swagger UI included (downloads, the
     * language switch and logging out left out), and checks each; answers the paths visited.
     */
    private List<String> crawl(String base, List<String> start) throws InterruptedException {
        Deque<String> queue = new ArrayDeque<>(start);
        Set<String> seen = new LinkedHashSet<>(start);
        List<String> visited = new ArrayList<>();
        while (!queue.isEmpty() && visited.size() < 80) {
            String path = queue.poll();
            driver.get(base + path);
            visited.add(driver.getCurrentUrl().substring(base.length()));
            check(path);
            @SuppressWarnings("unchecked")
            List<String> links = (List<String>) js("return Array.from(document.querySelectorAll('a[href]'))"
                    + ".map(function (a) { return a.href.split('#')[0]; });");
            for (String link : links) {
                if (!link.startsWith(base + "/")) {
                    continue;
                }
                String p = link.substring(base.length());
                if (p.contains("lang=") || p.startsWith("/logout") || p.startsWith("/api") || p.startsWith("/v3")
                        || p.contains("/download/") || p.matches(".*\\.(pdf|xlsx|ics|json|csv|zip|txt|rsc)(\\?.*)?")) {
                    continue;
                }
                if (seen.add(p)) {
                    queue.add(p);
                }
            }
        }
        return visited;
    }

    /** One page: its charts drew, their tooltips were shown, no payload ran, the policy blocked nothing. */
    private void check(String path) throws InterruptedException {
        waitForCharts();
        Number tips = (Number) ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1], jobs = [];"
                        + "document.querySelectorAll('[_echarts_instance_]').forEach(function (el) {"
                        + "  var c = echarts.getInstanceByDom(el); if (!c) { return; }"
                        + "  (c.getOption().series || []).forEach(function (s, si) {"
                        + "    var n = (s.data || []).length, ix = [0, Math.floor(n / 2), n - 1];"
                        + "    if (n <= 30) { ix = []; for (var i = 0; i < n; i++) { ix.push(i); } }"
                        + "    ix.filter(function (i, k) { return i >= 0 && ix.indexOf(i) === k; })"
                        + "      .forEach(function (i) { jobs.push([c, si, i]); });"
                        + "  });"
                        + "});"
                        + "var k = 0; (function next() {"
                        + "  if (k >= jobs.length) { setTimeout(function () { done(jobs.length); }, 300); return; }"
                        + "  var j = jobs[k++]; j[0].dispatchAction({ type: 'showTip', seriesIndex: j[1], dataIndex: j[2] });"
                        + "  setTimeout(next, 20);"
                        + "})();");
        // An image that failed to load fires its onerror a little later: give it the time.
        Thread.sleep(200);
        assertThat(js("return window.__xss;")).as(path + ": a payload ran (" + tips + " tooltips shown)").isNull();
        assertThat((List<?>) js("return window.__csp;")).as(path + ": blocked by the Content-Security-Policy").isEmpty();
        assertThat(((Number) js("return document.querySelectorAll('a[href^=\"javascript:\" i], [src^=\"javascript:\" i],"
                + " form[action^=\"javascript:\" i]').length;")).intValue()).as(path + ": javascript: URLs").isZero();
        assertThat(driver.findElements(By.cssSelector("main, form")).size()).as(path + ": a page").isPositive();
    }

    /** Every chart on the page has drawn (a canvas or svg inside), or its data failed to load (which fails). */
    private void waitForCharts() {
        waitFor(d -> (Boolean) js("return Array.from(document.querySelectorAll('.chart')).every(function (el) {"
                + " return el.getAttribute('data-rendered') === 'error' || el.querySelector('canvas, svg') !== null; });"));
        @SuppressWarnings("unchecked")
        List<String> failed = (List<String>) js("return Array.from(document.querySelectorAll('.chart'))"
                + ".filter(function (el) { return el.getAttribute('data-rendered') === 'error'; })"
                + ".map(function (el) { return el.id + ': ' + el.textContent; });");
        assertThat(failed).as(driver.getCurrentUrl() + ": charts whose data failed").isEmpty();
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(condition::apply);
    }

    /** The migration test's small dataset (every agency linked, cutovers from 2027) with hostile texts. */
    static Dataset dataset() {
        Dataset small = Fixtures.small();
        Settings s = small.settings();
        Settings settings = new Settings(s.quantile(), s.growth(), s.targetUtilization(), s.redundancy(),
                s.survivableFraction(), s.horizonYears(), s.reserve(), s.scope(), LocalDate.of(2027, 1, 4), null, null, 2,
                "SAT 07:00-13:00;SUN 07:00-13:00", List.of(), s.raw());
        List<Link> links = new ArrayList<>(small.links());
        links.add(new Link("KEC-BAAMANG", LinkType.FIBER, Rupiah.of(500_000), Rupiah.of(10_000_000), BitRate.ofMbps(100)));
        return new Dataset(small.agencies(), small.subscriptions(), small.offers(), links, small.services(),
                small.usage(), settings);
    }

    /** Every name in the dataset followed by a payload (one text, one payload, so equal names stay equal). */
    static Dataset hostile(Dataset d) {
        Map<String, String> names = new LinkedHashMap<>();
        UnaryOperator<String> h = s -> s == null ? null
                : names.computeIfAbsent(s, k -> k + " " + PAYLOADS.get(names.size() % PAYLOADS.size()));
        List<Agency> agencies = d.agencies().stream()
                .map(a -> new Agency(a.code(), h.apply(a.name()), a.kind(), a.priority(), a.prefixes())).toList();
        List<Subscription> subs = d.subscriptions().stream()
                .map(s -> new Subscription(s.agency(), h.apply(s.provider()), h.apply(s.product()), s.kind(), s.down(),
                        s.up(), s.monthlyCost(), s.installCost(), s.startDate(), s.endDate(), s.exitPenalty())).toList();
        List<Offer> offers = d.offers().stream()
                .map(o -> new Offer(h.apply(o.provider()), h.apply(o.product()), o.kind(), o.down(), o.up(), o.monthlyCost(),
                        o.installCost(), o.minTermMonths(), o.slaPct())).toList();
        List<OnlineService> services = d.services().stream()
                .map(s -> new OnlineService(s.agency(), h.apply(s.name()), s.criticality(), s.hostname(), s.publicIp())).toList();
        return new Dataset(agencies, subs, offers, d.links(), services, d.usage(), d.settings());
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Padu's HTTP API with Basic credentials (such calls need no CSRF token), checking each status. */
    record Api(String base, String user, String password) {

        static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        void json(String method, String path, String body, int expected) throws Exception {
            send(request(path).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), expected);
        }

        void form(String path, Map<String, String> fields, int expected) throws Exception {
            StringBuilder body = new StringBuilder();
            fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), expected);
        }

        void upload(String path, String fileName, byte[] content, int expected) throws Exception {
            String boundary = "padu-xss-boundary";
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"plan\"; filename=\""
                    + fileName.replace("\"", "%22") + "\"\r\nContent-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), expected);
        }

        private void send(HttpRequest r, int expected) throws Exception {
            HttpResponse<String> response = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(r.method() + " " + r.uri() + ": " + response.body()).isEqualTo(expected);
        }
    }
}
