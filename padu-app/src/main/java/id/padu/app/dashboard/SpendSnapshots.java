package id.padu.app.dashboard;

import id.padu.app.inventory.InventoryService;
import id.padu.app.shared.Formats;
import id.padu.domain.Wib;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The analysis of the stored data, computed once per data version and day (the contract
 * calendar counts from today in WIB) rather than per request: reading a year of usage and
 * analysing it takes a second or more, rendering a page from the snapshot a few milliseconds.
 */
@Component
class SpendSnapshots {

    private static final Logger log = LoggerFactory.getLogger(SpendSnapshots.class);

    private final InventoryService inventory;
    private final Clock clock;
    private volatile SpendSnapshot current;

    @Autowired
    SpendSnapshots(InventoryService inventory) {
        this(inventory, Clock.system(Wib.ZONE));
    }

    SpendSnapshots(InventoryService inventory, Clock clock) {
        this.inventory = inventory;
        this.clock = clock;
    }

    SpendSnapshot current() {
        // The version is read before the data: a change committed meanwhile only makes the next
        // call compute again, never keeps stale figures under the new version.
        long version = inventory.version();
        LocalDate today = LocalDate.now(clock.withZone(Wib.ZONE));
        SpendSnapshot s = current;
        if (s != null && s.version() == version && s.referenceDate().equals(today)) {
            return s;
        }
        synchronized (this) {
            s = current;
            if (s != null && s.version() == version && s.referenceDate().equals(today)) {
                return s;
            }
            long t0 = System.nanoTime();
            s = SpendSnapshot.compute(version, inventory.current(), today);
            log.info("Dashboard: analysis of data version {} computed in {} ms", version, (System.nanoTime() - t0) / 1_000_000);
            current = s;
            return s;
        }
    }
}
