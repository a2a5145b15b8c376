package id.padu.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.domain.Dataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Details of the CSV dialect and of the messages that a planner with Excel runs into. */
class CsvDetailsTest {

    @TempDir
    Path dir;

    @Test
    void excelSeparatorHintLineIsHonouredAndLinesStillCount() throws Exception {
        Fixture f = Fixture.minimal().put("offers.csv", """
                sep=;
                provider;product;kind;down_mbps;monthly_cost_idr
                Telkom;Astinet;dedicated;100,5;45000000
                Telkom;Astinet 2;dedicated;x;45000000
                """);
        try {
            DatasetReader.readFolder(f.writeTo(dir));
        } catch (DatasetException e) {
            assertThat(e.errors()).singleElement().satisfies(err -> {
                assertThat(err.line()).isEqualTo(4);
                assertThat(err.column()).isEqualTo("down_mbps");
            });
            return;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void commasInsideQuotedHeaderCellsDoNotDecideTheSeparator() throws Exception {
        Dataset d = DatasetReader.readFolder(Fixture.minimal().put("services.csv",
                "agency;name;\"note, free text\"\nRSUD;SIMRS;\"a, b\"\n").writeTo(dir));
        assertThat(d.services().get(0).name()).isEqualTo("SIMRS");
    }

    @Test
    void networksOfTwoAgenciesThatOverlapGiveAWarning() throws Exception {
        DatasetReader.Result r = DatasetReader.readFolderResult(Fixture.minimal().put("agencies.csv", """
                code,name,prefixes
                DISKOMINFO,Diskominfo,10.20.0.0/16
                RSUD,RSUD,10.30.0.0/16
                KEC-BAAMANG,Baamang,10.20.8.0/24 2001:db8::/32
                """).writeTo(dir));
        assertThat(r.warnings()).singleElement().satisfies(w -> assertThat(w.message(Locale.ENGLISH)).isEqualTo(
                "agencies.csv:4 [prefixes] \"10.20.8.0/24\": this network overlaps 10.20.0.0/16 of agency DISKOMINFO (line 2); "
                        + "flows in the overlap count for the longest prefix"));
    }

    @Test
    void indonesianStaysIndonesianOnAnEnglishMachine() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            DatasetError e = new DatasetError("offers.csv", 3, "sla_pct", "120", "offer.sla", List.of());
            assertThat(e.message(Locale.forLanguageTag("id")))
                    .isEqualTo("offers.csv:3 [sla_pct] \"120\": sla_pct harus lebih dari 0 dan paling banyak 100");
            assertThat(e.message(Locale.ENGLISH))
                    .isEqualTo("offers.csv:3 [sla_pct] \"120\": sla_pct must be more than 0 and at most 100");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void textAfterAClosingQuoteIsShownInSingleQuotesAndLineNumbersWithoutGrouping() {
        DatasetError quote = new DatasetError("agencies.csv", 2, null, null, "csv.afterQuote", List.of("y"));
        assertThat(quote.message(Locale.ENGLISH)).isEqualTo(
                "agencies.csv:2: text 'y' after a closing quote (RFC 4180: write \"\" for a quote inside a cell)");
        assertThat(quote.message(Locale.forLanguageTag("id"))).isEqualTo(
                "agencies.csv:2: ada teks 'y' setelah tanda kutip penutup (RFC 4180: tulis \"\" untuk tanda kutip di dalam sel)");
        DatasetError dup = new DatasetError("agencies.csv", 1205, "code", "BKAD", "agency.duplicate", List.of(1204L));
        assertThat(dup.message(Locale.forLanguageTag("id")))
                .isEqualTo("agencies.csv:1205 [code] \"BKAD\": kode instansi sudah dipakai di baris 1204");
    }

    @Test
    void maintenanceWindowsAreWrittenOneWayAndAWrongOneNamesItsValue() throws Exception {
        Dataset d = DatasetReader.readFolder(Fixture.minimal().put("settings.csv", """
                key,value
                migrate.windows,"sab 07:00 - 13:00; SUN 19:00-24:00"
                """).writeTo(dir));
        assertThat(d.settings().migrateWindows()).isEqualTo("SAT 07:00-13:00;SUN 19:00-24:00");
        try {
            DatasetReader.readFolder(Fixture.minimal().put("settings.csv", """
                    key,value
                    migrate.windows,"Saturday morning;SAT 13:00-07:00"
                    """).writeTo(dir.resolve("bad")));
            throw new AssertionError("accepted");
        } catch (DatasetException e) {
            assertThat(e.errors()).extracting(x -> x.message(Locale.ENGLISH)).containsExactly(
                    "settings.csv:2 [value] \"Saturday morning\": a window must be DAY HH:MM-HH:MM, ;-separated, "
                            + "DAY one of MON TUE WED THU FRI SAT SUN (e.g. SAT 07:00-13:00)",
                    "settings.csv:2 [value] \"SAT 13:00-07:00\": invalid window hours: start must be before end, end at most 24:00");
        }
    }

    @Test
    void everyMessageKeyExistsInBothLanguages() throws Exception {
        java.util.Properties id = new java.util.Properties();
        java.util.Properties en = new java.util.Properties();
        try (var a = getClass().getResourceAsStream("/id/padu/dataset/messages.properties");
             var b = getClass().getResourceAsStream("/id/padu/dataset/messages_en.properties")) {
            id.load(a);
            en.load(b);
        }
        assertThat(id.keySet()).isEqualTo(en.keySet());
        // every key the sources use is defined
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([a-z]+\\.[A-Za-z.]+)\"").matcher(sources());
        while (m.find()) {
            String key = m.group(1);
            if (key.matches("(usage|value|file|column|agency|agencies|settings|csv|offer|link|service|source|row|date|folder|more)\\..*")
                    && !key.endsWith(".csv") && !key.startsWith("plan.") && !key.startsWith("migrate.")) {
                assertThat(id).as(key).containsKey(key);
            }
        }
    }

    private static String sources() throws java.io.IOException {
        StringBuilder all = new StringBuilder();
        try (var files = java.nio.file.Files.list(Path.of("src/main/java/id/padu/dataset"))) {
            for (Path p : files.toList()) {
                all.append(java.nio.file.Files.readString(p));
            }
        }
        return all.toString();
    }
}
