package id.padu.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.PostgresAppTest;
import id.padu.app.inventory.InventoryService;
import id.padu.app.usage.UsageStore;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link StorageContract} on a real PostgreSQL 17 server (embedded binaries). */
class PostgresStorageTest extends PostgresAppTest implements StorageContract {

    @Autowired
    InventoryService inventory;

    @Autowired
    UsageStore usage;

    @Autowired
    DataSource dataSource;

    @Override
    public InventoryService inventory() {
        return inventory;
    }

    @Override
    public UsageStore usage() {
        return usage;
    }

    @Test
    void runsOnPostgreSql() throws Exception {
        try (var c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
