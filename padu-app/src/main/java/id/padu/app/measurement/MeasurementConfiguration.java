package id.padu.app.measurement;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduling for the retention purge (and for the collectors' own timers). Only the server's
 * Spring context sees this: the command line starts Spring for {@code serve} and {@code demo} only,
 * so no other command ever runs a scheduled task.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(MeasurementRetention.Properties.class)
class MeasurementConfiguration {

    @Bean
    MeasurementRetention measurementRetention(MeasurementRetention.Properties properties) {
        return properties.retention();
    }
}
