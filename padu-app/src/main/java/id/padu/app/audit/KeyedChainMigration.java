package id.padu.app.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration V45, in Java because it needs the audit key: the head gets {@code keyed_from}, the first
 * row whose hash is keyed (the next one: rows already written keep their SHA-256 hashes and verify
 * as before), and its seal. Done in the migration's transaction, before the server appends anything,
 * so the boundary is sealed from the start and no later start ever seals a head it did not write.
 */
@Component
class KeyedChainMigration implements JavaMigration {

    private final AuditChain.Key key;

    KeyedChainMigration(AuditChain.Key key) {
        this.key = key;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("45");
    }

    @Override
    public String getDescription() {
        return "audit keyed chain";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_head ADD COLUMN keyed_from BIGINT");
            s.execute("ALTER TABLE audit_head ADD COLUMN head_mac VARCHAR(64)");
        }
        long lastId;
        String lastHash;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_id, last_hash FROM audit_head WHERE id = 1")) {
            rs.next();
            lastId = rs.getLong(1);
            lastHash = rs.getString(2);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET keyed_from = ?, head_mac = ? WHERE id = 1")) {
            ps.setLong(1, lastId + 1);
            ps.setString(2, key.seal(lastId, lastHash, lastId + 1));
            ps.executeUpdate();
        }
    }
}
