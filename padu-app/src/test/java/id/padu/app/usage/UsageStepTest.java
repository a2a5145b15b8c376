package id.padu.app.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padu.app.shared.DurationTextTest;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/** {@code GET /api/usage/{code}?step=} takes the durations of the CLI options, in whole seconds. */
class UsageStepTest {

    @Test
    void theStepIsWrittenLikeEveryOtherDuration() {
        assertThat(UsageApiController.stepSeconds("7d")).isEqualTo(7 * 86_400);
        assertThat(UsageApiController.stepSeconds("90")).isEqualTo(90);
        for (String text : DurationTextTest.ACCEPTED) {
            assertThat(UsageApiController.stepSeconds(text)).as(text).isPositive();
        }
        for (String text : DurationTextTest.REFUSED) {
            assertThatThrownBy(() -> UsageApiController.stepSeconds(text)).as(text).isInstanceOf(ErrorResponseException.class);
        }
        assertThatThrownBy(() -> UsageApiController.stepSeconds("1500ms")).isInstanceOf(ErrorResponseException.class);
        assertThatThrownBy(() -> UsageApiController.stepSeconds("367d")).isInstanceOf(ErrorResponseException.class);
    }
}
