package id.padu.app.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.cli.PaduCommand;
import id.padu.dataset.DatasetReader;
import id.padu.domain.UsageSeries;
import id.padu.domain.Wib;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/measurements/{code}} as a user sees it: JSON with absent buckets absent, the CSV in
 * the dataset's usage format read back by the dataset reader and analysed by {@code padu analyze},
 * and an agency operator limited to their own agency.
 */
class MeasurementApiTest extends MeasurementWebTest {

    static final String PW = "operator-ukur-2026";

    /** 09:00 UTC two days ago (16:00 WIB): within every retention, so auto picks one minute. */
    long start;

    @BeforeEach
    void agencies() {
        start = (Math.floorDiv(Instant.now().getEpochSecond(), 86_400L) - 2) * 86_400L + 9 * 3_600L;
        agenciesWithOperator("op-ukura", PW, "UKURA", "UKURB");
    }

    /**
     * Two hours of SNMP minutes for {@code agency}: in five-minute bucket k (1..24) every minute
     * carries k Mbit/s down and k x 100 kbit/s up; bucket 10 was not measured at all. Returns the
     * first minute.
     */
    long twoHoursOfMinutes(String agency, long first) {
        List<MinuteUsage> minutes = new ArrayList<>();
        for (int k = 1; k <= 24; k++) {
            if (k == 10) {
                continue;
            }
            for (int m = 0; m < 5; m++) {
                long minute = first + (k - 1) * 300L + m * 60L;
                minutes.add(new MinuteUsage(agency, MeasurementSource.SNMP, minute, k * 7_500_000L, k * 750_000L, 60));
            }
        }
        sink.record(minutes);
        return first;
    }

