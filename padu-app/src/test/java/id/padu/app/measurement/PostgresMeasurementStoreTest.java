package id.padu.app.measurement;

import id.padu.app.PostgresAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** {@link MeasurementStoreContract} on a real PostgreSQL 17 server (embedded binaries). */
class PostgresMeasurementStoreTest extends PostgresAppTest implements MeasurementStoreContract {

    @Autowired
    ApplicationContext context;

    @Override
    public ApplicationContext context() {
        return context;
    }
}
