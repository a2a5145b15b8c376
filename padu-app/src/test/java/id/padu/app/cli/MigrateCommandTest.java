package id.padu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.padu.app.shared.Json;
import id.padu.migration.ChecklistItem;
import id.padu.migration.Cutover;
import id.padu.migration.MaintenanceWindow;
import id.padu.migration.MigrationSchedule;
import id.padu.migration.MigrationStatus;
import id.padu.migration.Runbook;
import id.padu.migration.RunbookPhase;
import id.padu.migration.RunbookSection;
import id.padu.migration.Text;
import id.padu.migration.Wave;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code padu migrate plan|runbook} on a dataset folder and a plan file, as a user runs them. */
class MigrateCommandTest {

    @TempDir
    Path tmp;
    Path dir;
    Path plan;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = PaduCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeEach
    void files() throws Exception {
        dir = Files.createDirectories(tmp.resolve("kotim"));
        Files.writeString(dir.resolve("agencies.csv"), """
                code,name,kind,priority,prefixes
                DISKOMINFO,Dinas Komunikasi dan Informatika,dinas,high,10.20.1.0/24
                DLH,Dinas Lingkungan Hidup,dinas,normal,10.20.2.0/24
                DINSOS,Dinas Sosial,dinas,normal,10.20.3.0/24
                DISDUKCAPIL,Dinas Kependudukan dan Pencatatan Sipil,dinas,critical,10.20.4.0/24
                BKAD,Badan Keuangan dan Aset Daerah,badan,high,10.20.5.0/24
                KESBANGPOL,Badan Kesatuan Bangsa dan Politik,badan,low,10.20.6.0/24
                """);
        Files.writeString(dir.resolve("subscriptions.csv"), """
                agency,provider,product,kind,down_mbps,up_mbps,monthly_cost_idr,end_date,exit_penalty_idr
                DISKOMINFO,Telkom,Astinet 100,dedicated,100,100,24000000,2027-03-31,30000000
                DLH,Iconnet,50 Mbps,broadband,50,50,560000,,
                DINSOS,Telkom,IndiHome 20,broadband,20,20,330000,2027-02-28,500000
                DISDUKCAPIL,Lintasarta,Dedicated 50,dedicated,50,50,9500000,2027-02-14,60000000
                BKAD,Telkom,Astinet 50,dedicated,50,50,9000000,2027-04-30,5000000
                KESBANGPOL,Iconnet,10 Mbps,broadband,10,10,185000,,
                """);
        Files.writeString(dir.resolve("services.csv"), """
                agency,name,criticality,hostname,public_ip
                DISDUKCAPIL,Layanan Dukcapil,critical,dukcapil.kotimkab.go.id,203.0.113.40
                BKAD,SIPKD,critical,sipkd.kotimkab.go.id,203.0.113.30
                DISKOMINFO,Portal Kabupaten,high,kotimkab.go.id,203.0.113.10
                """);
        Files.writeString(dir.resolve("settings.csv"), """
                key,value
                plan.start_date,2027-01-04
                migrate.uplink_ready_date,2027-01-18
                migrate.cutovers_per_week,2
                migrate.windows,SAT 07:00-13:00;SUN 07:00-13:00
                migrate.blackouts,2027-03-08..2027-03-14
                """);
        StringBuilder agencies = new StringBuilder();
        String[][] rates = {{"DISKOMINFO", "40000000", "100000000"}, {"DLH", "5000000", "20000000"},
                {"DINSOS", "3000000", "20000000"}, {"DISDUKCAPIL", "20000000", "50000000"},
                {"BKAD", "15000000", "50000000"}};
        for (String[] r : rates) {
            agencies.append(agencies.isEmpty() ? "" : ",").append("""
                    {"code":"%s","decision":"central","cirDownBps":%s,"mirDownBps":%s,"cirUpBps":%s,"mirUpBps":%s,
                     "cutoverDate":null,"reason":null}""".formatted(r[0], r[1], r[2], r[1], r[2]));
        }
        agencies.append(",{\"code\":\"KESBANGPOL\",\"decision\":\"local\",\"cirDownBps\":0,\"mirDownBps\":0,"
                + "\"cirUpBps\":0,\"mirUpBps\":0,\"cutoverDate\":null,\"reason\":null}");
        plan = tmp.resolve("plan.json");
        Files.writeString(plan, """
                {"optimal":true,"gap":0,"uplinks":[{"provider":"Telkom","product":"Astinet 300","downMbps":300,"upMbps":300,
                 "monthlyCostIdr":45000000,"installCostIdr":0}],"agencies":[%s]}
                """.formatted(agencies));
    }

