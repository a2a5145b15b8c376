package id.padu.migration;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.domain.Rupiah;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CutoverCostTest {

    @Test
    void paidTwiceIsProRataByDay() {
        assertThat(CutoverCost.paidTwice(3_650_000, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 11))).isEqualTo(1_200_000);
        assertThat(CutoverCost.paidTwice(3_650_000, LocalDate.of(2027, 1, 11), LocalDate.of(2027, 1, 1))).isZero();
    }

    @Test
    void theLargestAmountOverFiftyYearsDoesNotOverflow() {
        // Issue 19: Rp 10^15 x 12 x 18,263 days is 2.2 x 10^20, beyond a long; the result is not.
        assertThat(CutoverCost.paidTwice(Rupiah.MAX_IDR, LocalDate.of(2027, 1, 1), LocalDate.of(2077, 1, 1)))
                .isEqualTo(600_427_397_260_273_972L);
    }
}
