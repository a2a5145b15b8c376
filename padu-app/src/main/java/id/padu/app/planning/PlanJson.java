package id.padu.app.planning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Plan;
import id.padu.plan.PlanResult;
import id.padu.plan.Uplink;
import id.padu.simulation.Simulator;
import java.util.List;

/**
 * The plan file as written by {@code padu plan --format json}, field by field in the order of the
 * file: the public contract that {@code padu simulate}, {@code shape render}, {@code migrate plan},
 * the planning scenarios and the gateway read back ({@link PlanFiles#read}). Money in whole Rupiah,
 * rates in bit/s, uplink sizes in Mbps, dates as {@code yyyy-mm-dd}. A field added here is a change
 * of the contract: add it at the end and to docs/planning.md.
 */
record PlanJson(long statusQuoAnnualIdr, long planAnnualIdr, long savingsAnnualIdr, long oneOffCostIdr,
                Double paybackMonths, long requiredDownBps, long requiredUpBps, boolean optimal, double gap,
                List<UplinkJson> uplinks, List<AgencyJson> agencies) {

    static PlanJson of(Plan p) {
        return new PlanJson(p.statusQuoAnnualIdr(), p.planAnnualIdr(), p.savingsAnnualIdr(), p.oneOffCostIdr(),
                p.paybackMonths(), p.requiredDownBps(), p.requiredUpBps(), p.optimal(), p.gap(),
                p.uplinks().stream().map(UplinkJson::of).toList(), p.agencies().stream().map(AgencyJson::of).toList());
    }

    /** One central uplink to buy. */
    record UplinkJson(String provider, String product, double downMbps, double upMbps, long monthlyCostIdr,
                      long installCostIdr) {

        static UplinkJson of(Uplink u) {
            return new UplinkJson(u.provider(), u.product(), u.downMbps(), u.upMbps(), u.monthlyCostIdr(), u.installCostIdr());
        }
    }

    /** One agency's decision; {@code reason} is left out when the plan gives none. */
    record AgencyJson(String code, String decision, long cirDownBps, long mirDownBps, long cirUpBps, long mirUpBps,
                      String cutoverDate, @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

        static AgencyJson of(AgencyDecision a) {
            return new AgencyJson(a.code(), a.decision().code(), a.cirDownBps(), a.mirDownBps(), a.cirUpBps(), a.mirUpBps(),
                    a.cutoverDate() == null ? null : a.cutoverDate().toString(), a.reason());
        }
    }

    /**
     * The plan and what the planner found around it: the proven lower bound, one-off costs, year by
     * year, and what ended the search ({@code complete}, {@code effort}, or {@code time} when the
     * wall-clock safety net cut it and the plan may differ from run to run) with the nodes it took.
     */
    record Result(@JsonUnwrapped PlanJson plan, long lowerBoundIdr, long exitPenaltiesIdr, long installCostIdr,
                  List<YearJson> years, String stoppedBy, long searchNodes, List<OfferJson> offers, long centralAnnualIdr,
                  boolean meetsRequirement, double carriedShare,
                  @JsonInclude(JsonInclude.Include.NON_NULL) CongestionJson congestion, List<CloseCallJson> closeCalls) {

        static Result of(PlanResult r) {
            return of(r, null);
        }

        /** @param congestion the simulation of a plan that does not carry its requirement, else null */
        static Result of(PlanResult r, Simulator.Result congestion) {
            return new Result(PlanJson.of(r.plan()), r.lowerBoundIdr(), r.penaltiesIdr(), r.installsIdr(),
                    r.years().stream().map(y -> new YearJson(y.year(), y.statusQuoIdr(), y.planIdr(), y.savingsIdr())).toList(),
                    r.stoppedBy().code(), r.searchNodes(), r.offers().stream().map(OfferJson::of).toList(), r.centralAnnualIdr(),
                    r.meetsRequirement(), r.carriedShare(), congestion == null ? null : CongestionJson.of(congestion),
                    r.closeCalls().stream().map(c -> new CloseCallJson(c.code(), c.decision().code(), c.alternativeCostIdr())).toList());
        }
    }

    /**
     * Who would be congested and how often, when the uplinks carry only a share of the requirement:
     * the measured traffic x (1 + growth) replayed through the plan (padu simulate's figures).
     */
    record CongestionJson(int intervals, List<CongestedJson> agencies) {

        static CongestionJson of(Simulator.Result r) {
            return new CongestionJson(r.intervals(), r.agencies().stream().map(a -> new CongestedJson(a.code(),
                    a.servedFractionDown(), a.servedFractionUp(), a.congestedIntervalsDown(), a.congestedIntervalsUp())).toList());
        }
    }

    /**
     * An agency whose decision flips in a plan the search found within 1 % of this plan's cost:
     * {@code decision} is what it is in that plan, {@code alternativeCostIdr} that plan's annual cost.
     */
    record CloseCallJson(String code, String decision, long alternativeCostIdr) {
    }

    /** One central agency in the replay: share of its traffic served and the intervals served below 99 %. */
    record CongestedJson(String code, double servedFractionDown, double servedFractionUp, int congestedIntervalsDown,
                         int congestedIntervalsUp) {
    }

    /**
     * One row of offers.csv as the plan saw it: taken or not, what of its rates counts toward the
     * requirement (a broadband row plan.broadband_share of them), and why.
     */
    record OfferJson(String provider, String product, String kind, boolean chosen, double countedDownMbps,
                     double countedUpMbps, String reason) {

        static OfferJson of(PlanResult.OfferNote o) {
            return new OfferJson(o.provider(), o.product(), o.kind(), o.chosen(), o.countedDownBps() / 1e6,
                    o.countedUpBps() / 1e6, o.reason());
        }
    }

    /** Status quo against plan in one calendar year. */
    record YearJson(int year, long statusQuoIdr, long planIdr, long savingsIdr) {
    }
}
