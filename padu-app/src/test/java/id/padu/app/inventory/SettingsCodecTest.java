package id.padu.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.domain.MirPolicy;
import id.padu.domain.Settings;
import id.padu.plan.SettingOverrides;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The planning rules of settings.csv survive the inventory's storage as key/value rows. */
class SettingsCodecTest {

    @Test
    void thePlanningRulesAreStoredAndReadBack() throws Exception {
        Settings s = SettingOverrides.apply(Settings.DEFAULTS, Map.of("plan.broadband_share", "0.5", "plan.min_sla_pct", "99.5",
                "plan.min_cir_mbps", "2.5", "plan.mir", "3x", "plan.central_budget_idr", "1500000000"));
        Map<String, String> rows = SettingsCodec.toRows(s);
        assertThat(rows).containsEntry("plan.broadband_share", "0.5").containsEntry("plan.min_sla_pct", "99.5")
                .containsEntry("plan.min_cir_mbps", "2.5").containsEntry("plan.mir", "3x")
                .containsEntry("plan.central_budget_idr", "1500000000");
        Settings back = SettingsCodec.fromRows(rows);
        assertThat(back.broadbandShare()).isEqualTo(0.5);
        assertThat(back.minSlaPct()).isEqualTo(99.5);
        assertThat(back.minCirMbps()).isEqualTo(2.5);
        assertThat(back.mir()).isEqualTo(new MirPolicy(MirPolicy.Kind.MULTIPLE, 3));
        assertThat(back.centralBudgetIdr()).isEqualTo(1_500_000_000L);
        assertThat(back.raw()).isEmpty();
        // the defaults are not written, and read back as the defaults
        assertThat(SettingsCodec.toRows(Settings.DEFAULTS)).isEmpty();
        assertThat(SettingsCodec.fromRows(Map.of())).isEqualTo(Settings.DEFAULTS);
    }
}
