package id.padu.app.planning;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.inventory.InventoryService;
import id.padu.domain.Dataset;
import id.padu.domain.Rupiah;
import id.padu.plan.Plan;
import id.padu.plan.Planner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real browser (Debian's chromium through chromedriver; the test fails without them) fills in
 * the planning form on a small dataset, lands on the scenario, and sees the figures and the
 * charts drawn. Saves {@code docs/screenshots/planning.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanningBrowserTest {

    static final String PASSWORD = "planning-browser-secret";
    static Path dataDir;
    static WebDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    InventoryService inventory;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("padu-planning-browser-");
        registry.add("padu.data-dir", dataDir::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("padu"));
        registry.add("padu.admin-password", () -> PASSWORD);
        registry.add("padu.region-name", () -> "Kabupaten Uji Coba");
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
    void plannerRunsAScenarioAndSeesFiguresAndCharts() throws Exception {
        inventory.replace(PlanningTest.data());
        String base = "http://127.0.0.1:" + port;
        HeadlessChromium.login(driver, base, "admin", PASSWORD);

        driver.get(base + "/planning");
        driver.findElement(By.id("name")).sendKeys("Dari peramban");
        new Select(driver.findElement(By.id("plan.scope"))).selectByValue("optimize");
        driver.findElement(By.id("run")).click();
        waitFor(d -> d.getCurrentUrl().contains("/planning/scenarios/"));

        Dataset d = inventory.current();
        Plan p = Planner.plan(d.withSettings(PlanSettings.apply(d.settings(), Map.of("plan.scope", "optimize"))),
                LocalDate.of(2025, 7, 1), PlanRuns.ID).plan();
        assertThat(driver.findElement(By.id("savings")).getText()).isEqualTo(Rupiah.format(p.savingsAnnualIdr()));
        assertThat(driver.findElements(By.cssSelector("#decisions tbody tr"))).hasSize(p.agencies().size());
        for (String chart : List.of("chart-years", "chart-served", "chart-congested")) {
            assertChartRendered(chart);
        }
        screenshot();
    }

    private void assertChartRendered(String id) {
        waitFor(d -> d.findElement(By.id(id)).getAttribute("data-rendered") != null);
        WebElement el = driver.findElement(By.id(id));
        assertThat(el.getAttribute("data-rendered")).as(id + ": chart data loaded").isEqualTo("true");
        WebElement canvas = el.findElement(By.tagName("canvas"));
        assertThat(canvas.getSize().getWidth()).as(id + " width").isGreaterThan(100);
        Object points = ((JavascriptExecutor) driver).executeScript(
                "var c = echarts.getInstanceByDom(document.getElementById(arguments[0]));"
                        + "return c.getOption().series.map(function (s) { return s.data.filter(function (v) {"
                        + "  return v !== null && v !== undefined; }).length; });", id);
        assertThat((List<?>) points).as(id + " points per series").isNotEmpty()
                .allSatisfy(n -> assertThat(((Number) n).longValue()).isGreaterThan(0));
    }

    private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(condition::apply);
    }

    private static void screenshot() throws IOException {
        Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new Dimension(1400, Math.min(3000, height.intValue() + 150)));
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelectorAll('.chart').forEach(function (el) { var c = echarts.getInstanceByDom(el); if (c) c.resize(); });");
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("padu-core"))) {
            root = root.getParent();
        }
        assertThat(root).isNotNull();
        Path dir = root.resolve("docs/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("planning.png"), png);
    }
}
