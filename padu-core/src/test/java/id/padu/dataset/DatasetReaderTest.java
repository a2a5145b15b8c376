package id.padu.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padu.domain.AgencyKind;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Dataset;
import id.padu.domain.IpPrefix;
import id.padu.domain.LinkType;
import id.padu.domain.Priority;
import id.padu.domain.Redundancy;
import id.padu.domain.Rupiah;
import id.padu.domain.Settings;
import id.padu.domain.UsageSeries;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {

    private static final Locale ID = Locale.forLanguageTag("id");

    @TempDir
    Path dir;

    private DatasetReader.Result read(Fixture f) throws DatasetException {
        return DatasetReader.readFolderResult(f.writeTo(dir));
    }

    private List<DatasetError> errors(Fixture f) {
        try {
            read(f);
        } catch (DatasetException e) {
            assertThat(e.errors()).isNotEmpty();
            return e.errors();
        }
        throw new AssertionError("dataset was accepted");
    }

    private static DatasetError only(List<DatasetError> errors) {
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void goodDatasetBecomesDomainValues() throws Exception {
        DatasetReader.Result r = read(Fixture.good());
        Dataset d = r.dataset();
        assertThat(r.warnings()).isEmpty();
        assertThat(d.agencies()).extracting(a -> a.code()).containsExactly("DISKOMINFO", "RSUD", "KEC-BAAMANG");
        assertThat(d.agencies().get(0).prefixes()).containsExactly(IpPrefix.parse("10.20.0.0/16").orElseThrow(),
                IpPrefix.parse("2001:db8:20::/48").orElseThrow());
        assertThat(d.agencies().get(0).priority()).isEqualTo(Priority.HIGH);
        assertThat(d.agencies().get(2).kind()).isEqualTo(AgencyKind.LAINNYA);
        assertThat(d.agencies().get(2).priority()).isEqualTo(Priority.NORMAL);

        var astinet = d.subscriptions().get(0);
        assertThat(astinet.down()).isEqualTo(BitRate.ofMbps(100));
        assertThat(astinet.monthlyCost()).isEqualTo(Rupiah.of(15_000_000));
        assertThat(astinet.endDate()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(astinet.exitPenalty()).isEqualTo(Rupiah.of(5_000_000));
        assertThat(d.subscriptions().get(1).installCost()).isEqualTo(Rupiah.ZERO);
        assertThat(d.subscriptions().get(1).endDate()).isNull();
        assertThat(d.statusQuoAnnualIdr()).isEqualTo(12L * (15_000_000 + 560_000 + 330_000));

        var offer = d.offers().get(0);
        assertThat(offer.up()).isEqualTo(BitRate.ofMbps(500)); // default = down
        assertThat(offer.minTermMonths()).isEqualTo(24);
        assertThat(offer.slaPct()).isEqualTo(99.5);
        assertThat(d.offers().get(1).minTermMonths()).isEqualTo(12);
        assertThat(d.offers().get(1).kind()).isEqualTo(ConnectionKind.DEDICATED);

        assertThat(d.hasLinksFile()).isTrue();
        assertThat(d.linkOf("RSUD").orElseThrow().type()).isEqualTo(LinkType.FIBER);
        assertThat(d.linkOf("RSUD").orElseThrow().capacity()).isEqualTo(BitRate.ofMbps(1000));
        assertThat(d.linkOf("DISKOMINFO").orElseThrow().capacity()).isNull();
        assertThat(d.linkOf("KEC-BAAMANG")).isEmpty();

        assertThat(d.servicesOf("RSUD").get(0).criticality()).isEqualTo(Priority.CRITICAL);
        assertThat(d.servicesOf("DISKOMINFO").get(0).publicIp()).isNull();

        Settings s = d.settings();
        assertThat(s.quantile()).isEqualTo(0.9);
        assertThat(s.redundancy()).isEqualTo(Redundancy.SINGLE);
        assertThat(s.growth()).isEqualTo(0.20);
        assertThat(s.migrateWindows()).isEqualTo("SAT 07:00-13:00;SUN 07:00-11:00");
        assertThat(s.migrateBlackouts()).containsExactly(
                new Settings.DateRange(LocalDate.of(2025, 12, 15), LocalDate.of(2025, 12, 31)));

        UsageSeries kominfo = d.usageOf("DISKOMINFO").orElseThrow();
        assertThat(kominfo.start()).isEqualTo(Instant.parse("2025-03-03T01:00:00Z"));
        assertThat(kominfo.stepSeconds()).isEqualTo(300);
        assertThat(kominfo.downBps()).containsExactly(1_000_000, 2_000_000, UsageSeries.MISSING, 4_000_000);
        assertThat(kominfo.upBps()).containsExactly(200_000, 300_000, UsageSeries.MISSING, 500_000);
        assertThat(d.usageOf("RSUD").orElseThrow().downBps()).containsExactly(5_000_000, 6_000_000);
        assertThat(d.usageOf("KEC-BAAMANG")).isEmpty();
        assertThat(r.rowCounts()).containsExactly(Map.entry("agencies.csv", 3L), Map.entry("subscriptions.csv", 3L),
                Map.entry("offers.csv", 2L), Map.entry("links.csv", 2L), Map.entry("services.csv", 2L),
                Map.entry("settings.csv", 4L), Map.entry("usage.csv", 5L));
    }

    @Test
    void optionalFilesMayBeAbsent() throws Exception {
        Dataset d = read(Fixture.minimal()).dataset();
        assertThat(d.offers()).isEmpty();
        assertThat(d.hasLinksFile()).isFalse();
        assertThat(d.usage()).isEmpty();
        assertThat(d.settings()).isEqualTo(Settings.DEFAULTS);
    }

    @Test
    void everyErrorIsCollectedWithFileLineColumnAndValue() {
        List<DatasetError> errors = errors(Fixture.good()
                .put("subscriptions.csv", """
                        agency,provider,product,kind,down_mbps,up_mbps,monthly_cost_idr,start_date,end_date
                        DISKOMINFO,Telkom,A,dedicated,100,100,-15000000,2024-01-01,2023-12-31
                        NOPE,Telkom,B,fiberglass,abc,10,1.500.000,2024-13-01,
                        """)
                .put("agencies.csv", """
                        code,name,prefixes
                        DISKOMINFO,Diskominfo,10.20.0.1/16
                        RSUD,RSUD,
                        KEC-BAAMANG,Baamang,
                        RSUD,Again,
                        """));
        assertThat(errors).extracting(e -> e.file() + ":" + e.line() + " " + e.column() + " " + e.value() + " " + e.key())
                .containsExactly(
                        "agencies.csv:2 prefixes 10.20.0.1/16 value.cidr",
                        "agencies.csv:5 code RSUD agency.duplicate",
                        "subscriptions.csv:2 monthly_cost_idr -15000000 value.negative",
                        "subscriptions.csv:2 end_date 2023-12-31 date.endBeforeStart",
                        "subscriptions.csv:3 kind fiberglass value.enum",
                        "subscriptions.csv:3 down_mbps abc value.decimal",
                        "subscriptions.csv:3 monthly_cost_idr 1.500.000 value.integer",
                        "subscriptions.csv:3 start_date 2024-13-01 value.date",
                        "subscriptions.csv:3 agency NOPE agency.unknown");
        assertThat(errors.get(1).message(ID)).isEqualTo("agencies.csv:5 [code] \"RSUD\": kode instansi sudah dipakai di baris 3");
        assertThat(errors.get(1).message(Locale.ENGLISH)).isEqualTo("agencies.csv:5 [code] \"RSUD\": agency code already used on line 3");
        assertThat(errors.get(4).message(Locale.ENGLISH)).endsWith("unknown value; allowed: dedicated, broadband");
        assertThat(errors.get(8).message(ID)).isEqualTo("subscriptions.csv:3 [agency] \"NOPE\": kode instansi tidak ada di agencies.csv");
    }

    @Test
    void missingFileMissingColumnAndEmptyFileAreReported() {
        DatasetError missing = only(errors(Fixture.minimal().remove("subscriptions.csv")));
        assertThat(missing.message(ID)).isEqualTo("subscriptions.csv: berkas wajib tidak ada");
        assertThat(missing.message(Locale.ENGLISH)).isEqualTo("subscriptions.csv: required file is missing");

        DatasetError column = only(errors(Fixture.minimal().put("subscriptions.csv", """
                agency,provider,product,kind,down_mbps,up_mbps
                RSUD,Telkom,IndiHome,broadband,50,10
                """)));
        assertThat(column.message(Locale.ENGLISH))
                .isEqualTo("subscriptions.csv:1 [monthly_cost_idr]: required column missing from the header row");

        DatasetError empty = only(errors(Fixture.minimal().put("offers.csv", "")));
        assertThat(empty.message(Locale.ENGLISH)).isEqualTo("offers.csv: the file is empty (no header row)");
    }

    @Test
    void headersAreCaseInsensitiveInAnyOrderAndUnknownColumnsWarn() throws Exception {
        DatasetReader.Result r = read(Fixture.minimal().put("agencies.csv", """
                Name,CODE,Remarks
                Diskominfo,DISKOMINFO,anything
                RSUD,RSUD,
                Baamang,KEC-BAAMANG,
                """));
        assertThat(r.dataset().agencies().get(0).name()).isEqualTo("Diskominfo");
        DatasetError w = only(r.warnings());
        assertThat(w.message(Locale.ENGLISH)).isEqualTo("agencies.csv:1 [Remarks]: column not known to format v1, ignored");
    }

    @Test
    void bomAndCrlfAndQuotedFieldsPerRfc4180() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = "code,name\r\nDISKOMINFO,\"Dinas Komunikasi, Informatika\"\r\n"
                + "RSUD,\"RSUD \"\"dr. Murjani\"\"\nSampit\"\r\nKEC-BAAMANG,Baamang\r\nbad code,X\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        // the line after a quoted line break is line 6, not 5
        DatasetError e = only(errors(Fixture.minimal().putBytes("agencies.csv", all)));
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.value()).isEqualTo("bad code");

        Dataset d = read(Fixture.minimal().putBytes("agencies.csv",
                new String(all, StandardCharsets.UTF_8).replace("bad code,X\r\n", "").getBytes(StandardCharsets.UTF_8))).dataset();
        assertThat(d.agencies().get(0).code()).isEqualTo("DISKOMINFO"); // BOM not part of the header
        assertThat(d.agencies().get(0).name()).isEqualTo("Dinas Komunikasi, Informatika");
        assertThat(d.agencies().get(1).name()).isEqualTo("RSUD \"dr. Murjani\"\nSampit");
    }

    @Test
    void brokenQuotingAndEncodingAreErrors() {
        DatasetError open = only(errors(Fixture.minimal().put("offers.csv", """
                provider,product,kind,down_mbps,monthly_cost_idr
                Telkom,"Astinet,dedicated,100,100
                """)));
        assertThat(open.line()).isEqualTo(2);
        assertThat(open.key()).isEqualTo("csv.unterminatedQuote");

        byte[] latin1 = "provider,product,kind,down_mbps,monthly_cost_idr\nTelkom,Caf\u00e9,dedicated,1,1\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        DatasetError enc = only(errors(Fixture.minimal().putBytes("offers.csv", latin1)));
        assertThat(enc.message(Locale.ENGLISH)).contains("offers.csv").contains("not UTF-8");
    }

    @Test
    void excelSemicolonFilesWithDecimalCommaAreAccepted() throws Exception {
        Dataset d = read(Fixture.minimal().put("subscriptions.csv", """
                agency;provider;product;kind;down_mbps;up_mbps;monthly_cost_idr
                RSUD;Telkom;"IndiHome; paket 50";broadband;2,5;0.5;560000
                ;;;;;;
                """).put("settings.csv", """
                key;value
                plan.quantile;0,9
                migrate.windows;"SAT 07:00-13:00;SUN 07:00-11:00"
                """)).dataset();
        var s = d.subscriptions().get(0);
        assertThat(s.product()).isEqualTo("IndiHome; paket 50");
        assertThat(s.down()).isEqualTo(BitRate.ofBps(2_500_000));
        assertThat(s.up()).isEqualTo(BitRate.ofBps(500_000));
        assertThat(d.settings().quantile()).isEqualTo(0.9);
        assertThat(d.settings().migrateWindows()).isEqualTo("SAT 07:00-13:00;SUN 07:00-11:00");
        // a comma-separated file keeps '.' as the only decimal point
        DatasetError e = only(errors(Fixture.minimal().put("subscriptions.csv", """
                agency,provider,product,kind,down_mbps,up_mbps,monthly_cost_idr
                RSUD,Telkom,IndiHome,broadband,"2,5",1,560000
                """)));
        assertThat(e.key()).isEqualTo("value.decimal");
    }

    @Test
    void duplicateKeysAcrossTheFiles() {
        List<DatasetError> errors = errors(Fixture.good()
                .put("offers.csv", """
                        provider,product,kind,down_mbps,monthly_cost_idr
                        Telkom,Astinet 500,dedicated,500,60000000
                        Telkom,Astinet 500,dedicated,500,59000000
                        Telkom,Astinet 500,dedicated,1000,95000000
                        """)
                .put("links.csv", """
                        agency,link_type,monthly_cost_idr
                        RSUD,fiber,0
                        RSUD,radio,0
                        """)
                .put("settings.csv", """
                        key,value
                        plan.growth,0.3
                        PLAN.GROWTH,0.4
                        """));
        assertThat(errors).extracting(e -> e.file() + ":" + e.line() + " " + e.key()).containsExactly(
                "offers.csv:3 offer.duplicate", "links.csv:3 link.duplicate", "settings.csv:3 settings.duplicate");
    }

    @Test
    void settingsAreCheckedKeyByKey() {
        List<DatasetError> errors = errors(Fixture.minimal().put("settings.csv", """
                key,value
                plan.quantile,0
                plan.target_utilization,1.2
                plan.reserve,1
                plan.redundancy,triple
                plan.scope,some
                plan.horizon_years,2.5
                plan.start_date,2025/01/01
                migrate.windows,SAT 07:00-13:00;SABTU 07:00-13:00
                migrate.blackouts,2025-12-31..2025-12-01
                migrate.cutovers_per_week,0
                """));
        assertThat(errors).extracting(DatasetError::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(errors.get(0).message(Locale.ENGLISH)).isEqualTo("settings.csv:2 [value] \"0\": plan.quantile must be in the range (0, 1]");
        assertThat(errors.get(7).value()).isEqualTo("SABTU 07:00-13:00");
    }

    @Test
    void aPercentageInSettingsCsvIsRefusedWithTheFractionItMeant() {
        List<DatasetError> errors = errors(Fixture.minimal().put("settings.csv", """
                key,value
                plan.growth,20
                """));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).message(Locale.ENGLISH)).isEqualTo(
                "settings.csv:2 [value] \"20\": plan.growth is a fraction in the range [0, 1], not a percentage; did you mean 0.20?");
        assertThat(errors.get(0).message(Locale.forLanguageTag("id"))).contains("plan.growth").contains("0.20?");
    }

    @Test
    void thePlanningRulesOfFormatV1AreReadAndChecked() throws Exception {
        Settings s = read(Fixture.minimal().put("settings.csv", """
                key,value
                plan.broadband_share,0.5
                plan.min_sla_pct,99.5
                plan.min_cir_mbps,2.5
                plan.mir,LINK
                plan.central_budget_idr,1500000000
                """)).dataset().settings();
        assertThat(s.broadbandShare()).isEqualTo(0.5);
        assertThat(s.minSlaPct()).isEqualTo(99.5);
        assertThat(s.minCirMbps()).isEqualTo(2.5);
        assertThat(s.mir()).isEqualTo(id.padu.domain.MirPolicy.LINK);
        assertThat(s.centralBudgetIdr()).isEqualTo(1_500_000_000L);
        assertThat(Settings.DEFAULTS.broadbandShare()).isEqualTo(0.25);
        assertThat(Settings.DEFAULTS.minSlaPct()).isNull();
        assertThat(Settings.DEFAULTS.minCirMbps()).isEqualTo(1.0);
        assertThat(Settings.DEFAULTS.mir()).isEqualTo(id.padu.domain.MirPolicy.UPLINK);
        List<DatasetError> errors = errors(Fixture.minimal().put("settings.csv", """
                key,value
                plan.broadband_share,25
                plan.min_sla_pct,101
                plan.min_cir_mbps,-1
                plan.mir,ceiling
                plan.central_budget_idr,0
                """));
        assertThat(errors).extracting(e -> e.message(Locale.ENGLISH)).containsExactly(
                "settings.csv:2 [value] \"25\": plan.broadband_share is a fraction in the range [0, 1], not a percentage; did you mean 0.25?",
                "settings.csv:3 [value] \"101\": plan.min_sla_pct must be in the range [0, 100]",
                "settings.csv:4 [value] \"-1\": must be a decimal number with . as the decimal point (e.g. 2.5), no thousands separators",
                "settings.csv:5 [value] \"ceiling\": unknown value; allowed: uplink, link, 3x (1x to 1000x)",
                "settings.csv:6 [value] \"0\": plan.central_budget_idr must be in the range [1, 1000000000000000]");
    }

    @Test
    void unknownSettingsKeysWarnAndAreKept() throws Exception {
        DatasetReader.Result r = read(Fixture.minimal().put("settings.csv", "key,value\nplan.future_knob,7\nplan.growth,\n"));
        assertThat(r.dataset().settings().raw()).containsExactly(Map.entry("plan.future_knob", "7"));
        assertThat(r.dataset().settings().growth()).isEqualTo(0.20); // empty value = default
        assertThat(only(r.warnings()).key()).isEqualTo("settings.unknownKey");
    }

    @Test
    void budgetAccountCodesAreKeptWithoutAWarningAndBoundedInLength() throws Exception {
        DatasetReader.Result r = read(Fixture.minimal().put("settings.csv",
                "key,value\nbudget.account_code.central,5.1.02.02.01.0063\nBudget.Account_Code.Link,5.1.02.02.01.0064\n"));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.dataset().settings().raw()).containsEntry("budget.account_code.central", "5.1.02.02.01.0063")
                .containsEntry("budget.account_code.link", "5.1.02.02.01.0064");
        List<DatasetError> errors = errors(Fixture.minimal().put("settings.csv",
                "key,value\nbudget.account_code.agency," + "9".repeat(65) + "\n"));
        assertThat(only(errors).message(Locale.ENGLISH)).contains("account code budget.account_code.agency has at most 64 characters");
    }

    @Test
    void usageRowsMayComeInAnyOrderAcrossFiles() throws Exception {
        Dataset d = read(Fixture.minimal()
                .put("usage/2025-03-b.csv", """
                        time,agency,down_bps,up_bps
                        2025-03-03T08:20:00+07:00,RSUD,40,4
                        2025-03-03T08:00:00+07:00,RSUD,10,1
                        """)
                .put("usage/2025-03-a.csv", """
                        agency,time,down_bps,up_bps
                        RSUD,2025-03-03T08:10:00+07:00,30,3
                        RSUD,2025-03-03T08:05:00+07:00,20,2
                        DISKOMINFO,2025-03-03T10:00:00+07:00,7,7
                        """)).dataset();
        UsageSeries rsud = d.usageOf("RSUD").orElseThrow();
        assertThat(rsud.downBps()).containsExactly(10, 20, 30, UsageSeries.MISSING, 40);
        // one sample: the step is the one the other agencies use
        assertThat(d.usageOf("DISKOMINFO").orElseThrow().stepSeconds()).isEqualTo(300);
        assertThat(d.usage().keySet()).containsExactly("DISKOMINFO", "RSUD"); // agencies.csv order
    }

    @Test
    void usageIrregularStepIsAnErrorOnTheRowOffTheGrid() {
        List<DatasetError> errors = errors(Fixture.minimal().put("usage.csv", """
                agency,time,down_bps,up_bps
                RSUD,2025-03-03T08:00:00+07:00,1,1
                RSUD,2025-03-03T08:05:00+07:00,1,1
                RSUD,2025-03-03T08:07:00+07:00,1,1
                RSUD,2025-03-03T08:10:00+07:00,1,1
                RSUD,2025-03-03T08:15:00+07:00,1,1
                """));
        DatasetError e = only(errors);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.message(Locale.ENGLISH)).isEqualTo("usage.csv:4 [time] \"2025-03-03T08:07:00+07:00\": "
                + "time not on the 300 s step grid of agency RSUD (must be a multiple of the step since the Unix epoch)");

        DatasetError shifted = only(errors(Fixture.minimal().put("usage.csv", """
                agency,time,down_bps,up_bps
                RSUD,2025-03-03T08:03:00+07:00,1,1
                RSUD,2025-03-03T08:08:00+07:00,1,1
                RSUD,2025-03-03T08:13:00+07:00,1,1
                """)));
        assertThat(shifted.key()).isEqualTo("usage.offGridAll");
        assertThat(shifted.line()).isEqualTo(2);
    }

    @Test
    void usageBadValuesAreErrors() {
        List<DatasetError> errors = errors(Fixture.minimal().put("usage.csv", """
                agency,time,down_bps,up_bps
                RSUD,2025-03-03T08:00:00+07:00,12.5,1
                RSUD,2025-03-03T08:05:00+07:00,-3,1
                RSUD,2025-03-03T08:10:00,1,1
                RSUD,03/03/2025 08:15,1,1
                RSUD,2025-03-03T08:20:00+07:00,1,
                RSUD,2025-03-03T08:25:00+07:00,1,1
                RSUD,2025-03-03T01:25:00Z,1,1
                GHOST,2025-03-03T08:25:00+07:00,1,1
                GHOST,2025-03-03T08:30:00+07:00,1,1
                """));
        assertThat(errors).extracting(e -> e.line() + " " + e.column() + " " + e.key()).containsExactly(
                "2 down_bps usage.rate", "3 down_bps value.negative", "4 time usage.time.noOffset",
                "5 time usage.time.syntax", "6 up_bps value.required", "8 time usage.duplicate",
                "9 agency usage.unknownAgency");
        assertThat(errors.get(5).message(Locale.ENGLISH)).endsWith("this time is already given for agency RSUD at usage.csv:7");
        assertThat(errors.get(6).message(ID)).isEqualTo(
                "usage.csv:9 [agency] \"GHOST\": kode instansi tidak ada di agencies.csv (2 baris pemakaian)");
    }

    @Test
    void moneyAndRatesAboveTheBoundsAreRefused() throws Exception {
        // Issue 19: Rp 10^15 per amount and per money column of a file, 1 Tbit/s per rate.
        List<DatasetError> errors = errors(Fixture.minimal().put("subscriptions.csv", """
                agency,provider,product,kind,down_mbps,up_mbps,monthly_cost_idr,install_cost_idr,exit_penalty_idr
                RSUD,A,1,dedicated,1000000.000001,1,1000000000000001,1000000000000000000,99999999999999999999
                RSUD,A,2,dedicated,1000000,1000000,1000000000000000,1000000000000000,0
                RSUD,A,3,dedicated,1,1,1,1,0
                RSUD,A,4,dedicated,1,1,1,0,0
                """).put("usage.csv", """
                agency,time,down_bps,up_bps
                RSUD,2025-03-03T08:00:00+07:00,1000000000001,1000000000000
                RSUD,2025-03-03T08:05:00+07:00,9223372036854775808,1
                """));
        assertThat(errors).extracting(e -> e.file() + ":" + e.line() + " " + e.column() + " " + e.key()).containsExactly(
                "subscriptions.csv:2 down_mbps value.rateTooLarge",
                "subscriptions.csv:2 monthly_cost_idr value.moneyTooLarge",
                "subscriptions.csv:2 install_cost_idr value.moneyTooLarge",
                "subscriptions.csv:2 exit_penalty_idr value.moneyTooLarge",
                // every row from line 3 is within the bounds; line 4 takes both columns past them,
                // and line 5 is not reported again
                "subscriptions.csv:4 monthly_cost_idr value.totalTooLarge",
                "subscriptions.csv:4 install_cost_idr value.totalTooLarge",
                "usage.csv:2 down_bps value.rateTooLarge",
                "usage.csv:3 down_bps value.rateTooLarge");
        assertThat(errors.get(1).message(Locale.ENGLISH)).isEqualTo("subscriptions.csv:2 [monthly_cost_idr] \"1000000000000001\": "
                + "more than Rp 1.000.000.000.000.000, the most one amount may be");
        assertThat(errors.get(6).message(ID)).isEqualTo(
                "usage.csv:2 [down_bps] \"1000000000001\": lebih dari 1000000000000 bps (1 Tbit/s), batas satu laju");
        // exactly at the bounds: accepted
        Dataset d = read(Fixture.minimal().put("subscriptions.csv", """
                agency,provider,product,kind,down_mbps,up_mbps,monthly_cost_idr,install_cost_idr,exit_penalty_idr
                RSUD,A,1,dedicated,1000000,1000000,1000000000000000,1000000000000000,1000000000000000
                """).put("usage.csv", """
                agency,time,down_bps,up_bps
                RSUD,2025-03-03T08:00:00+07:00,1000000000000,1000000000000
                """)).dataset();
        assertThat(d.subscriptions().get(0).down().bps()).isEqualTo(BitRate.MAX_BPS);
        assertThat(d.statusQuoAnnualIdr()).isEqualTo(12 * Rupiah.MAX_IDR);
    }

    @Test
    void manyErrorsOfOneKindAreCountedNotAllListed() {
        StringBuilder usage = new StringBuilder("agency,time,down_bps,up_bps\n");
        for (int i = 0; i < 120; i++) {
            usage.append("RSUD,2025-03-03T08:00:00+07:00,x,1\n");
        }
        List<DatasetError> errors = errors(Fixture.minimal().put("usage.csv", usage.toString()));
        assertThat(errors).hasSize(Problems.SHOWN_PER_KIND + 1);
        assertThat(errors.get(errors.size() - 1).message(Locale.ENGLISH))
                .isEqualTo("usage.csv: and 70 more errors of the same kind in this file, not shown");
    }

    @Test
    void aStrayDateCannotExhaustMemory() {
        DatasetError e = only(errors(Fixture.minimal().put("usage.csv", """
                agency,time,down_bps,up_bps
                RSUD,1925-03-03T08:00:00+07:00,1,1
                RSUD,2025-03-03T08:00:00+07:00,1,1
                RSUD,2025-03-03T08:05:00+07:00,1,1
                """)));
        assertThat(e.key()).isEqualTo("usage.tooLong");
        assertThat(e.message(Locale.ENGLISH)).contains("from 1925-03-03T08:00:00+07:00");
    }

    @Test
    void servicesAndLinksAreChecked() {
        List<DatasetError> errors = errors(Fixture.minimal()
                .put("services.csv", """
                        agency,name,hostname,public_ip
                        RSUD,SIMRS,simrs rsud,203.0.113.300
                        """)
                .put("links.csv", """
                        agency,link_type,monthly_cost_idr,capacity_mbps
                        RSUD,carrier-pigeon,0,0
                        """));
        assertThat(errors).extracting(e -> e.file() + " " + e.column() + " " + e.key()).containsExactly(
                "links.csv link_type value.enum", "links.csv capacity_mbps value.positive",
                "services.csv hostname service.hostname", "services.csv public_ip service.ip");
    }

    @Test
    void extraCellsBeyondTheHeaderAreAnError() {
        DatasetError e = only(errors(Fixture.minimal().put("offers.csv", """
                provider,product,kind,down_mbps,monthly_cost_idr
                Telkom,Astinet,dedicated,100,45,000000
                """)));
        assertThat(e.message(Locale.ENGLISH)).startsWith("offers.csv:2 \"000000\": this row has a value in column 6");
    }

    @Test
    void zipWithOneTopFolderReadsLikeTheFolder() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : Fixture.good().files().entrySet()) {
                zip.putNextEntry(new ZipEntry("kotim-2025/" + f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("__MACOSX/._agencies.csv"));
            zip.write(new byte[] {0, 1, 2});
            zip.closeEntry();
        }
        Dataset fromZip = DatasetReader.readZip(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(fromZip).isEqualTo(read(Fixture.good()).dataset());
    }

    @Test
    void individualFilesReadLikeTheFolder() throws Exception {
        Map<String, TableSource.Opener> files = new java.util.LinkedHashMap<>();
        // uploaded in any order, usage first
        List<Map.Entry<String, byte[]>> entries = new java.util.ArrayList<>(Fixture.good().files().entrySet());
        java.util.Collections.reverse(entries);
        for (Map.Entry<String, byte[]> f : entries) {
            files.put(f.getKey(), () -> new ByteArrayInputStream(f.getValue()));
        }
        assertThat(DatasetReader.read(TableSource.csvFiles(files)).dataset()).isEqualTo(read(Fixture.good()).dataset());
    }

    @Test
    void aZipMissingAgenciesIsRejectedAsAWhole() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("subscriptions.csv"));
            zip.write(Fixture.SUBSCRIPTIONS.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> DatasetReader.readZip(new ByteArrayInputStream(bytes.toByteArray())))
                .isInstanceOf(DatasetException.class)
                .satisfies(t -> assertThat(((DatasetException) t).errors()).extracting(DatasetError::key)
                        .containsExactly("file.missing")); // not also one "unknown agency" per subscription
    }

    @Test
    void anUnreadableAgenciesFileDoesNotCascade() {
        DatasetError e = only(errors(Fixture.good().put("agencies.csv", "code,nama\nRSUD,RSUD\n")));
        assertThat(e.message(Locale.ENGLISH)).isEqualTo("agencies.csv:1 [name]: required column missing from the header row");
    }

    @Test
    void aMissingFolderIsAnErrorNotACrash() {
        assertThatThrownBy(() -> DatasetReader.readFolder(dir.resolve("nope")))
                .isInstanceOf(DatasetException.class)
                .satisfies(t -> assertThat(((DatasetException) t).describe(Locale.ENGLISH)).endsWith("dataset folder not found"));
    }
}
