package id.padu.app.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.H2AppTest;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dataset import that brings new agencies with prefixes is seen by the running flow listeners
 * as soon as it is committed, through the inventory's {@code InventoryChanged} event. The periodic
 * reconcile is pushed out to an hour here, so nothing else could have told them.
 */
@TestPropertySource(properties = "padu.collection.reconcile-interval=1h")
class DatasetImportReachesListenersTest extends H2AppTest {

    static final RequestPostProcessor ADMIN = httpBasic("admin", ADMIN_PASSWORD);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    JsonNode listener(String name) throws Exception {
        JsonNode status = JSON.readTree(mvc.perform(get("/api/collection/status").with(ADMIN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        for (JsonNode n : status.get("flowListeners")) {
            if (n.get("name").asString().equals(name)) {
                return n;
            }
        }
        return null;
    }

    /** Polls the status until the listener attributes to {@code agencies} agencies (or 60 s passed). */
    int awaitAgencies(String name, int agencies) throws Exception {
        for (int i = 0; i < 300; i++) {
            JsonNode n = listener(name);
            if (n != null && n.get("running").asBoolean() && n.get("agencies").asInt() == agencies) {
                return agencies;
            }
            Thread.sleep(200);
        }
        JsonNode n = listener(name);
        return n == null ? -2 : n.get("agencies").asInt();
    }

    @Test
    void mergedAgenciesArePartOfTheListenersPrefixesOnceTheImportIsCommitted() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        mvc.perform(post("/api/collection/flow-listeners").contentType(MediaType.APPLICATION_JSON).with(ADMIN)
                        .content("""
                                {"name":"import-test","bindAddress":"127.0.0.1","port":%d,"receiveThreads":1,"receiveBuffer":262144}"""
                                .formatted(port)))
                .andExpect(status().isCreated());
        int before = awaitAnyRunning();
        mvc.perform(multipart("/api/datasets")
                        .file(new MockMultipartFile("files", "agencies.csv", "text/csv", """
                                code,name,kind,priority,prefixes
                                IMPA,Dinas Impor A,dinas,normal,10.71.0.0/16
                                IMPB,Dinas Impor B,dinas,normal,10.72.0.0/16 2001:db8:72::/48
                                """.getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("files", "subscriptions.csv", "text/csv", """
                                agency,provider,product,kind,down_mbps,up_mbps,monthly_cost_idr
                                IMPA,Telkom,Astinet 10,dedicated,10,10,3500000
                                """.getBytes(StandardCharsets.UTF_8)))
                        .param("mode", "merge").with(ADMIN))
                .andExpect(status().isOk());
        assertThat(awaitAgencies("import-test", before + 2)).isEqualTo(before + 2);
    }

    /** The agencies count of the listener once it runs. */
    private int awaitAnyRunning() throws Exception {
        for (int i = 0; i < 300; i++) {
            JsonNode n = listener("import-test");
            if (n != null && n.get("running").asBoolean()) {
                return n.get("agencies").asInt();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("listener import-test did not start: " + listener("import-test"));
    }
}
