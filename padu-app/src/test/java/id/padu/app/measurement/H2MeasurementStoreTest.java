package id.padu.app.measurement;

import id.padu.app.H2AppTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link MeasurementStoreContract} on H2 (file database, as in production). */
class H2MeasurementStoreTest extends H2AppTest implements MeasurementStoreContract {

    @Autowired
    MeasurementStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry registry;

    @Autowired
    MeasurementRetention retention;

    @Autowired
    javax.sql.DataSource dataSource;

    @Override
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    @Override
    public MeasurementStore store() {
        return store;
    }

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public MeasurementRetention retention() {
        return retention;
    }
}
