package id.padu.app.security;

import java.util.List;

/**
 * The agencies an operator may be bound to. The inventory provides it: security sits below the
 * inventory and cannot ask it directly.
 */
public interface AgencyDirectory {

    boolean exists(String code);

    /** Every stored agency's code, in code order. */
    List<String> codes();
}
