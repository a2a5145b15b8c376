package id.padu.domain;

import java.util.Objects;

/**
 * One purchasable capacity step for the central uplink (offers.csv). At most one row per
 * (provider, product) may be chosen; rows of different products can be combined.
 *
 * @param slaPct availability promised in percent, or {@code null} when not given
 */
public record Offer(String provider, String product, ConnectionKind kind, BitRate down, BitRate up,
                    Rupiah monthlyCost, Rupiah installCost, int minTermMonths, Double slaPct) {

    public static final int DEFAULT_MIN_TERM_MONTHS = 12;

    public Offer {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(down, "down");
        up = up == null ? down : up;
        Objects.requireNonNull(monthlyCost, "monthlyCost");
        installCost = installCost == null ? Rupiah.ZERO : installCost;
    }

    /** Annual cost as the dataset format defines it: 12 x monthly + install / horizon years. */
    public long annualCostIdr(int horizonYears) {
        return 12L * monthlyCost.value() + installCost.value() / horizonYears;
    }
}
