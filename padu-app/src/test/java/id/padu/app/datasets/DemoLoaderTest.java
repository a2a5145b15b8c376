package id.padu.app.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.H2AppTest;
import id.padu.app.inventory.InventoryService;
import id.padu.app.shared.Formats;
import id.padu.demo.KotimDemo;
import id.padu.domain.Dataset;
import id.padu.domain.Wib;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What {@code padu demo} loads: the Kotawaringin Timur illustration, usage ending yesterday (WIB). */
class DemoLoaderTest extends H2AppTest {

    @Autowired
    InventoryService inventory;

    @Test
    void loadsTheDemoDatasetIntoStorage() throws Exception {
        new DemoLoader(inventory).run(null);
        Dataset stored = inventory.current();
        Dataset demo = KotimDemo.dataset(LocalDate.now(Wib.ZONE));
        assertThat(stored.agencies()).hasSameSizeAs(demo.agencies()).isNotEmpty();
        assertThat(stored.subscriptions()).hasSameSizeAs(demo.subscriptions());
        assertThat(stored.statusQuoAnnualIdr()).isEqualTo(demo.statusQuoAnnualIdr());
        assertThat(stored.usage().keySet()).isEqualTo(demo.usage().keySet());
    }
}
