package id.padu.app.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padu.domain.UsageSeries;
import org.junit.jupiter.api.Test;

class UsagePackingTest {

    @Test
    void roundTripKeepsEveryValueAndMissingMarks() {
        long[] down = {0, 1, 127, 128, 16_383, 16_384, UsageSeries.MISSING, 950_000_000L, 40_000_000_000L, Long.MAX_VALUE - 1};
        long[] up = {5, UsageSeries.MISSING, 0, 1, 2, 3, 4, 5, 6, 7};
        byte[] packed = UsagePacking.pack(down, up, 0, down.length);
        long[] d = new long[down.length];
        long[] u = new long[up.length];
        UsagePacking.unpack(packed, down.length, d, u, 0);
        assertThat(d).containsExactly(down);
        assertThat(u).containsExactly(up);
    }

    @Test
    void aMissingSampleTakesOneByteAndOfficeRatesAboutFour() {
        long[] missing = new long[288];
        java.util.Arrays.fill(missing, UsageSeries.MISSING);
        assertThat(UsagePacking.pack(missing, missing, 0, 288)).hasSize(1 + 2 * 288);
        long[] rates = new long[288];
        java.util.Arrays.fill(rates, 50_000_000L);
        assertThat(UsagePacking.pack(rates, rates, 0, 288)).hasSize(1 + 2 * 288 * 4);
    }

    @Test
    void packsASliceOnly() {
        long[] down = {9, 8, 7, 6};
        long[] up = {1, 2, 3, 4};
        long[] d = new long[2];
        long[] u = new long[2];
        UsagePacking.unpack(UsagePacking.pack(down, up, 1, 2), 2, d, u, 0);
        assertThat(d).containsExactly(8, 7);
        assertThat(u).containsExactly(2, 3);
    }

    @Test
    void rejectsNegativeRatesOtherThanMissing() {
        assertThatThrownBy(() -> UsagePacking.pack(new long[] {-2}, new long[] {0}, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
