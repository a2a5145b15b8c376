package id.padu.analysis;

/**
 * What one agency spends, buys and uses. Figures that need usage data are null when the
 * agency has no measured sample; ratios are null when their denominator is zero.
 *
 * @param annualSpendIdr            12 x the monthly cost of all its subscriptions
 * @param purchasedDownBps          sum of the download rates of its subscriptions
 * @param down                      demand profile toward the agency, or null without usage
 * @param utilizationDown           Q(down) / purchased down
 * @param idleAnnualIdr             annual spend x max(0, 1 - Q(down) / purchased down), whole
 *                                  Rupiah rounded half up; 0 when nothing is purchased
 * @param costPerPurchasedMbpsMonthIdr monthly spend / purchased down Mbps, rounded half up
 * @param costPerUsedMbpsMonthIdr   monthly spend / Q(down) in Mbps, rounded half up
 * @param busyHourDown              hour of day (WIB, 0-23) with the highest mean download rate
 */
public record AgencyAnalysis(String code, String name, int subscriptionCount, long annualSpendIdr,
                             long purchasedDownBps, long purchasedUpBps,
                             DemandProfile down, DemandProfile up,
                             Double utilizationDown, Double utilizationUp, Long idleAnnualIdr,
                             Long costPerPurchasedMbpsMonthIdr, Long costPerUsedMbpsMonthIdr,
                             Integer busyHourDown, Integer busyHourUp, HourlyProfile hourly) {

    public boolean hasUsage() {
        return down != null;
    }
}
