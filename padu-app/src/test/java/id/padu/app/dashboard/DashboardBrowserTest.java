package id.padu.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.analysis.AgencyAnalysis;
import id.padu.analysis.SpendAnalysis;
import id.padu.analysis.SpendReport;
import id.padu.app.inventory.InventoryService;
import id.padu.app.measurement.MeasurementSink;
import id.padu.app.measurement.MeasurementSource;
import id.padu.app.measurement.MinuteUsage;
import id.padu.app.shared.Formats;
import id.padu.demo.KotimDemo;
import id.padu.domain.Rupiah;
import id.padu.domain.Wib;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import id.padu.app.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real browser (Debian's chromium, headless, driven by Selenium through Debian's chromedriver)
 * logs in to the demo, reads the dashboard and an agency page, and saves the screenshots the
 * README shows ({@code docs/screenshots/}). Without chromium or chromedriver this test fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserTest {

    static final String PASSWORD = "browser-test-secret";
    static Path dataDir;
    static WebDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    InventoryService inventory;

    @Autowired
    MeasurementSink measurements;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("padu-browser-");
        registry.add("padu.demo", () -> "true");
        registry.add("padu.data-dir", dataDir::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("padu"));
        registry.add("padu.admin-password", () -> PASSWORD);
        registry.add("logging.level.org.flywaydb", () -> "warn");
    }

    @BeforeAll
    static void browser() {
        driver = HeadlessChromium.start();
    }

    @AfterAll
    static void close() throws IOException {
        HeadlessChromium.close(driver, dataDir);
    }

    @Test
    void plannerSeesTheDemoDashboardAndAnAgencyPage() throws IOException {
        String base = "http://127.0.0.1:" + port;
        HeadlessChromium.login(driver, base, "admin", PASSWORD);

        SpendReport expected = SpendAnalysis.analyze(inventory.current(), LocalDate.now(Wib.ZONE));
        driver.get(base + "/dashboard");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("id");
        assertThat(driver.findElement(By.id("total-spend")).getText())
                .isEqualTo(Rupiah.format(expected.aggregate().totalAnnualSpendIdr()));
        assertThat(driver.findElement(By.id("idle-cost")).getText())
                .isEqualTo(Rupiah.format(expected.aggregate().totalIdleAnnualIdr()));
        assertThat(driver.findElement(By.cssSelector(".demo-banner")).getText()).contains(KotimDemo.TITLE);
        assertThat(driver.findElements(By.cssSelector("#agencies tbody tr"))).hasSize(expected.agencies().size());
        assertChartRendered("aggregate-chart");
        assertChartRendered("story-chart");
        screenshot("dashboard.png", 1500);
        // the capacity forecast: no plan of record in the demo, so every agency against the packages bought
        assertChartRendered("forecast-chart");
        assertThat(driver.findElements(By.cssSelector("#forecast-summary li"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(driver.findElement(By.id("forecast-summary")).getText()).contains("Tren log-linear atas 12 bulan terukur");
        elementScreenshot("forecast", "forecast.png");

        // The table is sorted by spend, largest first (ties by code).
        AgencyAnalysis top = expected.agencies().stream()
                .min(Comparator.comparingLong(AgencyAnalysis::annualSpendIdr).reversed().thenComparing(AgencyAnalysis::code))
                .orElseThrow();
        WebElement firstRow = driver.findElement(By.cssSelector("#agencies tbody tr"));
        assertThat(firstRow.getAttribute("data-code")).isEqualTo(top.code());
        firstRow.findElement(By.tagName("a")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/dashboard/agencies/" + top.code()));
        assertThat(driver.findElement(By.id("agency-spend")).getText()).isEqualTo(Rupiah.format(top.annualSpendIdr()));
        for (String range : List.of("day", "week", "month", "year")) {
            assertChartRendered("usage-" + range);
        }
        assertChartRendered("hourly-chart");
        screenshot("agency.png", 2200);

        // What the server's collectors measured for that agency: two hours of minutes, one missed.
        long first = (java.time.Instant.now().getEpochSecond() / 60 - 150) * 60;
        List<MinuteUsage> minutes = new java.util.ArrayList<>();
        for (int k = 0; k < 120; k++) {
            if (k != 60) {
                long mbps = 20 + (k % 30);
                minutes.add(new MinuteUsage(top.code(), MeasurementSource.SNMP, first + k * 60L, mbps * 7_500_000L,
                        mbps * 1_500_000L, 60));
            }
        }
        measurements.record(minutes);
        driver.findElement(By.id("measured-link")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/measurements/" + top.code()));
        assertThat(driver.findElement(By.id("coverage")).getText()).startsWith("119 dari 1.440 interval 1m");
        assertChartRendered("measured-chart");
        Object measured = ((JavascriptExecutor) driver).executeScript(
                "return echarts.getInstanceByDom(document.getElementById('measured-chart')).getOption().series[0].data"
                        + ".filter(function (p) { return p[1] !== null; }).length;");
        assertThat(((Number) measured).intValue()).as("points drawn: the measured minutes, the gap left out").isEqualTo(119);
        screenshot("measured.png", 1200);
    }

    /** The chart's data arrived and ECharts drew it: a canvas of non-zero size, series with points. */
    private void assertChartRendered(String id) {
        waitFor(d -> d.findElement(By.id(id)).getAttribute("data-rendered") != null);
        WebElement el = driver.findElement(By.id(id));
        assertThat(el.getAttribute("data-rendered")).as(id + ": chart data loaded").isEqualTo("true");
        WebElement canvas = el.findElement(By.tagName("canvas"));
        assertThat(canvas.getSize().getWidth()).as(id + " width").isGreaterThan(100);
        assertThat(canvas.getSize().getHeight()).as(id + " height").isGreaterThan(100);
        Object points = ((JavascriptExecutor) driver).executeScript(
                "var c = echarts.getInstanceByDom(document.getElementById(arguments[0]));"
                        + "return c.getOption().series.map(function (s) { return s.data.filter(function (p) {"
                        + "  var v = Array.isArray(p) ? p[1] : (p && typeof p === 'object' ? p.value : p);"
                        + "  return v !== null && v !== undefined; }).length; });", id);
        assertThat((List<?>) points).as(id + " points per series").isNotEmpty()
                .anySatisfy(n -> assertThat(((Number) n).longValue()).isGreaterThan(0));
    }

    private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(condition::apply);
    }

    /** The page at 1400 px wide, as tall as the page up to {@code maxHeight} (the top is what a README shows). */
    private static void screenshot(String name, int maxHeight) throws IOException {
        Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(1400, Math.min(maxHeight, height.intValue() + 150)));
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelectorAll('.chart').forEach(function (el) { var c = echarts.getInstanceByDom(el); if (c) c.resize(); });");
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path dir = repositoryRoot().resolve("docs/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), png);
        driver.manage().window().setSize(before);
    }

    /** One section of the page, as docs/forecast-budget.md shows it. */
    private static void elementScreenshot(String id, String name) throws IOException {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(1400, 2400));
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelectorAll('.chart').forEach(function (el) { var c = echarts.getInstanceByDom(el); if (c) c.resize(); });"
                        + "document.getElementById(arguments[0]).scrollIntoView();", id);
        byte[] png = driver.findElement(By.id(id)).getScreenshotAs(OutputType.BYTES);
        Path dir = repositoryRoot().resolve("docs/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), png);
        driver.manage().window().setSize(before);
    }

    static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("padu-core"))) {
            p = p.getParent();
        }
        assertThat(p).as("repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        return p;
    }

}
