package id.padu.app;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The app's packages form Spring Modulith modules without cycles or reaching into internals. */
class ModularityTest {

    @Test
    void modulesAreWellFormed() {
        ApplicationModules.of(PaduApplication.class).verify();
    }
}
