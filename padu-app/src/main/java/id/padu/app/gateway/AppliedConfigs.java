package id.padu.app.gateway;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import id.padu.app.audit.AuditableChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code gateway_config} table: configurations marked as applied, newest last per target. */
@Repository
class AppliedConfigs {

    record Applied(long id, Target target, String options, String content, String planJson, String createdBy, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    AppliedConfigs(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Records a configuration as applied; the audit log gets the previous and the new content. */
    @Transactional
    void markApplied(Target target, String options, String content, String planJson, String user, Instant at) {
        java.util.Map<String, String> before = lastApplied(target)
                .map(a -> java.util.Map.of("options", a.options() == null ? "" : a.options(), "content", a.content()))
                .orElse(null);
        jdbc.sql("""
                INSERT INTO gateway_config (target, options, content, plan_json, created_by, created_at, applied)
                VALUES (?, ?, ?, ?, ?, ?, TRUE)""")
                .params(target.code, options, content, planJson, user, Timestamp.from(at))
                .update();
        events.publishEvent(new AuditableChange("gateway.config.apply", "gateway_config", target.code,
                before,
                java.util.Map.of("options", options == null ? "" : options, "content", content)));
    }

    Optional<Applied> lastApplied(Target target) {
        return jdbc.sql("""
                SELECT id, target, options, content, plan_json, created_by, created_at FROM gateway_config
                WHERE target = ? AND applied ORDER BY created_at DESC, id DESC LIMIT 1""")
                .param(target.code)
                .query((rs, n) -> new Applied(rs.getLong(1), Target.fromCode(rs.getString(2)).orElseThrow(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list().stream().findFirst();
    }

    /** The newest applied configuration of any target (its plan is what the gateway enforces). */
    Optional<Applied> newestApplied() {
        return List.of(Target.values()).stream().map(this::lastApplied).flatMap(Optional::stream)
                .max(java.util.Comparator.comparing(Applied::createdAt).thenComparingLong(Applied::id));
    }
}
