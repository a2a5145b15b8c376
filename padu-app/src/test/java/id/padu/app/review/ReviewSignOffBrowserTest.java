package id.padu.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.Fixtures;
import id.padu.app.browser.HeadlessChromium;
import id.padu.app.inventory.InventoryService;
import id.padu.app.planning.PlanFiles;
import id.padu.app.security.Role;
import id.padu.app.security.UserAccounts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real browser walks an agency's operator through a review round as they would use it: log in,
 * land on the agency's own page, follow the open round to the packet, read what is proposed (the
 * allocation, the cutover date, the services and what the runbook does to them), state the needs
 * and sign off with name, NIP and position. The answer is then the agency's answer in the round,
 * and the operator sees no engineer's form on the way. Without chromium this test fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewSignOffBrowserTest {

    static final String PW = "tanda-tangan-sandi-1";
    static Path dataDir;
    static WebDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    InventoryService inventory;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReviewService reviews;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("padu-review-browser-");
        registry.add("padu.data-dir", dataDir::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("padu"));
        registry.add("padu.admin-password", () -> PW);
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
    void anOperatorReadsThePacketAndSignsOff() throws Exception {
        inventory.replace(Fixtures.small());
        accounts.create("op-rsud", PW, Role.AGENCY_OPERATOR, "RSUD");
        ByteArrayOutputStream plan = new ByteArrayOutputStream();
        PlanFiles.write(Fixtures.smallPlan(), plan);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO planning_scenario (name, settings_text, plan_json, data_version, created_by, created_at) "
                + "VALUES ('Rencana 2027', '', ?, 1, 'admin', ?)").params(plan.toByteArray(), Timestamp.from(Instant.now()))
                .update(keys, "id");
        ReviewStore.Round round = reviews.open(keys.getKey().longValue(), "Pembahasan rencana 2027", "2026-12-30", "admin");

        String base = "http://127.0.0.1:" + port;
        HeadlessChromium.login(driver, base, "op-rsud", PW);
        waitFor(d -> d.getCurrentUrl().endsWith("/dashboard/agencies/RSUD"));
        assertThat(driver.findElement(By.id("open-reviews")).getText()).contains("Pembahasan rencana 2027")
                .contains("belum menjawab");
        driver.findElement(By.cssSelector("#open-reviews a")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/reviews/" + round.id() + "/agencies/RSUD"));

        // What the agency is asked to agree to.
        String packet = driver.findElement(By.id("packet")).getText();
        assertThat(packet).contains("bergabung ke pusat").contains("40 Mbps").contains("2027-02-09");
        assertThat(driver.findElement(By.id("services")).getText()).contains("SIMRS").contains("simrs.example.go.id");
        assertThat(driver.findElements(By.id("reply-form"))).isEmpty();

        driver.findElement(By.cssSelector("input[name=decision][value=agree]")).click();
        driver.findElement(By.id("comment")).sendKeys("Setuju, dengan catatan akreditasi bulan Maret");
        driver.findElement(By.id("needs")).sendKeys("SIMRS dan BPJS daring sepanjang jam praktik");
        driver.findElement(By.id("staffAtPeak")).sendKeys("120");
        driver.findElement(By.id("hostedServices")).sendKeys("SIMRS");
        driver.findElement(By.id("events")).sendKeys("Akreditasi RS bulan Maret");
        driver.findElement(By.id("signerName")).sendKeys("dr. Andi Pratama");
        driver.findElement(By.id("signerNip")).sendKeys("1985 0101 2010 0110 01");
        driver.findElement(By.id("signerTitle")).sendKeys("Direktur RSUD");
        screenshot("review-packet.png");
        driver.findElement(By.id("send-answer")).click();
        waitFor(d -> d.findElement(By.id("answer")).getText().startsWith("setuju (dr. Andi Pratama")
                || !d.findElements(By.cssSelector("p.error")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("p.error")).stream().map(e -> e.getText()).toList()).as("no problem shown").isEmpty();
        assertThat(driver.findElement(By.id("answer-needs")).getText()).contains("120").contains("Akreditasi RS bulan Maret");
        assertThat(driver.findElement(By.id("agency-minutes")).getAttribute("href"))
                .endsWith("/api/reviews/" + round.id() + "/agencies/RSUD/minutes.pdf");

        // The answer is the agency's answer in the round, with the signer as typed (NIP without spaces).
        ReviewStore.Response answer = reviews.answers(reviews.round(round.id())).get("RSUD");
        assertThat(answer.decision()).isEqualTo("agree");
        assertThat(answer.signerNip()).isEqualTo("198501012010011001");
        assertThat(answer.answeredBy()).isEqualTo("op-rsud");
        assertThat(answer.needs().staffAtPeak()).isEqualTo(120);

        // The round's page shows the operator its own agency only, without the engineers' forms.
        driver.get(base + "/reviews/" + round.id());
        List<String> rows = driver.findElements(By.cssSelector("#progress tbody tr")).stream()
                .map(e -> e.getAttribute("data-agency")).toList();
        assertThat(rows).containsExactly("RSUD");
        assertThat(driver.findElements(By.id("adopt"))).isEmpty();
        assertThat(driver.findElements(By.id("revise-form"))).isEmpty();
    }

    private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(condition::apply);
    }

    /** The filled-in packet page for docs/plan-of-record.md. */
    private static void screenshot(String name) throws IOException {
        Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(1400, Math.min(2000, height.intValue() + 150)));
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("padu-core"))) {
            p = p.getParent();
        }
        assertThat(p).as("repository root").isNotNull();
        Files.createDirectories(p.resolve("docs/screenshots"));
        Files.write(p.resolve("docs/screenshots").resolve(name), png);
        driver.manage().window().setSize(before);
    }
}
