package id.padu.plan;

import id.padu.domain.Agency;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Dataset;
import id.padu.domain.Link;
import id.padu.domain.Offer;
import id.padu.domain.PlanScope;
import id.padu.domain.Rupiah;
import id.padu.domain.Settings;
import id.padu.domain.Subscription;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The consolidation planner (docs/planning.md): which central uplinks to buy and which agencies
 * join, at the least total annual cost, then cutover timing, one-off costs, payback and the
 * allocation (CIR/MIR) of the chosen capacity.
 */
public final class Planner {

    /** Up to this many candidate agencies the search runs to completion (proven optimum). */
    public static final int EXACT_CANDIDATES = 64;

    /**
     * How much the search may do before it reports its gap. The search is bounded by its
     * effort, a count of search nodes summed over all its phases (local search evaluations,
     * the agency search, the search per price level), so that the same dataset and settings
     * give the same plan, byte for byte, on any machine and under any load. The time limit is
     * only a safety net for a machine far slower or busier than expected; when it, rather
     * than the effort, stops the search, the result says so ({@link PlanResult#stoppedBy()}).
     *
     * @param effort          search nodes over all phases (the default takes about 10 s of CPU
     *                        on the built-in demo on the reference two-core machine)
     * @param timeLimitMillis the wall-clock safety net
     * @param localSearch     start the exact search from the local-search incumbent (large inputs
     *                        always do; the default does too: near a price step its chains of drops
     *                        find plans the searches alone reach late, for about 0.1 s of CPU on a
     *                        35-agency year); otherwise from "nobody joins"
     * @param exactCandidates up to this many candidates the search aims at a proven optimum
     * @param largeNodeLimit  node budget of the agency search beyond that size
     * @param agencyShare     share of the effort for the agency search before the search per
     *                        price level takes over (exact sizes only)
     */
    public record Limits(long effort, long timeLimitMillis, boolean localSearch, int exactCandidates, long largeNodeLimit,
                         double agencyShare) {
        /** The default effort; see docs/planning.md for what it gives on the demo. */
        public static final long DEFAULT_EFFORT = 3_000;
        public static final Limits DEFAULT = new Limits(DEFAULT_EFFORT, 60_000, true, EXACT_CANDIDATES, 300, 0.25);

        public Limits(long effort, long timeLimitMillis, boolean localSearch) {
            this(effort, timeLimitMillis, localSearch, EXACT_CANDIDATES, 300, 0.25);
        }

        public Limits(long effort, long timeLimitMillis, boolean localSearch, int exactCandidates, long largeNodeLimit) {
            this(effort, timeLimitMillis, localSearch, exactCandidates, largeNodeLimit, 0.25);
        }

        /** The same limits with another wall-clock safety net. */
        public Limits withTimeLimitMillis(long millis) {
            return new Limits(effort, millis, localSearch, exactCandidates, largeNodeLimit, agencyShare);
        }

        /** The same limits with another effort (search nodes over all phases). */
        public Limits withEffort(long nodes) {
            return new Limits(nodes, timeLimitMillis, localSearch, exactCandidates, largeNodeLimit, agencyShare);
        }

        /**
         * The same limits with another share of the effort for the search over agencies before the
         * search per price level takes over (0: price levels only; 1: agencies only).
         */
        public Limits withAgencyShare(double share) {
            return new Limits(effort, timeLimitMillis, localSearch, exactCandidates, largeNodeLimit, share);
        }
    }

    private Planner() {
    }

    public static PlanResult plan(Dataset dataset, LocalDate today, Locale locale) throws PlanningException {
        return plan(dataset, today, locale, Limits.DEFAULT);
    }

