package id.padu.domain;

import java.util.Objects;

/**
 * An online service an agency hosts behind its own internet today (services.csv); it must stay
 * reachable during migration. {@code hostname} and {@code publicIp} may be null.
 */
public record OnlineService(String agency, String name, Priority criticality, String hostname, String publicIp) {

    public OnlineService {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(name, "name");
        criticality = criticality == null ? Priority.NORMAL : criticality;
    }
}
