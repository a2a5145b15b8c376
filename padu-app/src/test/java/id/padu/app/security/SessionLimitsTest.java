package id.padu.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.H2AppTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import id.padu.app.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 19, High 2: sessions are memory, so only a form login may make one. The embedded Tomcat
 * runs for real; requests go over loopback with {@link HttpClient} (no cookie store unless a test
 * plays a browser) and the sessions are counted in Tomcat's own {@link Manager}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "padu.data-dir=target/test-data/sessions",
        "spring.datasource.url=jdbc:h2:file:./target/test-data/sessions/padu-${random.uuid}",
        "padu.admin-password=" + H2AppTest.ADMIN_PASSWORD,
        "padu.session.max-per-user=3",
        "logging.level.org.flywaydb=warn"
})
class SessionLimitsTest {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    /** The time the session guard sees: the test moves it instead of waiting 12 hours. */
    static final MovableClock CLOCK = new MovableClock(Instant.now());

    @TestConfiguration
    static class Time {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    @Autowired
    ApiTokens tokens;

    final HttpClient anonymous = HttpClient.newHttpClient();

    Manager sessions() {
        var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
        return ((Context) tomcat.getHost().findChildren()[0]).getManager();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    int send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void tenThousandAnonymousAndApiRequestsMakeNoSession() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + H2AppTest.ADMIN_PASSWORD).getBytes());
        String bearer = "Bearer " + tokens.create("admin", "session-count").token();
        int before = sessions().getActiveSessions();
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, Integer> madeSessions = new TreeMap<>();
        for (int i = 0; i < 10_000; i++) {
            // Mostly cheap requests; Basic costs a bcrypt each, so one in fifty (200 in all).
            HttpRequest.Builder r = switch (i % 10) {
                case 0 -> HttpRequest.newBuilder(uri("/agencies"));              // page: redirect to login
                case 1 -> HttpRequest.newBuilder(uri("/"));
                case 2 -> HttpRequest.newBuilder(uri("/login"));                 // the form and its CSRF token
                case 3 -> HttpRequest.newBuilder(uri("/api/agencies"));          // API: 401
                case 4 -> HttpRequest.newBuilder(uri("/api/users")).POST(HttpRequest.BodyPublishers.ofString("{}"));
                case 5 -> HttpRequest.newBuilder(uri("/actuator/health"));
                case 6 -> HttpRequest.newBuilder(uri("/api/agencies")).header("Authorization", bearer);
                case 7 -> HttpRequest.newBuilder(uri("/agencies")).header("Authorization", bearer);
                case 8 -> HttpRequest.newBuilder(uri("/api/agencies")).header("Authorization", "Bearer padu_not-a-token");
                default -> i % 50 == 9
                        ? HttpRequest.newBuilder(uri("/api/agencies")).header("Authorization", basic)
                        : HttpRequest.newBuilder(uri("/api/users")).header("Authorization", bearer);
            };
            int sessionsBefore = sessions().getActiveSessions();
            HttpRequest request = r.build();
            int status = send(anonymous, r);
            String kind = request.method() + " " + request.uri().getPath() + " " + request.headers().firstValue("Authorization")
                    .map(a -> a.substring(0, Math.min(a.length(), 12))).orElse("anonymous") + " -> " + status;
            statuses.merge(request.uri().getPath() + " " + status, 1, Integer::sum);
            madeSessions.merge(kind, sessions().getActiveSessions() - sessionsBefore, Integer::sum);
        }
        // The mix did what it says: logins asked for, 401s, and authenticated answers.
        assertThat(statuses).containsKeys("/agencies 302", "/login 200", "/api/agencies 401", "/api/agencies 200",
                "/agencies 200", "/api/users 200");
        // Sessions made by each kind of request: all zero.
        assertThat(madeSessions).as("sessions made").allSatisfy((kind, made) -> assertThat(made).as(kind).isZero());
        assertThat(sessions().getActiveSessions()).isEqualTo(before);
    }

    /** A browser: its own cookie store, logged in through the form. */
    HttpClient browserLoggedIn(String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(form);
        assertThat(m.find()).as("CSRF token on the login form").isTrue();
        String token = m.group(1) != null ? m.group(1) : m.group(2);
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<Void> login = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    int dashboard(HttpClient browser) throws Exception {
        return send(browser, HttpRequest.newBuilder(uri("/agencies")));
    }

    @Test
    void aSessionEndsTwelveHoursAfterItsLoginHoweverBusy() throws Exception {
        HttpClient browser = browserLoggedIn("admin", H2AppTest.ADMIN_PASSWORD);
        // Used every few hours, so the 8 h idle timeout alone would never end it.
        for (int hours = 0; hours < 12; hours += 3) {
            assertThat(dashboard(browser)).as("after %d h", hours).isEqualTo(200);
            CLOCK.now = CLOCK.now.plus(Duration.ofHours(3));
        }
        assertThat(dashboard(browser)).as("after 12 h").isEqualTo(302);
        // A new login is a new session with 12 hours of its own.
        assertThat(dashboard(browserLoggedIn("admin", H2AppTest.ADMIN_PASSWORD))).isEqualTo(200);
    }

    @Test
    void thePageAskedForBeforeLoginIsShownAfterItAndTheLoginFormNeedsItsToken() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        int before = sessions().getActiveSessions();
        assertThat(send(browser, HttpRequest.newBuilder(uri("/agencies?sort=name")))).isEqualTo(302);
        String form = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(sessions().getActiveSessions()).as("no session before the login").isEqualTo(before);
        Matcher m = CSRF.matcher(form);
        assertThat(m.find()).isTrue();
        String token = m.group(1) != null ? m.group(1) : m.group(2);
        String credentials = "username=admin&password=" + URLEncoder.encode(H2AppTest.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        // Without the form's token, or from another browser, the login is refused.
        assertThat(send(browser, HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(credentials)))).isEqualTo(403);
        assertThat(send(anonymous, HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(credentials + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))))
                .isEqualTo(403);
        HttpResponse<Void> login = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(credentials + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/agencies?sort=name");
        assertThat(dashboard(browser)).isEqualTo(200);
    }

    @Test
    void formLoginStillWorksAndEachUserHasAtMostTheSetNumberOfSessions() throws Exception {
        List<HttpClient> browsers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            browsers.add(browserLoggedIn("admin", H2AppTest.ADMIN_PASSWORD));
        }
        // padu.session.max-per-user=3: the two oldest logins were ended, the three newest work.
        assertThat(dashboard(browsers.get(0))).isEqualTo(302);
        assertThat(dashboard(browsers.get(1))).isEqualTo(302);
        for (int i = 2; i < 5; i++) {
            assertThat(dashboard(browsers.get(i))).as("browser %d", i).isEqualTo(200);
        }
    }
}