    static String iso(long epochSecond) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochSecond(epochSecond).atZone(Wib.ZONE));
    }

    @Test
    void jsonHoldsMeasuredBucketsOnlyAndAutoChoosesOneMinuteForARecentRange() throws Exception {
        long first = twoHoursOfMinutes("UKURB", start + 86_400L - 4 * 3_600L);
        mvc.perform(get("/api/measurements/UKURB").with(admin())
                        .param("from", iso(first)).param("to", iso(first + 7_200)).param("resolution", "5m"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resolution").value("5m"))
                .andExpect(jsonPath("$.resolutionSeconds").value(300))
                .andExpect(jsonPath("$.source").value("any"))
                .andExpect(jsonPath("$.points.length()").value(23))
                .andExpect(jsonPath("$.points[0].downBps").value(1_000_000))
                .andExpect(jsonPath("$.points[0].upBps").value(100_000))
                .andExpect(jsonPath("$.points[0].source").value("snmp"))
                .andExpect(jsonPath("$.points[0].coveredSeconds").value(300))
                // bucket 10 nobody measured: absent, bucket 11 follows bucket 9
                .andExpect(jsonPath("$.points[9].downBps").value(11_000_000));
        mvc.perform(get("/api/measurements/UKURB").with(admin())
                        .param("from", iso(first)).param("to", iso(first + 600)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resolution").value("1m"))
                .andExpect(jsonPath("$.points.length()").value(10));
        mvc.perform(get("/api/measurements/UKURB").with(admin()).param("source", "flow")
                        .param("from", iso(first)).param("to", iso(first + 7_200)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points.length()").value(0));
    }

    @Test
    void csvIsTheDatasetsUsageFormatAndPaduAnalyzeReadsIt(@TempDir Path dir) throws Exception {
        long first = twoHoursOfMinutes("UKURA", start);
        String csv = mvc.perform(get("/api/measurements/UKURA.csv").with(admin())
                        .param("from", iso(first)).param("to", iso(first + 7_200)).param("resolution", "5m"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("agency,time,down_bps,up_bps");
        assertThat(lines.get(1)).isEqualTo("UKURA," + iso(first) + ",1000000,100000");
        assertThat(lines.get(1)).contains("T16:00:00+07:00");
        assertThat(lines).hasSize(24);
        // ?format=csv on the JSON endpoint answers the same
        String same = mvc.perform(get("/api/measurements/UKURA").with(admin()).param("format", "csv")
                        .param("from", iso(first)).param("to", iso(first + 7_200)).param("resolution", "5m"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(same).isEqualTo(csv);

        Files.writeString(dir.resolve("agencies.csv"), "code,name\nUKURA,Dinas Ukur A\n");
        Files.writeString(dir.resolve("subscriptions.csv"),
                "agency,provider,product,kind,down_mbps,up_mbps,monthly_cost_idr\nUKURA,Telkom,Astinet 50,dedicated,50,50,5000000\n");
        Files.createDirectories(dir.resolve("usage"));
        Files.writeString(dir.resolve("usage").resolve("UKURA.csv"), csv);
        UsageSeries s = DatasetReader.readFolder(dir).usageOf("UKURA").orElseThrow();
        assertThat(s.stepSeconds()).isEqualTo(300);
        assertThat(s.startEpochSecond()).isEqualTo(first);
        long[] expected = new long[24];
        for (int k = 1; k <= 24; k++) {
            expected[k - 1] = k == 10 ? UsageSeries.MISSING : k * 1_000_000L;
        }
        assertThat(s.downBps()).containsExactly(expected);

        // padu analyze: Q95 by nearest rank over the 23 measured buckets 1..9, 11..24 Mbit/s:
        // rank ceil(0.95 x 23) = 22 -> 23 Mbit/s; the missing bucket is not a zero.
        StringWriter out = new StringWriter();
        CommandLine cl = PaduCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cl.execute("analyze", dir.toString(), "--format", "json")).isZero();
        JsonNode agency = JsonMapper.builder().build().readTree(out.toString()).get("agencies").get(0);
        assertThat(agency.get("code").asString()).isEqualTo("UKURA");
        assertThat(agency.get("samples").asInt()).isEqualTo(23);
        long[] measured = Arrays.stream(expected).filter(v -> v != UsageSeries.MISSING).sorted().toArray();
        assertThat(agency.get("p95DownBps").asLong()).isEqualTo(measured[(int) Math.ceil(0.95 * measured.length) - 1])
                .isEqualTo(23_000_000L);
    }

    @Test
    void anOperatorReadsOnlyTheirOwnAgencysMeasurements() throws Exception {
        RequestPostProcessor operator = httpBasic("op-ukura", PW);
        mvc.perform(get("/api/measurements/UKURA").with(operator)).andExpect(status().isOk());
        mvc.perform(get("/api/measurements/UKURA.csv").with(operator)).andExpect(status().isOk());
        mvc.perform(get("/api/measurements/UKURB").with(operator)).andExpect(status().isForbidden());
        mvc.perform(get("/api/measurements/UKURB.csv").with(operator)).andExpect(status().isForbidden());
        mvc.perform(get("/api/measurements/UKURB").with(operator).param("format", "csv")).andExpect(status().isForbidden());
    }

    @Test
    void badInputIsNamedAndAnUnknownAgencyIsNotFound() throws Exception {
        mvc.perform(get("/api/measurements/UKURA").with(admin()).param("resolution", "2m"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("resolution"))
                .andExpect(jsonPath("$.errors[0].value").value("2m"));
        mvc.perform(get("/api/measurements/UKURA").with(admin()).param("source", "netflow"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("source"));
        mvc.perform(get("/api/measurements/UKURA").with(admin()).param("from", "kemarin"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/measurements/UKURA").with(admin()).param("from", "2026-01-01").param("to", "2025-01-01"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/measurements/TIDAK-ADA").with(admin())).andExpect(status().isNotFound());
        mvc.perform(get("/api/measurements/TIDAK-ADA.csv").with(admin())).andExpect(status().isNotFound());
        mvc.perform(get("/api/measurements/UKURA.csv").with(admin()).param("resolution", "1d"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("resolution"));
    }
}
