package id.padu.app.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The retention settings as an operator writes them in application.properties. */
class MeasurementRetentionTest {

    static MeasurementRetention bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("padu.measurement.retention", MeasurementRetention.Properties.class).retention();
    }

    @Test
    void defaultsAreTwoWeeksOfMinutesAYearOfFiveMinutesAndHoursForever() {
        MeasurementRetention r = bind(Map.of());
        assertThat(r.of(Resolution.MINUTE)).contains(Duration.ofDays(14));
        assertThat(r.of(Resolution.FIVE_MINUTES)).contains(Duration.ofDays(365));
        assertThat(r.of(Resolution.HOUR)).isEmpty();
    }

    @Test
    void daysAndAnEmptyValueForForever() {
        MeasurementRetention r = bind(Map.of("padu.measurement.retention.minute", "3d",
                "padu.measurement.retention.five-minute", "", "padu.measurement.retention.hour", "730d"));
        assertThat(r.of(Resolution.MINUTE)).contains(Duration.ofDays(3));
        assertThat(r.of(Resolution.FIVE_MINUTES)).isEmpty();
        assertThat(r.of(Resolution.HOUR)).contains(Duration.ofDays(730));
        assertThat(bind(Map.of("padu.measurement.retention.minute", "36h")).of(Resolution.MINUTE)).contains(Duration.ofHours(36));
    }

    @Test
    void aMistypedRetentionIsRefusedNamingTheKey() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bind(Map.of("padu.measurement.retention.five-minute", "setahun")))
                .hasMessageContaining("padu.measurement.retention.five-minute").hasMessageContaining("setahun");
    }

    @Test
    void aRetentionIsWrittenLikeTheDurationsOfTheCli() {
        for (String text : id.padu.app.shared.DurationTextTest.ACCEPTED) {
            assertThat(bind(Map.of("padu.measurement.retention.minute", text)).of(Resolution.MINUTE)).as(text).isPresent();
        }
        assertThat(bind(Map.of("padu.measurement.retention.minute", "90")).of(Resolution.MINUTE)).contains(Duration.ofSeconds(90));
        for (String text : id.padu.app.shared.DurationTextTest.REFUSED) {
            if (!text.isBlank()) { // empty: kept forever
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> bind(Map.of("padu.measurement.retention.minute", text)))
                        .as(text).hasMessageContaining("padu.measurement.retention.minute").hasMessageContaining(text);
            }
        }
    }
}