    /**
     * @param today the first day of the plan when {@code plan.start_date} is not set (the core has no clock)
     */
    public static PlanResult plan(Dataset dataset, LocalDate today, Locale locale, Limits limits) throws PlanningException {
        Settings s = dataset.settings();
        LocalDate start = s.planStartDate() != null ? s.planStartDate() : today;
        List<Agency> agencies = dataset.agencies();
        int n = agencies.size();
        int horizon = Math.max(1, s.horizonYears());
        double growth = s.growth();
        double factor = (1 + growth) / s.targetUtilization();
        DemandGrid grid = DemandGrid.of(dataset);

        long[] own = new long[n];     // L_i: 12 x monthly of its subscriptions
        long[] linkCost = new long[n];
        String[] ineligible = new String[n];
        long sumL = 0;
        for (int i = 0; i < n; i++) {
            Agency a = agencies.get(i);
            for (Subscription sub : dataset.subscriptionsOf(a.code())) {
                own[i] += sub.annualCostIdr();
            }
            sumL += own[i];
            if (dataset.hasLinksFile()) {
                Link link = dataset.linkOf(a.code()).orElse(null);
                if (link == null) {
                    ineligible[i] = PlanMessages.format(locale, "cause.noLink");
                    continue;
                }
                linkCost[i] = link.annualCostIdr(horizon);
                if (link.capacity() != null) {
                    long needD = (long) Math.ceil(grid.ownQuantile(i, true, s.quantile()) * (1 + growth));
                    long needU = (long) Math.ceil(grid.ownQuantile(i, false, s.quantile()) * (1 + growth));
                    long need = Math.max(needD, needU);
                    if (link.capacity().bps() < need) {
                        ineligible[i] = PlanMessages.format(locale, "cause.linkTooSmall", link.capacity().format(),
                                BitRate.ofBps(need).format());
                    }
                }
            }
        }

        Long budget = s.centralBudgetIdr();
        OfferChooser chooser = new OfferChooser(dataset.offers(), horizon, s.redundancy(), s.survivableFraction(),
                s.broadbandShare(), s.minSlaPct());
        boolean noOffers = chooser.offers().isEmpty();
        boolean[] central = new boolean[n];
        boolean optimal = true;
        long lowerBound = 0;
        long nodes = 0;
        Deadline clock = new Deadline(limits.timeLimitMillis());
        String[] reason = new String[n];
        boolean[] leftOut = new boolean[n]; // candidates the search kept local
        List<PlanResult.CloseCall> closeCalls = new ArrayList<>();

        if (s.scope() == PlanScope.ALL) {
            for (int i = 0; i < n; i++) {
                if (ineligible[i] != null) {
                    throw new PlanningException("error.scopeAll.ineligible", agencies.get(i).code(), ineligible[i]);
                }
            }
            if (dataset.offers().isEmpty() && n > 0) {
                throw new PlanningException("error.scopeAll.noOffers");
            }
            if (noOffers && n > 0) {
                throw new PlanningException("error.scopeAll.noEligibleOffers", slaText(s), share(s.broadbandShare()));
            }
            Arrays.fill(central, true);
            Arrays.fill(reason, PlanMessages.format(locale, "reason.scopeAll"));
        } else {
            List<Integer> cands = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (ineligible[i] != null) {
                    reason[i] = PlanMessages.format(locale, "reason.cannotJoin", ineligible[i]);
                } else if (dataset.offers().isEmpty()) {
                    reason[i] = PlanMessages.format(locale, "reason.noOffers");
                } else if (noOffers) {
                    reason[i] = PlanMessages.format(locale, "reason.noEligibleOffers", slaText(s), share(s.broadbandShare()));
                } else if (own[i] == 0) {
                    reason[i] = PlanMessages.format(locale, "reason.noOwnSpend");
                } else if (own[i] - linkCost[i] <= 0) {
                    // joining never pays: it costs the link instead of the package, and never lowers the uplink
                    reason[i] = PlanMessages.format(locale, "reason.linkCostsMore", Rupiah.format(linkCost[i]), Rupiah.format(own[i]));
                } else {
                    cands.add(i);
                }
            }
            int[] cand = cands.stream().mapToInt(Integer::intValue).toArray();
            long[] delta = new long[cand.length];
            for (int k = 0; k < cand.length; k++) {
                delta[k] = own[cand[k]] - linkCost[cand[k]];
            }
            long[] candLinks = new long[cand.length];
            for (int k = 0; k < cand.length; k++) {
                candLinks[k] = linkCost[cand[k]];
            }
            AgencySearch search = new AgencySearch(grid, chooser, s.quantile(), factor, cand, delta, sumL, candLinks,
                    budget == null ? AgencySearch.INF : budget);
            NearPlans near = new NearPlans(cand.length);
            search.near = near;
            boolean[] x;
            if (cand.length == 0) {
                x = new boolean[0];
                lowerBound = sumL;
            } else {
                boolean exact = cand.length <= limits.exactCandidates();
                long effort = Math.max(0, limits.effort());
                // the local search runs to its end at exact sizes (a fraction of the effort in practice);
                // beyond, it may take a third of the effort
                boolean[] start0 = !exact || limits.localSearch()
                        ? search.localSearch(exact ? effort : effort / 3, clock)
                        : new boolean[cand.length];
                nodes = search.localEvaluations;
                long startCost = search.cost(start0);
                if (!exact || limits.agencyShare() > 0) {
                    // beyond exact sizes the bound of the abandoned nodes is close to the root bound: a small budget suffices
                    long agencyNodes = exact ? Math.max(0, (long) (effort * Math.min(1, limits.agencyShare())) - nodes)
                            : Math.min(Math.max(0, effort - nodes), limits.largeNodeLimit());
                    search.run(start0, startCost, agencyNodes, clock);
                    x = search.bestIn;
                    optimal = search.complete();
                    lowerBound = search.lowerBound();
                    nodes += search.nodes;
                } else {
                    x = start0;
                    optimal = false;
                    lowerBound = 0;
                }
                if (exact && !optimal && limits.agencyShare() < 1 && cand.length <= LevelSearch.MAX_CANDIDATES) {
                    // the agency search alone cannot separate sets near a price step: search per price level
                    LevelSearch levels = new LevelSearch(grid, chooser, search, cand, delta, sumL, s.quantile());
                    optimal = levels.run(x, search.cost(x), Math.max(0, effort - nodes), clock);
                    x = levels.bestIn;
                    lowerBound = optimal ? levels.best : Math.max(lowerBound, levels.lowerBound());
                    nodes += levels.nodes;
                }
            }
            if (cand.length > 0) {
                // the plans one flip (and, at exact sizes, one swap) away: the near-ties a search may have pruned
                search.exploreNeighbours(x, cand.length <= limits.exactCandidates());
                for (NearPlans.Flip f : near.flips(x, search.cost(x))) {
                    closeCalls.add(new PlanResult.CloseCall(agencies.get(cand[f.candidate()]).code(),
                            f.joins() ? Decision.CENTRAL : Decision.LOCAL, f.alternativeCost()));
                }
            }
            for (int k = 0; k < cand.length; k++) {
                int i = cand[k];
                central[i] = x[k];
                if (!x[k]) {
                    reason[i] = PlanMessages.format(locale, "reason.uplinkShare", Rupiah.format(delta[k]));
                    leftOut[i] = true;
                }
            }
        }

