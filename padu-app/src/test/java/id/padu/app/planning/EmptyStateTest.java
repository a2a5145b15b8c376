package id.padu.app.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A fresh installation with nothing imported (issue 20): the dashboard and the planning page say
 * what to import, and the planner refuses to run instead of storing an all-zero "proven optimum".
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "padu.data-dir=target/test-data/empty",
        "spring.datasource.url=jdbc:h2:file:./target/test-data/empty/padu-${random.uuid}",
        "padu.admin-password=" + EmptyStateTest.PW,
        "logging.level.org.flywaydb=warn"
})
class EmptyStateTest {

    static final String PW = "kosong-sandi-1";

    @Autowired
    MockMvc mvc;

    Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(httpBasic("admin", PW))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void nothingImportedSaysWhatToImportAndPlansNothing() throws Exception {
        Document dashboard = page("/dashboard");
        assertThat(dashboard.select("#empty-state").text()).startsWith("Belum ada data. Impor dataset");
        assertThat(dashboard.select("#empty-state a[href=/import]")).hasSize(1);
        assertThat(dashboard.select("#total-spend")).isEmpty();

        Document planning = page("/planning");
        assertThat(planning.select("#empty-state").text()).startsWith("Belum ada perangkat daerah yang tersimpan");
        assertThat(planning.select("#run-form")).isEmpty();

        String refused = mvc.perform(post("/planning/run").param("name", "kosong").with(csrf()).with(httpBasic("admin", PW)))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(refused).select("#settings-error").text()).startsWith("Belum ada perangkat daerah");
        mvc.perform(post("/api/plans").contentType(MediaType.APPLICATION_JSON).content("{}").with(httpBasic("admin", PW)))
                .andExpect(status().isConflict());
        assertThat(mvc.perform(get("/api/plans").with(httpBasic("admin", PW))).andReturn().getResponse().getContentAsString())
                .isEqualTo("[]");
    }
}
