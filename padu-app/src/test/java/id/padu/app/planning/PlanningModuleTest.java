package id.padu.app.planning;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.audit.AuditableChange;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import java.time.Duration;
import id.padu.app.inventory.InventoryService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;

/**
 * The planning module started with only the modules it depends on (inventory and, through it,
 * usage; shared), none of the others: a run handed to the one planner queue stores its scenario and tells the audit log, so
 * the module's wiring does not lean on beans of modules it does not name.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = {
        "padu.data-dir=target/test-data/planning-module",
        "spring.datasource.url=jdbc:h2:mem:planning-module-${random.uuid};DB_CLOSE_DELAY=-1",
        "padu.admin-password=planning-module-secret",
        "logging.level.org.flywaydb=warn"
})
class PlanningModuleTest {

    @Autowired
    InventoryService inventory;

    @Autowired
    PlanRuns runs;

    @Autowired
    ScenarioRepository scenarios;

    /** What planning told the audit module; audit itself is not started here (planning only publishes to it). */
    @TestConfiguration
    static class AuditEvents {
        final List<AuditableChange> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(AuditableChange change) {
            seen.add(change);
        }
    }

    @Autowired
    AuditEvents audit;

    private volatile String lastRun;

    @Test
    @WithMockUser(username = "perencana", roles = "ADMIN")
    void aRunThroughThePlannerQueueStoresItsScenarioAndIsAudited(Scenario scenario) {
        inventory.replace(PlanningTest.data());
        scenario.stimulate(() -> {
                    try {
                        lastRun = runs.submit("Uji modul", Map.of("plan.scope", "optimize"), "perencana", 5).id();
                    } catch (PlanSettings.Invalid e) {
                        throw new AssertionError(e);
                    }
                })
                .andWaitAtMost(Duration.ofMinutes(2))
                .andWaitForStateChange(() -> runs.get(lastRun), r -> r != null
                        && (r.status() == PlanRuns.Status.DONE || r.status() == PlanRuns.Status.FAILED))
                .andVerify(done -> {
                    assertThat(done.status()).as(done.errorEn()).isEqualTo(PlanRuns.Status.DONE);
                    AuditableChange change = audit.seen.stream().filter(e -> e.action().equals("plan.scenario.create"))
                            .findFirst().orElseThrow();
                    assertThat(change.key()).isEqualTo(Long.toString(done.scenarioId()));
                    assertThat(scenarios.find(done.scenarioId()))
                            .hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("Uji modul"));
                });
    }
}