        // the chosen uplinks for the central set
        long[] aggD = new long[grid.length()];
        long[] aggU = new long[grid.length()];
        long[] scratch = new long[grid.length()];
        int nCentral = 0;
        for (int i = 0; i < n; i++) {
            if (central[i]) {
                grid.accumulate(aggD, i, true, 1);
                grid.accumulate(aggU, i, false, 1);
                nCentral++;
            }
        }
        long reqD = nCentral == 0 ? 0 : (long) Math.ceil(grid.quantile(aggD, s.quantile(), scratch, null) * factor);
        long reqU = nCentral == 0 ? 0 : (long) Math.ceil(grid.quantile(aggU, s.quantile(), scratch, null) * factor);
        List<Uplink> uplinks = new ArrayList<>();
        long uplinkAnnual = 0;
        long installs = 0;
        long recurringMonthly = 0;
        long countedD = 0;
        long countedU = 0;
        OfferChooser.Choice chosen = null;
        long centralLinks = 0;
        for (int i = 0; i < n; i++) {
            centralLinks += central[i] ? linkCost[i] : 0;
        }
        boolean meets = true;
        double carried = 1;
        if (nCentral > 0) {
            OfferChooser.Choice choice = chooser.cheapest(reqD, reqU);
            if (choice != null && budget != null && choice.cost() + centralLinks > budget) {
                // only with scope=all (the search keeps optimised plans within the ceiling): no plan within the
                // ceiling carries the requirement; propose the uplinks within it that carry the largest share
                choice = largestShareWithin(chooser, reqD, reqU, budget - centralLinks);
                if (choice == null) {
                    OfferChooser.Choice least = chooser.cheapest(0, 0);
                    throw new PlanningException("error.budget.tooLow", Rupiah.format(budget), Rupiah.format(centralLinks),
                            least == null ? "-" : Rupiah.format(least.cost()));
                }
                meets = false;
                carried = carriedShare(choice, reqD, reqU);
                Arrays.fill(reason, PlanMessages.format(locale, "reason.scopeAllBudget", Rupiah.format(budget),
                        share(carried)));
            }
            if (choice == null) {
                // only reachable with scope=all: optimisation never picks an infeasible set
                throw new PlanningException("error.scopeAll.capacity", BitRate.ofBps(reqD).format(), BitRate.ofBps(reqU).format(),
                        s.redundancy().name().toLowerCase(Locale.ROOT));
            }
            chosen = choice;
            int[] rows = choice.rows().clone();
            Arrays.sort(rows);
            for (int j : rows) {
                countedD += chooser.countedDown(j);
                countedU += chooser.countedUp(j);
                Offer o = chooser.offers().get(j);
                uplinks.add(new Uplink(o.provider(), o.product(), o.down().mbps(), o.up().mbps(),
                        o.monthlyCost().value(), o.installCost().value()));
                installs += o.installCost().value();
                recurringMonthly += o.monthlyCost().value();
            }
            uplinkAnnual = choice.cost();
        }
        if (s.scope() == PlanScope.ALL) {
            lowerBound = planCost(uplinkAnnual, central, own, linkCost);
        }
        long planAnnual = planCost(uplinkAnnual, central, own, linkCost);
        long centralAnnual = uplinkAnnual + centralLinks;
        if (budget != null && meets && centralAnnual > budget) {
            throw new IllegalStateException("plan over the ceiling: " + centralAnnual + " > " + budget);
        }
        if (budget != null && s.scope() != PlanScope.ALL) {
            budgetReasons(grid, chooser, leftOut, own, linkCost, aggD, aggU, s, factor, uplinkAnnual, centralAnnual, budget,
                    reason, locale);
        }

