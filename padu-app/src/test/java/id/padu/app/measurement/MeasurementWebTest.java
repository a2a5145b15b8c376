package id.padu.app.measurement;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import id.padu.app.H2AppTest;
import id.padu.app.security.Role;
import id.padu.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** What the measurement API and page tests share: the server, its sink, agencies and an operator. */
abstract class MeasurementWebTest extends H2AppTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MeasurementSink sink;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    RequestPostProcessor admin() {
        return httpBasic("admin", ADMIN_PASSWORD);
    }

    /** The agencies (once per shared database) and an operator of the first one. */
    void agenciesWithOperator(String operator, String password, String... codes) {
        for (String code : codes) {
            if (jdbc.sql("SELECT COUNT(*) FROM agency WHERE code = ?").param(code).query(Long.class).single() == 0) {
                jdbc.sql("INSERT INTO agency (code, name, kind, priority) VALUES (?, ?, 'dinas', 'normal')")
                        .param(code).param("Dinas " + code).update();
            }
        }
        if (accounts.find(operator).isEmpty()) {
            accounts.create(operator, password, Role.AGENCY_OPERATOR, codes[0]);
        }
    }
}
