package id.padu.migration;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The cutover schedule of every central agency, grouped into weekly waves.
 *
 * @param optimal      proven least cost under the rules (see docs/migration.md)
 * @param gap          relative distance of {@link #totalCostIdr} to the best lower bound; 0 when optimal
 * @param totalCostIdr exit penalties plus subscriptions paid twice, over all cutovers
 * @param earliest     first day a cutover could happen (start date, uplinks ready, after the as-of day)
 * @param uplinkReady  the day the central uplinks are live (paying twice counts from here)
 */
public record MigrationSchedule(boolean optimal, double gap, long totalCostIdr, LocalDate earliest,
                                LocalDate uplinkReady, int cutoversPerWeek, List<MaintenanceWindow> windows,
                                List<Wave> waves) {

    public MigrationSchedule {
        windows = List.copyOf(windows);
        waves = List.copyOf(waves);
    }

    public List<Cutover> cutovers() {
        return waves.stream().flatMap(w -> w.cutovers().stream()).toList();
    }

    public Optional<Cutover> cutover(String code) {
        return cutovers().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public long totalPenaltyIdr() {
        return cutovers().stream().mapToLong(Cutover::penaltyIdr).sum();
    }

    public long totalPaidTwiceIdr() {
        return cutovers().stream().mapToLong(Cutover::paidTwiceIdr).sum();
    }
}
