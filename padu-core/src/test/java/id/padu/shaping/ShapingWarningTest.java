package id.padu.shaping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A warning reads in the operator's language, with bit rates in plain digits as in the rendered file. */
class ShapingWarningTest {

    @Test
    void bitRatesArePlainDigitsInBothLanguages() {
        ShapingWarning w = ShapingWarning.of("shape.warn.mirAboveCapacity", "BKAD", "down", 150_000_000L, 100_000_000L);
        assertThat(w.message(Locale.ENGLISH)).isEqualTo(
                "MIR of BKAD down (150000000 bps) is above the uplink capacity (100000000 bps); capped to the capacity");
        assertThat(w.message(Locale.forLanguageTag("id"))).isEqualTo(
                "MIR BKAD arah down (150000000 bps) melebihi kapasitas uplink (100000000 bps); dibatasi ke kapasitas");
    }
}
