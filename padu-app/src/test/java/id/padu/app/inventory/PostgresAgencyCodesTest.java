package id.padu.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padu.app.PostgresAppTest;
import id.padu.app.security.Role;
import id.padu.app.security.UserAccounts;
import id.padu.domain.Agency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements of a rename and of the reference check in every module, on a real PostgreSQL
 * (AgencyRenameTest follows a whole agency's history on H2).
 */
class PostgresAgencyCodesTest extends PostgresAppTest {

    @Autowired
    InventoryService inventory;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRenameMovesTheRowsAndADeletionNamesWhatRefersToTheAgency() {
        inventory.createAgency(new Agency("PGLAMA", "Dinas Lama", null, null, null));
        accounts.create("op-pglama", "kode-lama-baru-2026", Role.AGENCY_OPERATOR, "PGLAMA");
        jdbc.sql("INSERT INTO bandwidth_request (agency_code, requested_by, down_cir_bps, down_mir_bps, up_cir_bps, up_mir_bps, "
                + "reason, status, created_at) VALUES ('PGLAMA', 'op-pglama', 1, 2, 1, 2, 'x', 'PENDING', CURRENT_TIMESTAMP)").update();
        jdbc.sql("INSERT INTO snmp_target (agency_code, host, port, snmp_version, interface_name, wan_direction, enabled, "
                + "updated_at) VALUES ('PGLAMA', '192.0.2.9', 161, '2c', 'wan0', 'in-is-down', FALSE, CURRENT_TIMESTAMP)").update();

        assertThatThrownBy(() -> inventory.deleteAgency("PGLAMA"))
                .isInstanceOf(InventoryException.Referenced.class)
                .hasMessageContaining("1 operator accounts (op-pglama)")
                .hasMessageContaining("1 bandwidth requests (#")
                .hasMessageContaining("1 SNMP targets (192.0.2.9:161 wan0)");

        inventory.updateAgency("PGLAMA", new Agency("PGBARU", "Dinas Lama", null, null, null));
        for (String table : List.of("app_user", "bandwidth_request", "snmp_target")) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE agency_code = 'PGLAMA'").query(Long.class).single())
                    .as(table).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE agency_code = 'PGBARU'").query(Long.class).single())
                    .as(table).isEqualTo(1);
        }
        inventory.createAgency(new Agency("PGLAMA", "Dinas Baru", null, null, null));
        inventory.deleteAgency("PGLAMA");
        assertThat(inventory.agency("PGLAMA")).isEmpty();
    }
}
