package id.padu.migration;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.domain.Priority;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RunbookGeneratorTest {

    static final LocalDate MON = LocalDate.of(2026, 6, 1);

    static String text(RunbookSection s, Locale l) {
        return s.items().stream().map(i -> i.text().format(l)).collect(Collectors.joining("\n"));
    }

    @Test
    void runbookFollowsTheServicesAndNetworkFactsOfTheAgency() {
        Fixture f = new Fixture(MON, MON);
        f.agency("DISDUKCAPIL", 2_000_000, LocalDate.of(2026, 9, 30), 1_000_000);
        f.service("DISDUKCAPIL", "SIAK", Priority.CRITICAL, "siak.kotimkab.go.id", "203.0.113.10");
        f.service("DISDUKCAPIL", "Antrean", Priority.NORMAL, "antrean.kotimkab.go.id", null);
        f.service("DISDUKCAPIL", "CCTV", Priority.LOW, null, "203.0.113.11");
        f.service("DISDUKCAPIL", "Arsip", Priority.LOW, null, null);
        Cutover c = f.schedule().cutover("DISDUKCAPIL").orElseThrow();
        Runbook rb = RunbookGenerator.of(f.dataset(), f.plan(), c);
        Locale id = LanguageTags.ID;
        Locale en = LanguageTags.EN;

        RunbookSection prep = rb.section(RunbookPhase.PREPARE);
        assertThat(prep.due()).isEqualTo(c.date().minusDays(7));
        assertThat(text(prep, id))
                .contains("Catat TTL DNS siak.kotimkab.go.id (SIAK) saat ini, lalu turunkan ke 300 detik paling lambat " + c.date().minusDays(7))
                .contains("TTL DNS antrean.kotimkab.go.id")
                .contains("SIAK dilayani di alamat ISP lama 203.0.113.10: siapkan NAT")
                .contains("RFC 4192")
                .contains("CCTV diakses langsung lewat 203.0.113.11")
                .contains("Pastikan prefix 10.0.0.0/24 masuk kelas shaping DISDUKCAPIL")
                .contains("CIR 10 Mbps / 5 Mbps, MIR 20 Mbps / 20 Mbps");
        assertThat(text(prep, en)).contains("lower it to 300 seconds by " + c.date().minusDays(7))
                .contains("prepare NAT on the central gateway");
        assertThat(rb.warnings()).extracting(t -> t.format(en)).containsExactly("service Arsip has neither a hostname nor a public address");

        RunbookSection verify = rb.section(RunbookPhase.VERIFY);
        assertThat(text(verify, en))
                .contains("siak.kotimkab.go.id (SIAK) is reachable from outside")
                .contains("antrean.kotimkab.go.id (Antrean) is reachable from outside")
                .contains("CCTV is reachable from outside at its new address")
                .contains("Traffic of DISDUKCAPIL shows in the gateway class counters for prefixes 10.0.0.0/24")
                .contains("rate (CIR) 10 Mbps / 5 Mbps and ceil (MIR) 20 Mbps / 20 Mbps");

        RunbookSection rollback = rb.section(RunbookPhase.ROLLBACK);
        List<ChecklistItem> criteria = rollback.items().stream().filter(ChecklistItem::criterion).toList();
        assertThat(criteria).extracting(i -> i.text().format(id)).anyMatch(t -> t.startsWith("Layanan kritis (SIAK) tidak terjangkau"))
                .anyMatch(t -> t.contains("Verifikasi belum lulus pada pukul 12:00 WIB"));
        assertThat(text(rollback, en)).contains("Point the DNS record of siak.kotimkab.go.id back to 203.0.113.10")
                .contains("Point the DNS record of antrean.kotimkab.go.id back to the previous address")
                .contains("Move the default route of DISDUKCAPIL back to the old ISP (ISP-DISDUKCAPIL Dedicated 20)");

        RunbookSection signOff = rb.section(RunbookPhase.SIGN_OFF);
        assertThat(text(signOff, id)).contains("Akhiri langganan ISP-DISDUKCAPIL Dedicated 20: denda Rp 1.000.000 (kontrak berakhir 2026-09-30)")
                .contains("Naikkan kembali TTL DNS siak.kotimkab.go.id, antrean.kotimkab.go.id");
        assertThat(rb.reason().format(id)).startsWith("Alasan tanggal: denda Rp 1.000.000 lebih murah");
        assertThat(rb.sections().stream().flatMap(s -> s.items().stream()).map(ChecklistItem::id).distinct().count())
                .isEqualTo(rb.sections().stream().mapToLong(s -> s.items().size()).sum());
    }

    @Test
    void anAgencyWithoutPrefixesOrServicesGetsAWarningAndNoServiceSteps() {
        Fixture f = new Fixture(MON, MON);
        f.agency("KEC-BAAMANG", 500_000, null, 0);
        Fixture g = new Fixture(MON, MON);
        g.agencies.add(new id.padu.domain.Agency("KEC-BAAMANG", "Kecamatan Baamang", null, null, List.of()));
        g.subscriptions.addAll(f.subscriptions);
        Cutover c = g.schedule().cutover("KEC-BAAMANG").orElseThrow();
        Runbook rb = RunbookGenerator.of(g.dataset(), g.plan(), c);
        assertThat(rb.warnings()).extracting(t -> t.format(LanguageTags.ID)).containsExactly("KEC-BAAMANG tanpa prefix di agencies.csv");
        assertThat(text(rb.section(RunbookPhase.PREPARE), LanguageTags.ID)).contains("KEC-BAAMANG belum punya prefix").doesNotContain("TTL");
        assertThat(rb.section(RunbookPhase.ROLLBACK).items()).filteredOn(ChecklistItem::criterion)
                .noneMatch(i -> i.id().equals("rollback.when.critical"));
        assertThat(text(rb.section(RunbookPhase.SIGN_OFF), LanguageTags.EN)).contains("End the subscription ISP-KEC-BAAMANG Dedicated 20: no penalty.");
    }
}