        // allocation: guarantees are promised from the counted capacity only (a broadband line's
        // discounted share), ceilings from the whole uplink
        long capD = countedD;
        long capU = countedU;
        List<Allocator.Demand> demands = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (central[i]) {
                Agency a = agencies.get(i);
                Link link = dataset.linkOf(a.code()).orElse(null);
                demands.add(new Allocator.Demand(a.code(), a.priority(), grid.ownQuantile(i, true, 0.95),
                        grid.ownQuantile(i, false, 0.95), link == null || link.capacity() == null ? 0 : link.capacity().bps()));
            }
        }
        long wholeD = uplinks.stream().mapToLong(Uplink::downBps).sum();
        long wholeU = uplinks.stream().mapToLong(Uplink::upBps).sum();
        Allocator.Allocation allocation = Allocator.allocate(demands, capD, capU, wholeD, wholeU, s.reserve(), growth,
                Allocator.Policy.of(s));
        if (!allocation.floorsFit()) {
            // a plan whose promised floors do not fit is no plan to sign: say what would fit
            boolean down = allocation.floorNeedDownBps() > allocation.poolDownBps();
            long need = down ? allocation.floorNeedDownBps() : allocation.floorNeedUpBps();
            long pool = down ? allocation.poolDownBps() : allocation.poolUpBps();
            long fits = demands.isEmpty() ? 0 : pool / demands.size();
            throw new PlanningException("error.floors", number(s.minCirMbps()), demands.size(), BitRate.ofBps(need).format(),
                    PlanMessages.format(locale, down ? "direction.down" : "direction.up"), BitRate.ofBps(down ? capD : capU).format(),
                    share(s.reserve()), BitRate.ofBps(pool).format(), number(Math.floor(fits / 10_000d) / 100));
        }
        List<Allocator.Share> shares = allocation.shares();

        // cutover, one-off costs, years
        long penalties = 0;
        long[] waitingByYear = new long[horizon];
        List<AgencyDecision> decisions = new ArrayList<>();
        int shareIdx = 0;
        for (int i = 0; i < n; i++) {
            Agency a = agencies.get(i);
            if (!central[i]) {
                recurringMonthly += dataset.subscriptionsOf(a.code()).stream().mapToLong(x -> x.monthlyCost().value()).sum();
                decisions.add(new AgencyDecision(a.code(), Decision.LOCAL, 0, 0, 0, 0, null, reason[i]));
                continue;
            }
            Link link = dataset.linkOf(a.code()).orElse(null);
            if (link != null) {
                installs += link.installCost().value();
                recurringMonthly += link.monthlyCost().value();
            }
            Cutover c = cutover(dataset.subscriptionsOf(a.code()), start);
            penalties += c.penalty;
            for (int y = 0; y < horizon; y++) {
                LocalDate ys = start.plusYears(y);
                LocalDate ye = start.plusYears(y + 1L);
                for (Subscription sub : dataset.subscriptionsOf(a.code())) {
                    waitingByYear[y] += paidBetween(sub, start, min(c.date, ye)) - paidBetween(sub, start, min(c.date, ys));
                }
            }
            String why = reason[i] != null ? reason[i]
                    : PlanMessages.format(locale, "reason.central", Rupiah.format(own[i]), Rupiah.format(linkCost[i]));
            why = why + "; " + (c.date.equals(start)
                    ? c.penalty == 0 ? PlanMessages.format(locale, "cutover.startFree", c.date.toString())
                    : PlanMessages.format(locale, "cutover.start", c.date.toString(), Rupiah.format(c.penalty))
                    : PlanMessages.format(locale, "cutover.end", c.date.toString()));
            Allocator.Share sh = shares.get(shareIdx++);
            decisions.add(new AgencyDecision(a.code(), Decision.CENTRAL, sh.cirDownBps(), sh.mirDownBps(), sh.cirUpBps(),
                    sh.mirUpBps(), c.date, why));
        }
        long oneOff = installs + penalties;
        long statusQuo = dataset.statusQuoAnnualIdr();
        long monthlySaving = statusQuo / 12 - recurringMonthly;
        Double payback = null;
        if (oneOff == 0 && monthlySaving >= 0) {
            payback = 0.0;
        } else if (monthlySaving > 0) {
            payback = Math.ceil(oneOff * 10.0 / monthlySaving) / 10.0;
        }
        List<PlanResult.Year> years = new ArrayList<>();
        for (int y = 0; y < horizon; y++) {
            long p = 12 * recurringMonthly + waitingByYear[y] + (y == 0 ? oneOff : 0);
            years.add(new PlanResult.Year(y + 1, statusQuo, p, statusQuo - p));
        }
        double gap = optimal ? 0 : planAnnual <= 0 ? 0 : (planAnnual - lowerBound) / (double) planAnnual;
        Plan plan = new Plan(statusQuo, planAnnual, statusQuo - planAnnual, oneOff, payback, reqD, reqU, optimal,
                gap, uplinks, decisions);
        PlanResult.Stop stop = optimal ? PlanResult.Stop.COMPLETE : clock.hit() ? PlanResult.Stop.TIME : PlanResult.Stop.EFFORT;
        List<PlanResult.OfferNote> offerNotes = offerNotes(dataset.offers(), chooser, chosen, s, reqD, reqU, locale);
        return new PlanResult(plan, optimal ? planAnnual : lowerBound, years, penalties, installs, nodes, stop, offerNotes,
                centralAnnual, meets, carried, closeCalls);
    }

    /**
     * The cheapest uplinks within {@code room} that carry the largest share t of the requirement
     * (t x the requirement in both directions, with the redundancy rule), t to 1/10,000; null when
     * not even the least choice the rules allow fits. The cost of the cheapest choice never falls
     * as the requirement grows, so the largest t is found by bisection.
     */
    static OfferChooser.Choice largestShareWithin(OfferChooser chooser, long reqD, long reqU, long room) {
        OfferChooser.Choice best = chooser.cheapest(0, 0);
        if (best == null || best.cost() > room) {
            return null;
        }
        int lo = 0;
        int hi = 10_000; // the whole requirement: known not to fit
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            OfferChooser.Choice c = chooser.cheapest((long) Math.ceil(reqD * (mid / 10_000d)), (long) Math.ceil(reqU * (mid / 10_000d)));
            if (c != null && c.cost() <= room) {
                lo = mid;
                best = c;
            } else {
                hi = mid;
            }
        }
        return best;
    }

    /** The share of the requirement a choice carries in its weaker direction (redundancy rule included), to 1/10,000, at most 1. */
    static double carriedShare(OfferChooser.Choice c, long reqD, long reqU) {
        double d = reqD <= 0 ? 1 : c.maxReqDown() / (double) reqD;
        double u = reqU <= 0 ? 1 : c.maxReqUp() / (double) reqU;
        return Math.min(1, Math.floor(Math.min(d, u) * 10_000) / 10_000);
    }

    /**
     * With a ceiling, a local candidate whose joining alone would lower the total cost but lift the
     * central part above the ceiling says so: the ceiling, not the cost, keeps it local.
     */
    private static void budgetReasons(DemandGrid grid, OfferChooser chooser, boolean[] leftOut, long[] own, long[] linkCost,
                                      long[] aggD, long[] aggU, Settings s, double factor, long uplinkAnnual, long centralAnnual,
                                      long budget, String[] reason, Locale locale) {
        long[] td = new long[aggD.length];
        long[] tu = new long[aggU.length];
        long[] scratch = new long[aggD.length];
        for (int i = 0; i < leftOut.length; i++) {
            if (!leftOut[i]) {
                continue;
            }
            System.arraycopy(aggD, 0, td, 0, aggD.length);
            System.arraycopy(aggU, 0, tu, 0, aggU.length);
            grid.accumulate(td, i, true, 1);
            grid.accumulate(tu, i, false, 1);
            long c = chooser.cost((long) Math.ceil(grid.quantile(td, s.quantile(), scratch, null) * factor),
                    (long) Math.ceil(grid.quantile(tu, s.quantile(), scratch, null) * factor), false);
            long saving = own[i] - linkCost[i] - (c - uplinkAnnual);
            long wouldCost = centralAnnual - uplinkAnnual + c + linkCost[i];
            if (c < OfferChooser.INFEASIBLE && saving > 0 && wouldCost > budget) {
                reason[i] = PlanMessages.format(locale, "reason.budget", Rupiah.format(saving), Rupiah.format(wouldCost),
                        Rupiah.format(budget));
            }
        }
    }

    /**
     * Every row of offers.csv with why it was or was not taken: left out by the offer rules, taken,
     * or not taken because it is dearer per counted Mbps than the chosen uplinks, or, although
     * cheaper, because no combination with it carries the requirement for less.
     */
    static List<PlanResult.OfferNote> offerNotes(List<Offer> offers, OfferChooser chooser, OfferChooser.Choice chosen,
                                                 Settings s, long reqD, long reqU, Locale locale) {
        boolean[] taken = new boolean[offers.size()];
        long chosenCost = 0;
        long chosenCounted = 0;
        if (chosen != null) {
            for (int j : chosen.rows()) {
                taken[chooser.source(j)] = true;
                chosenCost += chooser.annualCost(j);
                chosenCounted += chooser.countedDown(j);
            }
        }
        String chosenPerMbps = perMbps(chosenCost, chosenCounted);
        List<PlanResult.OfferNote> out = new ArrayList<>();
        for (int i = 0; i < offers.size(); i++) {
            Offer o = offers.get(i);
            long annual = o.annualCostIdr(Math.max(1, s.horizonYears()));
            long cd = OfferChooser.counted(o, o.down().bps(), s.broadbandShare());
            long cu = OfferChooser.counted(o, o.up().bps(), s.broadbandShare());
            String note = o.kind() == ConnectionKind.BROADBAND
                    ? PlanMessages.format(locale, "offer.broadband", share(s.broadbandShare()), BitRate.ofBps(cd).format(),
                    o.down().format()) : "";
            OfferChooser.Exclusion ex = OfferChooser.exclusion(o, s.broadbandShare(), s.minSlaPct());
            String reason;
            if (ex == OfferChooser.Exclusion.SLA_MISSING) {
                reason = PlanMessages.format(locale, "offer.excluded.noSla", slaText(s));
            } else if (ex == OfferChooser.Exclusion.SLA_BELOW) {
                reason = PlanMessages.format(locale, "offer.excluded.sla", number(o.slaPct()), slaText(s));
            } else if (ex == OfferChooser.Exclusion.COUNTS_NOTHING) {
                reason = PlanMessages.format(locale, "offer.excluded.nothing", share(s.broadbandShare()));
            } else if (taken[i]) {
                reason = PlanMessages.format(locale, "offer.taken", Rupiah.format(annual), perMbps(annual, cd)) + note;
            } else if (chosen == null) {
                reason = PlanMessages.format(locale, "offer.notTaken.nobody");
            } else if (annual * (double) chosenCounted >= chosenCost * (double) cd) {
                reason = PlanMessages.format(locale, "offer.notTaken.dearer", perMbps(annual, cd), chosenPerMbps) + note;
            } else {
                reason = PlanMessages.format(locale, "offer.notTaken.combination", perMbps(annual, cd), chosenPerMbps,
                        BitRate.ofBps(reqD).format(), BitRate.ofBps(reqU).format()) + note;
            }
            out.add(new PlanResult.OfferNote(o.provider(), o.product(), o.kind().code(), taken[i], cd, cu, reason));
        }
        return out;
    }

    /** Annual Rupiah per counted Mbps, or "-" for a row that counts nothing in this direction. */
    private static String perMbps(long annual, long countedBps) {
        return countedBps <= 0 ? "-" : Rupiah.format(Math.round(annual * 1_000_000d / countedBps));
    }

    /** A share as a percentage: 0.25 gives "25 %". */
    static String share(double fraction) {
        return number(fraction * 100) + " %";
    }

    private static String slaText(Settings s) {
        return s.minSlaPct() == null ? "-" : number(s.minSlaPct());
    }

    private static String number(double d) {
        return java.math.BigDecimal.valueOf(d).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static long planCost(long uplinkAnnual, boolean[] central, long[] own, long[] linkCost) {
        long c = uplinkAnnual;
        for (int i = 0; i < central.length; i++) {
            c += central[i] ? linkCost[i] : own[i];
        }
        return c;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** When an agency switches, the penalties that costs, and the subscriptions paid until then. */
    record Cutover(LocalDate date, long penalty, long waiting) {
    }

    /**
     * The cheapest switch date among plan start and each contract's end date after it: switching
     * on date d costs the subscriptions until d (each until its own end if earlier) plus the exit
     * penalty of every contract still running at d. Month-to-month lines (no end date) cost
     * nothing to leave, so they switch at the start. Ties go to the earlier date.
     */
    static Cutover cutover(List<Subscription> subs, LocalDate start) {
        List<LocalDate> dates = new ArrayList<>();
        dates.add(start);
        for (Subscription sub : subs) {
            if (sub.endDate() != null && sub.endDate().isAfter(start)) {
                dates.add(sub.endDate());
            }
        }
        dates.sort(null);
        LocalDate bestDate = start;
        long bestCost = Long.MAX_VALUE;
        long bestPenalty = 0;
        long bestWaiting = 0;
        for (LocalDate d : dates) {
            long pen = 0;
            long wait = 0;
            for (Subscription sub : subs) {
                wait += paidBetween(sub, start, d);
                if (sub.endDate() != null && sub.endDate().isAfter(d)) {
                    pen += sub.exitPenalty().value();
                }
            }
            if (pen + wait < bestCost) {
                bestCost = pen + wait;
                bestDate = d;
                bestPenalty = pen;
                bestWaiting = wait;
            }
        }
        return new Cutover(bestDate, bestPenalty, bestWaiting);
    }

    /**
     * What a subscription costs from {@code from} until {@code to} (or its end date if earlier):
     * monthly x whole months + monthly x remaining days / 30, rounded down to whole Rupiah.
     */
    static long paidBetween(Subscription sub, LocalDate from, LocalDate to) {
        LocalDate until = sub.endDate() != null && sub.endDate().isBefore(to) ? sub.endDate() : to;
        if (!until.isAfter(from)) {
            return 0;
        }
        Period p = Period.between(from, until);
        long monthly = sub.monthlyCost().value();
        return monthly * p.toTotalMonths() + monthly * p.getDays() / 30;
    }
}