    @Test
    void planAsJsonMeetsTheContractAndEveryRule() throws Exception {
        Run r = run("migrate", "plan", dir.toString(), "--plan", plan.toString(), "--format", "json", "--lang", "en");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(r.out());
        assertThat(root.get("optimal").isBoolean()).isTrue();
        assertThat(root.get("optimal").asBoolean()).isTrue();
        Set<String> codes = new HashSet<>();
        Map<LocalDate, Integer> perWeek = new HashMap<>();
        Set<String> criticalWindows = new HashSet<>();
        LocalDate firstWeek = null;
        List<String> criticalCodes = List.of("DISDUKCAPIL", "BKAD");
        for (JsonNode w : root.get("waves")) {
            LocalDate week = LocalDate.parse(w.get("week").asString());
            assertThat(week.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            firstWeek = firstWeek == null ? week : firstWeek;
            for (JsonNode a : w.get("agencies")) {
                String code = a.get("code").asString();
                LocalDate d = LocalDate.parse(a.get("cutoverDate").asString());
                assertThat(codes.add(code)).isTrue();
                assertThat(d).isBetween(week, week.plusDays(6));
                assertThat(d.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                assertThat(d).isAfterOrEqualTo(LocalDate.of(2027, 1, 18));
                assertThat(d.isBefore(LocalDate.of(2027, 3, 8)) || d.isAfter(LocalDate.of(2027, 3, 14))).as("%s outside the blackout", d).isTrue();
                assertThat(a.get("reason").asString()).isNotBlank();
                perWeek.merge(week, 1, Integer::sum);
                if (criticalCodes.contains(code)) {
                    assertThat(week).isAfter(firstWeek);
                    assertThat(criticalWindows.add(d + a.get("window").asString())).isTrue();
                }
            }
        }
        assertThat(codes).containsExactlyInAnyOrder("DISKOMINFO", "DLH", "DINSOS", "DISDUKCAPIL", "BKAD");
        assertThat(perWeek.values()).allMatch(n -> n <= 2);
        assertThat(r.out()).contains("waits for the contract to end on 2027-02-14: saves Rp")
                .contains("the penalty of Rp 30,000,000 is cheaper than paying twice");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void planAsATableInBahasaIndonesiaAndSettingsFromTheCommandLine() {
        Run r = run("migrate", "plan", dir.toString(), "--plan", plan.toString(), "--lang", "id",
                "--set", "migrate.cutovers_per_week=1", "--set", "migrate.windows=SAT 07:00-13:00");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Jadwal migrasi").contains("Alasan").contains("paling banyak 1 cutover per minggu")
                .contains("gelombang percontohan").doesNotContain("SUN");
    }

    @Test
    void runbookOfOneAgencyAndOfAllAgenciesAsPdf() throws Exception {
        Path one = tmp.resolve("bkad.pdf");
        Run r = run("migrate", "runbook", dir.toString(), "--plan", plan.toString(), "--agency", "BKAD", "--lang", "id",
                "--out", one.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        Path plain = Files.writeString(tmp.resolve("plain.txt"), "x");
        assertThat(Files.getPosixFilePermissions(one)).as("the PDF gets the usual file mode")
                .isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(Files.list(tmp).map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        String t = pdfText(one);
        assertThat(t).contains("Runbook cutover Badan Keuangan dan Aset Daerah (BKAD)")
                .contains("Catat TTL DNS sipkd.kotimkab.go.id (SIPKD)")
                .contains("SIPKD dilayani di alamat ISP lama 203.0.113.30")
                .contains("Pastikan prefix 10.20.5.0/24 masuk kelas shaping BKAD")
                .contains("Layanan kritis (SIPKD) tidak terjangkau dari luar lebih dari 15 menit");

        Path all = tmp.resolve("all.pdf");
        r = run("migrate", "runbook", dir.toString(), "--plan", plan.toString(), "--lang", "en", "--out", all.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String ta = pdfText(all);
        assertThat(ta).contains("Migration schedule");
        for (String code : List.of("DISKOMINFO", "DLH", "DINSOS", "DISDUKCAPIL", "BKAD")) {
            assertThat(ta).contains("(" + code + ")");
        }
        assertThat(ta).doesNotContain("(KESBANGPOL)");
        assertThat(ta.split("Cutover runbook ", -1)).hasSize(6);
    }

    @Test
    void replanningFromAMigrationLogAfterARollback() throws Exception {
        Run first = run("migrate", "plan", dir.toString(), "--plan", plan.toString(), "--format", "json");
        JsonNode w0 = JsonMapper.builder().build().readTree(first.out()).get("waves").get(0).get("agencies").get(0);
        String code = w0.get("code").asString();
        LocalDate day = LocalDate.parse(w0.get("cutoverDate").asString());
        Path log = tmp.resolve("log.json");
        Files.writeString(log, """
                [{"agency":"%1$s","status":"scheduled","cutoverDate":"%2$s","at":"2027-01-05T09:00:00+07:00","by":"perencana"},
                 {"agency":"%1$s","status":"in_progress","at":"%2$sT07:05:00+07:00","by":"teknisi"},
                 {"agency":"%1$s","status":"rolled_back","at":"%2$sT10:40:00+07:00","by":"teknisi","note":"tidak ada trafik"}]
                """.formatted(code, day));
        Run r = run("migrate", "plan", dir.toString(), "--plan", plan.toString(), "--format", "json", "--lang", "en",
                "--state", log.toString(), "--as-of", day.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> agencies = new ArrayList<>();
        JsonMapper.builder().build().readTree(r.out()).get("waves").forEach(w -> w.get("agencies").forEach(agencies::add));
        JsonNode again = agencies.stream().filter(a -> a.get("code").asString().equals(code)).findFirst().orElseThrow();
        assertThat(LocalDate.parse(again.get("cutoverDate").asString())).isAfterOrEqualTo(day.plusDays(7));
        assertThat(again.get("reason").asString()).contains("rescheduled after the rollback on " + day);
        assertThat(agencies).allMatch(a -> LocalDate.parse(a.get("cutoverDate").asString()).isAfter(day));

        Files.writeString(log, """
                [{"agency":"DLH","status":"done","at":"2027-01-05T09:00:00+07:00","by":"teknisi"}]
                """);
        r = run("migrate", "plan", dir.toString(), "--plan", plan.toString(), "--state", log.toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("log.json [0]").contains("DLH: the status cannot change from planned to done");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badInputAndBadUsageAreNamedWithoutAStackTrace() throws Exception {
        Run r = run("migrate", "plan", dir.toString(), "--plan", plan.toString(), "--set", "migrate.windows=Sabtu pagi");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("migrate.windows").contains("Sabtu pagi").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();

        r = run("migrate", "runbook", dir.toString(), "--plan", plan.toString(), "--agency", "KESBANGPOL", "--out",
                tmp.resolve("x.pdf").toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("KESBANGPOL is not in the schedule");
        assertThat(tmp.resolve("x.pdf")).doesNotExist();

        r = run("migrate", "plan", dir.toString(), "--plan", tmp.resolve("missing.json").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("missing.json");

        Files.writeString(dir.resolve("settings.csv"), "key,value\nplan.start_date,2027-01-04\nmigrate.blackouts,2027-03-14..2027-03-08\n");
        r = run("migrate", "plan", dir.toString(), "--plan", plan.toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("settings.csv").contains("2027-03-14..2027-03-08").doesNotContain("Exception");

        r = run("migrate", "runbook", dir.toString(), "--plan", plan.toString());
        assertThat(r.exit()).isEqualTo(2);
    }

    static String pdfText(Path pdf) throws Exception {
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        StringBuilder sb = new StringBuilder();
        PdfTextExtractor ex = new PdfTextExtractor(reader);
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            sb.append(ex.getTextFromPage(p)).append('\n');
        }
        reader.close();
        return sb.toString().replaceAll("\\s+", " ");
    }

    @Test
    void scheduleAndRunbookJsonAreWrittenInTheContractsExactFormFieldByField() {
        MaintenanceWindow sat = new MaintenanceWindow(DayOfWeek.SATURDAY, LocalTime.of(7, 0), LocalTime.of(13, 0));
        Cutover rsud = new Cutover("RSUD", "Rumah Sakit Umum Daerah", LocalDate.of(2026, 3, 7), sat, true, List.of("SIMRS", "PACS"),
                false, MigrationStatus.SCHEDULED, 2_000_000L, 500_000L, List.of(Text.of("reason.risk.pilot")));
        Cutover dlh = new Cutover("DLH", "Dinas Lingkungan Hidup", LocalDate.of(2026, 3, 8), null, false, List.of(), false,
                MigrationStatus.DONE, 0, 0, List.of());
        MigrationSchedule s = new MigrationSchedule(false, 0.25, 2_500_000L, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 28), 2,
                List.of(sat), List.of(new Wave(LocalDate.of(2026, 3, 2), 1, false, List.of(rsud, dlh))));
        // Scripts read these: the order of the fields, the null window, the empty arrays and the
        // number forms are all part of the contract.
        assertThat(Json.PRETTY.writeValueAsString(MigratePlanCommand.ScheduleJson.of(s, Locale.ENGLISH))).isEqualTo("""
                {
                  "optimal" : false,
                  "gap" : 0.25,
                  "totalCostIdr" : 2500000,
                  "penaltyIdr" : 2000000,
                  "paidTwiceIdr" : 500000,
                  "earliestDate" : "2026-03-01",
                  "uplinkReadyDate" : "2026-02-28",
                  "cutoversPerWeek" : 2,
                  "windows" : [ "SAT 07:00-13:00" ],
                  "waves" : [ {
                    "week" : "2026-03-02",
                    "number" : 1,
                    "pilot" : false,
                    "agencies" : [ {
                      "code" : "RSUD",
                      "name" : "Rumah Sakit Umum Daerah",
                      "cutoverDate" : "2026-03-07",
                      "window" : "07:00-13:00",
                      "critical" : true,
                      "criticalServices" : [ "SIMRS", "PACS" ],
                      "status" : "scheduled",
                      "costIdr" : 2500000,
                      "penaltyIdr" : 2000000,
                      "paidTwiceIdr" : 500000,
                      "reason" : "pilot wave: no critical service"
                    }, {
                      "code" : "DLH",
                      "name" : "Dinas Lingkungan Hidup",
                      "cutoverDate" : "2026-03-08",
                      "window" : null,
                      "critical" : false,
                      "criticalServices" : [ ],
                      "status" : "done",
                      "costIdr" : 0,
                      "penaltyIdr" : 0,
                      "paidTwiceIdr" : 0,
                      "reason" : ""
                    } ]
                  } ]
                }""");
        Runbook rb = new Runbook("DLH", "Dinas Lingkungan Hidup", LocalDate.of(2026, 3, 8), null, false,
                List.of(new RunbookSection(RunbookPhase.PREPARE, LocalDate.of(2026, 3, 1), List.of(
                        new ChecklistItem("prepare.notify", Text.of("reason.risk.pilot"), false),
                        new ChecklistItem("rollback.dns", Text.of("reason.shift.other"), true)))),
                List.of(), Text.of("reason.cost.none"));
        assertThat(Json.PRETTY.writeValueAsString(List.of(MigrateRunbookCommand.RunbookJson.of(rb, Locale.ENGLISH)))).isEqualTo("""
                [ {
                  "code" : "DLH",
                  "name" : "Dinas Lingkungan Hidup",
                  "cutoverDate" : "2026-03-08",
                  "window" : null,
                  "critical" : false,
                  "reason" : "no current subscription: no penalty and nothing paid twice",
                  "warnings" : [ ],
                  "sections" : [ {
                    "phase" : "prepare",
                    "title" : "Preparation (T-7)",
                    "due" : "2026-03-01",
                    "items" : [ {
                      "id" : "prepare.notify",
                      "criterion" : false,
                      "text" : "pilot wave: no critical service"
                    }, {
                      "id" : "rollback.dns",
                      "criterion" : true,
                      "text" : "moved so that every cutover fits the weekly quota and the risk rules"
                    } ]
                  } ]
                } ]""");
    }
}
