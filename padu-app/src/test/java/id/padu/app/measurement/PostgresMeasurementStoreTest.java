package id.padu.app.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.PostgresAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link MeasurementStoreContract} on a real PostgreSQL 17 server (embedded binaries). */
class PostgresMeasurementStoreTest extends PostgresAppTest implements MeasurementStoreContract {

    @Autowired
    ApplicationContext context;

    @Override
    public ApplicationContext context() {
        return context;
    }

    /** The PostgreSQL-only migration (db/vendor/postgresql/V23) left room on each page for in-place updates. */
    @Test
    void theMeasurementTableKeepsHalfOfEachPageFree() {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        List<String> options = jdbc.sql("SELECT unnest(reloptions) FROM pg_class WHERE relname = 'measurement'")
                .query(String.class).list();
        assertThat(options).contains("fillfactor=50");
    }
}
