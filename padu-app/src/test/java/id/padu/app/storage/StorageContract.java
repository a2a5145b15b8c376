package id.padu.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padu.app.Fixtures;
import id.padu.app.inventory.InventoryService;
import id.padu.app.usage.UsageStore;
import id.padu.domain.Agency;
import id.padu.domain.AgencyKind;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Dataset;
import id.padu.domain.Priority;
import id.padu.domain.Rupiah;
import id.padu.domain.Settings;
import id.padu.domain.Subscription;
import id.padu.domain.UsageSeries;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What storage must do, whatever the database: run by {@link H2StorageTest} and
 * {@link PostgresStorageTest} against the same Flyway migrations.
 */
interface StorageContract {

    InventoryService inventory();

    UsageStore usage();

    @Test
    default void replaceThenCurrentGivesTheSameDataset() {
        Dataset d = Fixtures.small();
        inventory().replace(d);
        assertSameDataset(inventory().current(), d);
    }

    @Test
    default void replaceRemovesWhatTheNewDatasetDoesNotHave() {
        inventory().replace(Fixtures.small());
        Dataset one = new Dataset(List.of(new Agency("DINKES", "Dinas Kesehatan", AgencyKind.DINAS, null, null)),
                List.of(), null, null, null, null, null);
        inventory().replace(one);
        Dataset now = inventory().current();
        assertThat(now.agencies()).extracting(Agency::code).containsExactly("DINKES");
        assertThat(now.subscriptions()).isEmpty();
        assertThat(now.usage()).isEmpty();
        assertThat(now.hasLinksFile()).isFalse();
        assertThat(now.settings().quantile()).isEqualTo(Settings.DEFAULTS.quantile());
    }

