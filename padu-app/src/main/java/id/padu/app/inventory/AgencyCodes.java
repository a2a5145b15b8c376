package id.padu.app.inventory;

import id.padu.app.security.AgencyDirectory;
import java.util.List;
import org.springframework.stereotype.Component;

/** The stored agencies' codes for the security module (an operator's agency must be one of them). */
@Component
class AgencyCodes implements AgencyDirectory {

    private final InventoryRepository repo;

    AgencyCodes(InventoryRepository repo) {
        this.repo = repo;
    }

    @Override
    public boolean exists(String code) {
        return code != null && repo.agencyId(code).isPresent();
    }

    @Override
    public List<String> codes() {
        return repo.agencies().stream().map(id.padu.domain.Agency::code).toList();
    }
}
