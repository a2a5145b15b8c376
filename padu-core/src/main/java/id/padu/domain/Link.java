package id.padu.domain;

import java.util.Objects;

/**
 * The intranet connection from an agency to the central hub (links.csv).
 *
 * @param capacity the most the link carries, or {@code null} for no limit
 */
public record Link(String agency, LinkType type, Rupiah monthlyCost, Rupiah installCost, BitRate capacity) {

    public Link {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(monthlyCost, "monthlyCost");
        installCost = installCost == null ? Rupiah.ZERO : installCost;
    }

    /** Annual cost as the dataset format defines it: 12 x monthly + install / horizon years. */
    public long annualCostIdr(int horizonYears) {
        return 12L * monthlyCost.value() + installCost.value() / horizonYears;
    }
}
