package id.padu.app.storage;

import id.padu.app.H2AppTest;
import id.padu.app.inventory.InventoryService;
import id.padu.app.usage.UsageStore;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link StorageContract} on H2 (file database, as in production). */
class H2StorageTest extends H2AppTest implements StorageContract {

    @Autowired
    InventoryService inventory;

    @Autowired
    UsageStore usage;

    @Override
    public InventoryService inventory() {
        return inventory;
    }

    @Override
    public UsageStore usage() {
        return usage;
    }
}
