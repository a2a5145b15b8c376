package id.padu.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The usage rows every writer of usage.csv produces, and that the dataset reader reads back. */
class UsageCsvWriterTest {

    @Test
    void rowsCarryTheStepStartAtWibLikeIsoOffsetTimes() {
        UsageCsvWriter usage = new UsageCsvWriter();
        assertThat(UsageCsvWriter.HEADER).isEqualTo("agency,time,down_bps,up_bps");
        assertThat(usage.line("DINKES", 1_764_288_000L, 8_000_000, 1_000_000))
                .isEqualTo("DINKES,2025-11-28T07:00:00+07:00,8000000,1000000");
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        ZoneId jakarta = ZoneId.of("Asia/Jakarta");
        Random random = new Random(7);
        long t = 0;
        for (int i = 0; i < 20_000; i++) {
            // mostly steps of a day or less (the cached date), sometimes a jump of years
            t = i % 100 == 0 ? random.nextLong(4_102_444_800L) : t + random.nextInt(86_400);
            assertThat(usage.time(t)).isEqualTo(iso.format(Instant.ofEpochSecond(t).atZone(jakarta).toOffsetDateTime()));
        }
    }

    @Test
    void anAgencyCellThatHoldsASeparatorIsQuotedAsTheReaderExpects() {
        assertThat(new UsageCsvWriter().line("A;B", 0, 1, 2)).isEqualTo("\"A;B\",1970-01-01T07:00:00+07:00,1,2");
        assertThat(CsvTable.cell("say \"hi\", then")).isEqualTo("\"say \"\"hi\"\", then\"");
        assertThat(CsvTable.cell("")).isEmpty();
    }
}
