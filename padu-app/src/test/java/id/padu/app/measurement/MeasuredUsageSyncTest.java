package id.padu.app.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.audit.AuditLog;
import id.padu.app.inventory.InventoryService;
import id.padu.app.usage.UsageStore;
import id.padu.domain.UsageSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The daily sync makes every measured agency's last days its usage, as the page's button does,
 * leaves usage on another grid alone, and can run twice without counting anything twice.
 */
class MeasuredUsageSyncTest extends MeasurementWebTest {

    @Autowired
    MeasurementStore store;

    @Autowired
    MeasuredBaseline baseline;

    @Autowired
    MeasuredSeries series;

    @Autowired
    InventoryService inventory;

    @Autowired
    UsageStore usage;

    @Autowired
    AuditLog audit;

    @Test
    void measuredAgenciesGetTheirLastDaysAsUsageAndOthersAreLeftAlone() {
        agenciesWithOperator("op-syna", "operator-sinkron-2026", "SYNA", "SYNB", "SYNC");
        // an hour of SNMP minutes for SYNA and SYNB, ending at least ten minutes ago, 6 Mbit/s down
        long start = (Instant.now().getEpochSecond() / 300 - 14) * 300;
        List<MinuteUsage> minutes = new ArrayList<>();
        for (String agency : List.of("SYNA", "SYNB")) {
            for (int m = 0; m < 60; m++) {
                minutes.add(new MinuteUsage(agency, MeasurementSource.SNMP, start + m * 60L, 45_000_000L, 4_500_000L, 60));
            }
        }
        sink.record(minutes);
        // SYNB's usage was imported every 15 minutes: writing 5-minute intervals would replace it all
        long day = (Instant.now().getEpochSecond() / 86_400 - 30) * 86_400;
        long[] quarterHours = new long[96];
        Arrays.fill(quarterHours, 2_000_000L);
        usage.write(new UsageSeries("SYNB", day, 900, quarterHours, quarterHours.clone()));

        MeasuredUsageSync sync = new MeasuredUsageSync(true, 2, store, baseline, series);
        for (int run = 1; run <= 2; run++) {
            MeasuredUsageSync.Result r = sync.run();
            assertThat(r.written()).as("run %d", run).contains("SYNA").doesNotContain("SYNB", "SYNC");
            assertThat(r.otherGrid()).as("run %d", run).contains("SYNB").doesNotContain("SYNA", "SYNC");

            UsageSeries a = inventory.current().usage().get("SYNA");
            assertThat(a.stepSeconds()).isEqualTo(300);
            int first = (int) ((start - a.startEpochSecond()) / 300);
            for (int i = 0; i < 12; i++) {
                assertThat(a.downBps()[first + i]).as("run %d, interval %d", run, i).isEqualTo(6_000_000L);
                assertThat(a.upBps()[first + i]).isEqualTo(600_000L);
            }
            UsageSeries b = inventory.current().usage().get("SYNB");
            assertThat(b.stepSeconds()).isEqualTo(900);
            assertThat(b.size()).isEqualTo(96);
            assertThat(inventory.current().usage().get("SYNC")).isNull();
        }
        assertThat(audit.latest(50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("usage.fromMeasurements");
            assertThat(e.key()).isEqualTo("SYNA");
            assertThat(e.actor()).isEqualTo(MeasuredUsageSync.ACTOR);
        });
    }

    @Autowired
    MeasuredUsageSync serversSync;

    /** Without padu.measurement.usage-sync.enabled the server's job writes nothing. */
    @Test
    void offByDefault() {
        assertThat(serversSync.enabled()).isFalse();
        MeasuredUsageSync off = new MeasuredUsageSync(false, 2, store, baseline, series);
        long before = inventory.version();
        off.daily();
        assertThat(inventory.version()).isEqualTo(before);
    }
}
