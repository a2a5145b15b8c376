package id.padu.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What an agency buys today from an ISP (subscriptions.csv). {@code endDate} null means month
 * to month; ending before {@code endDate} costs {@code exitPenalty}.
 */
public record Subscription(String agency, String provider, String product, ConnectionKind kind,
                           BitRate down, BitRate up, Rupiah monthlyCost, Rupiah installCost,
                           LocalDate startDate, LocalDate endDate, Rupiah exitPenalty) {

    public Subscription {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(down, "down");
        Objects.requireNonNull(up, "up");
        Objects.requireNonNull(monthlyCost, "monthlyCost");
        installCost = installCost == null ? Rupiah.ZERO : installCost;
        exitPenalty = exitPenalty == null ? Rupiah.ZERO : exitPenalty;
    }

    /** Status-quo annual cost of this line: 12 x monthly. */
    public long annualCostIdr() {
        return Math.multiplyExact(12L, monthlyCost.value());
    }
}
