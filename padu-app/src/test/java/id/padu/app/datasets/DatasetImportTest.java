package id.padu.app.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.Fixtures;
import id.padu.app.H2AppTest;
import id.padu.app.inventory.InventoryService;
import id.padu.dataset.RepeatedZips;
import id.padu.domain.Agency;
import id.padu.domain.Dataset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Import and export through the API and the page: all or nothing, every error shown, round trips. */
class DatasetImportTest extends H2AppTest {

    static final RequestPostProcessor ADMIN = httpBasic("admin", ADMIN_PASSWORD);

    @Autowired
    MockMvc mvc;

    @Autowired
    InventoryService inventory;

    @BeforeEach
    void load() {
        inventory.replace(Fixtures.small());
    }

    static MockMultipartFile csv(String name, String text) {
        return new MockMultipartFile("files", name, "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    static Dataset other() {
        return new Dataset(List.of(new Agency("OTHER", "Other", null, null, null)), List.of(), null, null, null, null, null);
    }

    @Test
    void zipExportImportsBackToTheSameData() throws Exception {
        byte[] zip = mvc.perform(get("/api/datasets/export").param("format", "zip").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".zip")))
                .andReturn().getResponse().getContentAsByteArray();
        inventory.replace(other());
        mvc.perform(multipart("/api/datasets").file(new MockMultipartFile("files", "export.zip", "application/zip", zip))
                        .param("mode", "replace").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agencies").value(3))
                .andExpect(jsonPath("$.mode").value("REPLACE"));
        Fixtures.assertSameDataset(inventory.current(), Fixtures.small());
    }

    @Test
    void xlsxExportImportsBackToTheSameData() throws Exception {
        byte[] xlsx = mvc.perform(get("/export/dataset.xlsx").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("spreadsheetml")))
                .andReturn().getResponse().getContentAsByteArray();
        inventory.replace(other());
        mvc.perform(multipart("/api/datasets").file(new MockMultipartFile("files", "padu.xlsx", "application/octet-stream", xlsx))
                        .with(ADMIN))
                .andExpect(status().isOk());
        Fixtures.assertSameDataset(inventory.current(), Fixtures.small());
    }

    @Test
    void aBadFileRejectsTheWholeImportWithEveryError() throws Exception {
        Dataset before = inventory.current();
        mvc.perform(multipart("/api/datasets")
                        .file(csv("agencies.csv", "code,name\nDINKES,Dinas Kesehatan\n"))
                        .file(csv("subscriptions.csv", """
                                agency,provider,product,kind,down_mbps,up_mbps,monthly_cost_idr
                                DINKES,Telkom,Astinet,dedicated,10,10,-5
                                NOPE,Telkom,IndiHome,broadband,10,10,100
                                """))
                        .param("mode", "replace").param("lang", "en").with(ADMIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[?(@.file == 'subscriptions.csv')].line").value(hasItem(2)))
                .andExpect(jsonPath("$.errors[?(@.file == 'subscriptions.csv')].line").value(hasItem(3)))
                .andExpect(jsonPath("$.errors[?(@.line == 2)].value").value(hasItem("-5")))
                .andExpect(jsonPath("$.errors[?(@.line == 3)].value").value(hasItem("NOPE")));
        Fixtures.assertSameDataset(inventory.current(), before);
    }

    @Test
    void aZipBombIsRefusedNamingTheFileAndLine() throws Exception {
        // Issue #19: 3.1 MB of zip, a 3 GiB line in agencies.csv; the server ran out of memory (500).
        byte[] zip = RepeatedZips.zip("agencies.csv", "code,name\nDINKES,", 'A', 3L << 30);
        Dataset before = inventory.current();
        mvc.perform(multipart("/api/datasets").file(new MockMultipartFile("files", "bomb.zip", "application/zip", zip))
                        .param("lang", "en").with(ADMIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].file").value("agencies.csv"))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("longer than 100,000 characters")));
        Fixtures.assertSameDataset(inventory.current(), before);
    }

    @Test
    void twoPartsOfOneFileNameAreRefusedNamingIt() throws Exception {
        // Issue #19: 500 (FileAlreadyExistsException) before.
        Dataset before = inventory.current();
        mvc.perform(multipart("/api/datasets")
                        .file(csv("agencies.csv", "code,name\nDINKES,Dinas Kesehatan\n"))
                        .file(csv("Agencies.csv", "code,name\nRSUD,RSUD\n"))
                        .param("lang", "en").with(ADMIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].file").value("Agencies.csv"))
                .andExpect(jsonPath("$.errors[0].message").value("Agencies.csv: a file of this name was uploaded twice; upload each file once."));
        Fixtures.assertSameDataset(inventory.current(), before);
    }

    @Test
    void aRejectedCellIsShownCut() throws Exception {
        String code = "X".repeat(50_000);
        String body = mvc.perform(multipart("/api/datasets").file(csv("agencies.csv", "code,name\n" + code + ",Dinas\n"))
                        .param("lang", "en").with(ADMIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].value").value("X".repeat(80) + "…"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("agencies.csv:2 [code] \"" + "X".repeat(80) + "…\": ")))
                .andReturn().getResponse().getContentAsString();
        assertThat(body.length()).isLessThan(1_000);
    }

    @Test
    void individualCsvFilesCanBeMerged() throws Exception {
        mvc.perform(multipart("/api/datasets")
                        .file(csv("agencies.csv", "code,name,kind\nDINKES,Dinas Kesehatan,dinas\n"))
                        .file(csv("subscriptions.csv", """
                                agency,provider,product,kind,down_mbps,up_mbps,monthly_cost_idr
                                DINKES,Telkom,Astinet 20,dedicated,20,20,6000000
                                """))
                        .param("mode", "merge").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mode").value("MERGE"));
        Dataset now = inventory.current();
        assertThat(now.agencies()).extracting(Agency::code).contains("DINKES", "DISKOMINFO", "RSUD");
        assertThat(now.subscriptionsOf("DINKES")).singleElement()
                .satisfies(s -> assertThat(s.monthlyCost().value()).isEqualTo(6_000_000L));
        assertThat(now.usageOf("RSUD")).isPresent();
    }

    @Test
    void theImportPageListsErrorsPerFileAndLine() throws Exception {
        mvc.perform(multipart("/import")
                        .file(csv("agencies.csv", "code,name\nDINKES,Dinas Kesehatan\nDINKES,Again\n"))
                        .file(csv("subscriptions.csv", "agency,provider,product,kind,down_mbps,up_mbps,monthly_cost_idr\n"))
                        .param("mode", "merge").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("agencies.csv:3"), containsString("Tidak ada data yang diubah"),
                        containsString("value=\"merge\" checked"))));
        assertThat(inventory.agency("DINKES")).isEmpty();
    }

    @Test
    void theImportPageReplacesWithAZip() throws Exception {
        byte[] zip = mvc.perform(get("/export/dataset.zip").with(user("admin").roles("ADMIN")))
                .andReturn().getResponse().getContentAsByteArray();
        inventory.replace(other());
        mvc.perform(multipart("/import").file(new MockMultipartFile("files", "d.zip", "application/zip", zip))
                        .param("mode", "replace").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Data telah diganti")));
        assertThat(inventory.agency("OTHER")).isEmpty();
        assertThat(inventory.agencies()).hasSize(3);
    }
}
