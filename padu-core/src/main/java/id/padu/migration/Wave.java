package id.padu.migration;

import java.time.LocalDate;
import java.util.List;

/**
 * The cutovers of one ISO week (Monday to Sunday).
 *
 * @param week   the Monday of that week
 * @param number 1 for the first week with a cutover
 * @param pilot  the pilot wave: only agencies without critical services
 */
public record Wave(LocalDate week, int number, boolean pilot, List<Cutover> cutovers) {

    public Wave {
        cutovers = List.copyOf(cutovers);
    }
}