    @Test
    default void mergeReplacesRowsWithTheSameKeyAndKeepsTheOthers() {
        inventory().replace(Fixtures.small());
        Dataset update = new Dataset(
                List.of(new Agency("RSUD", "RSUD dr. Murjani Sampit", AgencyKind.RSUD, Priority.CRITICAL, null),
                        new Agency("DINKES", "Dinas Kesehatan", AgencyKind.DINAS, null, null)),
                List.of(new Subscription("RSUD", "Telkom", "IndiHome 100", ConnectionKind.BROADBAND, BitRate.ofMbps(100),
                        BitRate.ofMbps(30), Rupiah.of(950_000), null, null, null, null)),
                null, null, null,
                Map.of("RSUD", Fixtures.series("RSUD", Fixtures.USAGE_START + 288 * 300L, 288 * 2, 3)),
                Fixtures.small().settings());
        inventory().merge(update);
        Dataset now = inventory().current();
        assertThat(now.agencies()).extracting(Agency::code).containsExactly("DINKES", "DISKOMINFO", "KEC-BAAMANG", "RSUD");
        assertThat(now.agency("RSUD").orElseThrow().name()).isEqualTo("RSUD dr. Murjani Sampit");
        assertThat(now.subscriptionsOf("RSUD")).extracting(Subscription::product, s -> s.monthlyCost().value())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("IndiHome 100", 950_000L),
                        org.assertj.core.groups.Tuple.tuple("Iconnet 100", 427_000L));
        assertThat(now.subscriptionsOf("DISKOMINFO")).hasSize(1);
        assertThat(now.hasLinksFile()).isTrue();
        assertThat(now.links()).hasSize(2);
        // Usage: day 1 from the original, days 2 and 3 from the merge (its measured samples win).
        UsageSeries rsud = now.usageOf("RSUD").orElseThrow();
        UsageSeries original = Fixtures.small().usageOf("RSUD").orElseThrow();
        UsageSeries merged = update.usageOf("RSUD").orElseThrow();
        assertThat(rsud.startEpochSecond()).isEqualTo(Fixtures.USAGE_START);
        assertThat(rsud.size()).isEqualTo(288 * 3);
        assertThat(rsud.downBps()[10]).isEqualTo(original.downBps()[10]);
        assertThat(rsud.downBps()[288 + 10]).isEqualTo(merged.downBps()[10]);
        // A step missing in the merged series keeps the stored value.
        assertThat(merged.downBps()[5]).isEqualTo(UsageSeries.MISSING);
        assertThat(rsud.downBps()[288 + 5]).isEqualTo(original.downBps()[288 + 5]);
        assertThat(rsud.downBps()[3 * 288 - 1]).isEqualTo(UsageSeries.MISSING);
    }

    @Test
    default void aFailedReplaceLeavesTheStoredDataUnchanged() {
        inventory().replace(Fixtures.small());
        Dataset before = inventory().current();
        // Usage for an agency the dataset does not define fails after the agencies were written.
        Dataset broken = new Dataset(List.of(new Agency("X", "X", null, null, null)), List.of(), null, null, null,
                Map.of("GHOST", Fixtures.series("GHOST", Fixtures.USAGE_START, 10, 1)), null);
        assertThatThrownBy(() -> inventory().replace(broken)).isInstanceOf(IllegalArgumentException.class);
        assertSameDataset(inventory().current(), before);
    }

    @Test
    default void aRangeQueryReturnsOnlyTheRangeAtTheNativeStep() {
        inventory().replace(Fixtures.small());
        Instant from = OffsetDateTime.parse("2025-03-03T12:00:00+07:00").toInstant();
        Instant to = OffsetDateTime.parse("2025-03-04T06:00:00+07:00").toInstant();
        UsageSeries s = usage().read("DISKOMINFO", from, to).orElseThrow();
        assertThat(s.start()).isEqualTo(from);
        assertThat(s.stepSeconds()).isEqualTo(300);
        assertThat(s.size()).isEqualTo(18 * 12);
        UsageSeries all = Fixtures.small().usageOf("DISKOMINFO").orElseThrow();
        int offset = (int) ((from.getEpochSecond() - all.startEpochSecond()) / 300);
        assertThat(s.downBps()).isEqualTo(Arrays.copyOfRange(all.downBps(), offset, offset + s.size()));
        assertThat(s.upBps()).isEqualTo(Arrays.copyOfRange(all.upBps(), offset, offset + s.size()));
        assertThat(usage().read("NOPE", from, to)).isEmpty();
    }

    @Test
    default void anotherStepReplacesTheAgencysSeries() {
        inventory().replace(Fixtures.small());
        long start = Fixtures.USAGE_START + 86_400L * 10;
        UsageSeries hourly = new UsageSeries("RSUD", start, 3600, new long[] {1, 2, 3}, new long[] {4, 5, 6});
        usage().write(hourly);
        UsageSeries now = usage().readAll().get("RSUD");
        assertThat(now.stepSeconds()).isEqualTo(3600);
        assertThat(now.startEpochSecond()).isEqualTo(start);
        assertThat(now.downBps()).containsExactly(1, 2, 3);
        assertThat(now.upBps()).containsExactly(4, 5, 6);
    }

    /** What a caller asks before overlaying: would this series replace the agency's whole usage? */
    @Test
    default void aSeriesOffTheStoredGridIsNamedBeforeItReplacesAnything() {
        inventory().replace(Fixtures.small()); // 5-minute usage from USAGE_START
        long onGrid = Fixtures.USAGE_START + 86_400L * 3;
        assertThat(usage().stepIfOtherGrid("RSUD", 300, onGrid)).isEmpty();
        assertThat(usage().stepIfOtherGrid("RSUD", 300, onGrid + 60)).hasValue(300); // shifted by a minute
        assertThat(usage().stepIfOtherGrid("RSUD", 900, onGrid)).hasValue(300);
        assertThat(usage().stepIfOtherGrid("NOPE", 300, onGrid)).isEmpty();
    }

    private static void assertSameDataset(Dataset actual, Dataset expected) {
        Fixtures.assertSameDataset(actual, expected);
    }
}
