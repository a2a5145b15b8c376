package id.padu.app.measurement;

import id.padu.app.H2AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** {@link MeasurementStoreContract} on H2 (file database, as in production). */
class H2MeasurementStoreTest extends H2AppTest implements MeasurementStoreContract {

    @Autowired
    ApplicationContext context;

    @Override
    public ApplicationContext context() {
        return context;
    }
}
