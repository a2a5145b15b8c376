package id.padu.budget;

import id.padu.forecast.Forecast;
import java.time.LocalDate;
import java.util.List;

/**
 * A budget proposal for one calendar (fiscal) year.
 *
 * @param centralLines     what Diskominfo buys: uplinks, upgrade uplinks, the central agencies' links
 * @param agencies         every agency of the dataset, by code
 * @param centralTotalIdr  sum of the central lines' annual amounts
 * @param agenciesTotalIdr sum of the agencies' budgets
 * @param totalIdr         central plus agencies
 * @param statusQuoIdr     today's spend for a year: 12 x every subscription's monthly cost
 * @param forecast         the capacity forecast the upgrade comes from; null when none could be made
 * @param forecastRefusal  why there is no forecast (in the proposal's language); null when there is one
 * @param narrative        the justification in Bahasa Indonesia, paragraphs separated by a blank line
 * @param forecastProblem  why there is no forecast, to word in any language (a page in English); null when there is one
 */
public record Budget(int year, List<CentralLine> centralLines, List<AgencyLine> agencies, long centralTotalIdr,
                     long agenciesTotalIdr, long totalIdr, long statusQuoIdr, Forecast forecast, String forecastRefusal,
                     String narrative, id.padu.forecast.ForecastException forecastProblem) {

    public Budget {
        centralLines = List.copyOf(centralLines);
        agencies = List.copyOf(agencies);
    }

    /** What a central line pays for. */
    public enum Kind {
        UPLINK, UPGRADE, LINK;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One central line: paid from month {@code fromMonth} to {@code toMonth} of the year (both
     * included, 1 = January), {@code annualIdr = months x monthlyIdr + oneOffIdr}.
     *
     * @param provider    the ISP for an uplink; null for a link
     * @param agency      the agency a link connects; null for an uplink
     * @param oneOffIdr   installation, when the line starts in this year
     * @param accountCode {@code budget.account_code.central} or {@code .link}; empty when not set
     */
    public record CentralLine(Kind kind, String item, String provider, String agency, int fromMonth, int toMonth,
                              long monthlyIdr, long oneOffIdr, long annualIdr, String accountCode) {

        public int months() {
            return toMonth - fromMonth + 1;
        }
    }

    /**
     * One agency's internet in the year: {@code budgetIdr = monthsPaid x monthlyIdr} of its own
     * subscriptions, and {@code noLongerNeededIdr = (12 - monthsPaid) x monthlyIdr}, what the plan
     * ends and its DPA can be lowered by (0 for a local agency).
     *
     * @param cutoverDate the plan's cutover date of a central agency; null for a local one
     * @param accountCode {@code budget.account_code.agency}; empty when not set
     */
    public record AgencyLine(String code, String name, boolean central, LocalDate cutoverDate, int monthsPaid,
                             long monthlyIdr, long budgetIdr, long noLongerNeededIdr, String accountCode) {
    }

    /** The central lines that an upgrade adds. */
    public List<CentralLine> upgradeLines() {
        return centralLines.stream().filter(l -> l.kind() == Kind.UPGRADE).toList();
    }
}
