package id.padu.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How arguments and apostrophes of a migration sentence come out, in both languages. */
class TextTest {

    @Test
    void anApostropheInTheEnglishTextIsPrintedOnceAndTheArgumentsAroundItAreFilledIn() {
        String s = Text.of("rb.prepare.nat", "www.kotim.go.id", "203.0.113.5").format(LanguageTags.EN);
        assertThat(s).startsWith("www.kotim.go.id is served at the old ISP's address 203.0.113.5: prepare NAT");
        assertThat(Text.of("rb.prepare.baseline", "DISKOMINFO").format(LanguageTags.EN))
                .contains("the traffic of DISKOMINFO on the old ISP, and a backup of the agency router's configuration.");
    }

    @Test
    void numbersArePlainDigitsDatesIsoAndMoneyPerLanguage() {
        // A year count of 1000 would read "1.000" (Bahasa Indonesia) or "1,000" through a number format.
        assertThat(Text.of("input.horizon", 1000).format(LanguageTags.EN))
                .isEqualTo("not enough cutover windows within 1000 years: check migrate.windows and migrate.blackouts");
        assertThat(Text.of("reason.cost.penalty.forced", new Text.Money(12_000_000), LocalDate.of(2026, 6, 30))
                .format(LanguageTags.ID)).contains("Rp 12.000.000").contains("2026-06-30");
        assertThat(Text.of("reason.cost.penalty.forced", new Text.Money(12_000_000), LocalDate.of(2026, 6, 30))
                .format(LanguageTags.EN)).isEqualTo("pays the penalty of Rp 12,000,000 (the contract ends on 2026-06-30)");
        assertThat(Text.of("input.agency.unknown", List.of("BKAD", "RSUD")).format(LanguageTags.EN))
                .isEqualTo("agency BKAD, RSUD is not in the schedule (not a central agency of the plan)");
    }
}
