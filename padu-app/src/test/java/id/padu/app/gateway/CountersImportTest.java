package id.padu.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padu.domain.UsageSeries;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountersImportTest {

    @Test
    void rowsBecomeOneSeriesPerAgencyWithGapsMissing() throws Exception {
        List<UsageSeries> s = CountersImport.parse("""
                agency,time,down_bps,up_bps
                RSUD,2026-11-28T08:00:00+07:00,1000,10
                DISKOMINFO,2026-11-28T08:00:00+07:00,5000,50
                RSUD,2026-11-28T08:03:00+07:00,4000,40
                RSUD,2026-11-28T08:01:00+07:00,2000,20
                """);
        assertThat(s).extracting(UsageSeries::agency).containsExactly("DISKOMINFO", "RSUD");
        UsageSeries rsud = s.get(1);
        assertThat(rsud.stepSeconds()).isEqualTo(60);
        assertThat(rsud.startEpochSecond()).isEqualTo(OffsetDateTime.parse("2026-11-28T08:00:00+07:00").toEpochSecond());
        assertThat(rsud.downBps()).containsExactly(1000, 2000, UsageSeries.MISSING, 4000);
        assertThat(rsud.upBps()).containsExactly(10, 20, UsageSeries.MISSING, 40);
        assertThat(s.get(0).stepSeconds()).isEqualTo(CountersImport.DEFAULT_STEP);
    }

    @Test
    void badTimeNamesLineFieldAndValue() {
        assertThatThrownBy(() -> CountersImport.parse("agency,time,down_bps,up_bps\nRSUD,2026-11-28 08:00,1,1\n"))
                .isInstanceOfSatisfying(CountersImport.CountersException.class, e -> {
                    assertThat(e.line).isEqualTo(2);
                    assertThat(e.field).isEqualTo("time");
                    assertThat(e.value).isEqualTo("2026-11-28 08:00");
                });
    }

    @Test
    void negativeRateAndMissingColumnAndOffGridAreRefused() {
        assertThatThrownBy(() -> CountersImport.parse("agency,time,down_bps,up_bps\nRSUD,2026-11-28T08:00:00+07:00,1,-5\n"))
                .isInstanceOfSatisfying(CountersImport.CountersException.class, e -> assertThat(e.field).isEqualTo("up_bps"));
        // issue 19: above 1 Tbit/s (a sum of such rates would overflow)
        assertThatThrownBy(() -> CountersImport.parse("agency,time,down_bps,up_bps\nRSUD,2026-11-28T08:00:00+07:00,1000000000001,1\n"))
                .isInstanceOfSatisfying(CountersImport.CountersException.class, e -> {
                    assertThat(e.field).isEqualTo("down_bps");
                    assertThat(e.key).isEqualTo("gw.counters.rateTooLarge");
                });
        assertThatThrownBy(() -> CountersImport.parse("agency,time,down_bps\nRSUD,2026-11-28T08:00:00+07:00,1\n"))
                .isInstanceOfSatisfying(CountersImport.CountersException.class, e -> assertThat(e.field).isEqualTo("up_bps"));
        assertThatThrownBy(() -> CountersImport.parse("""
                agency,time,down_bps,up_bps
                RSUD,2026-11-28T08:00:00+07:00,1,1
                RSUD,2026-11-28T08:05:00+07:00,1,1
                RSUD,2026-11-28T08:07:00+07:00,1,1
                """)).isInstanceOfSatisfying(CountersImport.CountersException.class, e -> {
                    assertThat(e.key).isEqualTo("gw.counters.offGrid");
                    assertThat(e.line).isEqualTo(3);
                });
    }

    @Test
    void countersSavedByExcelWithSemicolonsImportLikeCommaOnes() throws Exception {
        String comma = "agency,time,down_bps,up_bps\nRSUD,2026-11-28T08:00:00+07:00,1000,10\nRSUD,2026-11-28T08:05:00+07:00,2000,20\n";
        List<UsageSeries> fromComma = CountersImport.parse(comma);
        List<UsageSeries> fromSemicolon = CountersImport.parse("\uFEFF" + comma.replace(',', ';').replace("\n", "\r\n"));
        assertThat(fromSemicolon).hasSize(1);
        assertThat(fromSemicolon.get(0).stepSeconds()).isEqualTo(300);
        assertThat(fromSemicolon.get(0).downBps()).containsExactly(fromComma.get(0).downBps());
        assertThatThrownBy(() -> CountersImport.parse("agency;time;down_bps;up_bps\nRSUD;2026-11-28T08:00:00+07:00;1;x\n"))
                .isInstanceOfSatisfying(CountersImport.CountersException.class, e -> {
                    assertThat(e.line).isEqualTo(2);
                    assertThat(e.field).isEqualTo("up_bps");
                    assertThat(e.value).isEqualTo("x");
                });
    }

    @Test
    void countersThatAreNoCsvNameTheLineAndSayWhyInTheUsersLanguage() {
        assertThatThrownBy(() -> CountersImport.parse("agency,time,down_bps,up_bps\n\"RSUD,2026-11-28T08:00:00+07:00,1,1\n"))
                .isInstanceOfSatisfying(CountersImport.CountersException.class, e -> {
                    assertThat(e.line).isEqualTo(2);
                    org.springframework.context.support.StaticMessageSource none =
                            new org.springframework.context.support.StaticMessageSource();
                    assertThat(e.reason(none, java.util.Locale.ENGLISH)).isEqualTo("a quote opened on this line is never closed");
                    assertThat(e.reason(none, java.util.Locale.forLanguageTag("id")))
                            .isEqualTo("tanda kutip yang dibuka di baris ini tidak pernah ditutup");
                });
    }
}
