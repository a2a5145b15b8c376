package id.padu.app.alerts;

import id.padu.alert.Alert;
import id.padu.alert.AlertRule;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The alerts as Prometheus metrics, for teams that alert with their own Alertmanager:
 * {@code padu_alerts_open{rule}} (open alerts per rule, every rule present, 0 when none) and
 * {@code padu_alert_active{rule,agency,direction,subject}} (1 per open alert) and
 * {@code padu_alert_condition{rule,agency,direction,subject}} with the measured value of every
 * condition that held at the last evaluation (open or not yet), so a Prometheus rule can apply its
 * own "for:" instead of Padu's.
 */
@Component
class AlertMetrics {

    private final Map<AlertRule, AtomicLong> openPerRule = new EnumMap<>(AlertRule.class);
    private final MultiGauge active;
    private final MultiGauge condition;

    AlertMetrics(ObjectProvider<MeterRegistry> registry) {
        MeterRegistry m = registry.getIfAvailable();
        for (AlertRule r : AlertRule.values()) {
            AtomicLong n = new AtomicLong();
            openPerRule.put(r, n);
            if (m != null) {
                Gauge.builder("padu.alerts.open", n, AtomicLong::get).description("Open alerts of the rule")
                        .tags("rule", r.code()).register(m);
            }
        }
        active = m == null ? null : MultiGauge.builder("padu.alert.active").description("1 for each open alert").register(m);
        condition = m == null ? null : MultiGauge.builder("padu.alert.condition")
                .description("Measured value of each alert condition that held at the last evaluation (rule's unit)").register(m);
    }

    void update(List<AlertStore.Row> open, List<Alert> firing) {
        openPerRule.values().forEach(n -> n.set(0));
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (AlertStore.Row r : open) {
            AlertRule.of(r.rule()).ifPresent(rule -> openPerRule.get(rule).incrementAndGet());
            rows.add(MultiGauge.Row.of(tags(r.rule(), r.agency(), r.direction(), r.subject()), 1));
        }
        List<MultiGauge.Row<?>> conditions = new ArrayList<>();
        for (Alert a : firing) {
            conditions.add(MultiGauge.Row.of(tags(a.rule().code(), a.agency(),
                    a.direction() == null ? null : a.direction().name().toLowerCase(java.util.Locale.ROOT), a.subject()),
                    a.value()));
        }
        if (active != null) {
            active.register(rows, true);
            condition.register(conditions, true);
        }
    }

    private static Tags tags(String rule, String agency, String direction, String subject) {
        return Tags.of("rule", rule, "agency", agency == null ? "" : agency, "direction", direction == null ? "" : direction,
                "subject", subject == null ? "" : subject);
    }
}
