package id.padu.migration;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One agency's scheduled move: the day and the WIB window, what it costs, and why this date
 * (every part of the reason is a {@link Text}, readable in both languages).
 *
 * @param criticalServices names of the critical services the agency hosts (empty when low-risk)
 * @param pilot            part of the pilot wave
 * @param status           SCHEDULED for a new date; the tracked status for a kept one
 */
public record Cutover(String code, String name, LocalDate date, MaintenanceWindow window, boolean critical,
                      List<String> criticalServices, boolean pilot, MigrationStatus status,
                      long penaltyIdr, long paidTwiceIdr, List<Text> reasons) {

    public Cutover {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(date, "date");
        criticalServices = List.copyOf(criticalServices);
        reasons = List.copyOf(reasons);
    }

    public long costIdr() {
        return Math.addExact(penaltyIdr, paidTwiceIdr);
    }

    /** The reason as one sentence: its parts joined by "; ". */
    public String reason(Locale locale) {
        return reasons.stream().map(t -> t.format(locale)).collect(Collectors.joining("; "));
    }
}
