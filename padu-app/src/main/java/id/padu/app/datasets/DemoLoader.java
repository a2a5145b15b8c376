package id.padu.app.datasets;

import id.padu.app.inventory.InventoryService;
import id.padu.app.shared.Formats;
import id.padu.demo.KotimDemo;
import id.padu.domain.Wib;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code padu demo}: loads the built-in Kotawaringin Timur illustration (usage ending yesterday
 * in WIB) into the fresh demo data folder before the server reports itself ready.
 */
@Component
@ConditionalOnProperty(name = "padu.demo", havingValue = "true")
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final InventoryService inventory;

    DemoLoader(InventoryService inventory) {
        this.inventory = inventory;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = LocalDate.now(Wib.ZONE);
        long t0 = System.nanoTime();
        inventory.replace(KotimDemo.dataset(today));
        log.info("Demo: {} loaded ({} agencies) in {} ms", KotimDemo.TITLE, inventory.agencies().size(),
                (System.nanoTime() - t0) / 1_000_000);
    }
}
