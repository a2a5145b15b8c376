package id.padu.budget;

import id.padu.domain.Agency;
import id.padu.domain.Dataset;
import id.padu.domain.Link;
import id.padu.domain.Subscription;
import id.padu.forecast.Forecast;
import id.padu.forecast.ForecastException;
import id.padu.forecast.Forecaster;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import id.padu.plan.Uplink;
import id.padu.text.Bundles;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds next year's budget proposal from a dataset and a plan (docs/forecast-budget.md).
 *
 * <p>Months are whole: a line is paid for every month it is in force on any day. The central
 * uplinks are paid from the month of {@code migrate.uplink_ready_date}, else of the first central
 * cutover, else of {@code plan.start_date}; a central agency's link from the month of its cutover;
 * a central agency's own subscriptions up to and including the month of its cutover (the old and
 * new paths run side by side on the cutover day, make before break), so an agency cutting over in
 * May pays five months itself and its link eight. An upgrade starts in the month the forecast first
 * needs more than the plan's uplinks (January when that month is before the year): the rows of the
 * upgrade the plan does not have are paid from then, with their installation; the plan's rows the
 * upgrade drops are paid up to the month before. A local agency's subscriptions run all year.
 */
public final class BudgetProposal {

    static final String LABELS = "id.padu.budget.messages";

    /** Budget years Padu accepts, a bound on the input and on the forecast it asks for. */
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    public static final String ACCOUNT_CENTRAL = "budget.account_code.central";
    public static final String ACCOUNT_LINK = "budget.account_code.link";
    public static final String ACCOUNT_AGENCY = "budget.account_code.agency";

    private BudgetProposal() {
    }

    /**
     * The proposal for {@code year}; item names in {@code locale}, the narrative always in Bahasa
     * Indonesia (the language of the RKA). A plan naming an agency the dataset does not have is refused.
     */
    public static Budget propose(Dataset dataset, Plan plan, int year, Locale locale) throws BudgetException {
        Objects.requireNonNull(plan, "plan");
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("year outside [" + MIN_YEAR + ", " + MAX_YEAR + "]: " + year);
        }
        Map<String, AgencyDecision> decisions = new HashMap<>();
        for (AgencyDecision a : plan.agencies()) {
            if (dataset.agency(a.code()).isEmpty()) {
                throw new BudgetException("error.unknownAgency", a.code());
            }
            decisions.put(a.code(), a);
        }
        Map<String, String> raw = dataset.settings().raw();
        String centralCode = raw.getOrDefault(ACCOUNT_CENTRAL, "");
        String linkCode = raw.getOrDefault(ACCOUNT_LINK, "");
        String agencyCode = raw.getOrDefault(ACCOUNT_AGENCY, "");

        Forecast forecast = null;
        String refusal = null;
        ForecastException problem = null;
        try {
            forecast = Forecaster.forecast(dataset, plan, Forecaster.MAX_MONTHS);
        } catch (ForecastException e) {
            problem = e;
            refusal = e.message(Narrative.ID);
        }

        LocalDate uplinkStart = uplinkStart(dataset, plan);
        int uplinkFrom = firstMonth(uplinkStart, year);
        // the month of the year the upgrade starts; 13 when it does not start in or before the year
        int upgradeFrom = 13;
        Forecast.Upgrade upgrade = null;
        if (forecast != null && forecast.upgrade() != null) {
            YearMonth crossing = forecast.crossing().month();
            if (crossing.getYear() <= year) {
                upgradeFrom = Math.max(uplinkFrom, crossing.getYear() < year ? 1 : crossing.getMonthValue());
                upgrade = upgradeFrom <= 12 ? forecast.upgrade() : null;
            }
        }

        boolean boughtThisYear = uplinkStart != null && uplinkStart.getYear() == year;
        List<Budget.CentralLine> lines = uplinkLines(plan, upgrade, upgradeFrom, uplinkFrom, boughtThisYear, centralCode, locale);
        boolean atStart = false;
        if (upgrade != null && boughtThisYear && upgradeFrom > uplinkFrom) {
            // the plan's uplinks are not bought yet: buying the upgrade's set from the start may cost
            // less this year than buying the plan's rows for a few months (with their installation)
            List<Budget.CentralLine> direct = uplinkLines(plan, upgrade, uplinkFrom, uplinkFrom, true, centralCode, locale);
            if (annual(direct) < annual(lines)) {
                lines = direct;
                upgradeFrom = uplinkFrom;
                atStart = true;
            }
        }
        lines = new ArrayList<>(lines);
        List<Budget.AgencyLine> agencies = new ArrayList<>();
        // by code: the same order from a dataset folder and from the server's inventory
        List<Agency> byCode = new ArrayList<>(dataset.agencies());
        byCode.sort(java.util.Comparator.comparing(Agency::code));
        for (Agency a : byCode) {
            AgencyDecision d = decisions.get(a.code());
            boolean central = d != null && d.decision() == Decision.CENTRAL;
            long monthly = 0;
            for (Subscription s : dataset.subscriptionsOf(a.code())) {
                monthly = Math.addExact(monthly, s.monthlyCost().value());
            }
            LocalDate cutover = central ? (d.cutoverDate() != null ? d.cutoverDate() : uplinkStart) : null;
            int paid;
            if (!central) {
                paid = 12;
            } else if (cutover == null || cutover.getYear() < year) {
                paid = 0;
            } else if (cutover.getYear() > year) {
                paid = 12;
            } else {
                paid = cutover.getMonthValue();
            }
            agencies.add(new Budget.AgencyLine(a.code(), a.name(), central, central ? cutover : null, paid, monthly,
                    Math.multiplyExact(paid, monthly), Math.multiplyExact(12 - paid, monthly), agencyCode));
            if (central) {
                Link link = dataset.linkOf(a.code()).orElse(null);
                int from = firstMonth(cutover, year);
                if (link != null && from <= 12) {
                    long oneOff = cutover != null && cutover.getYear() == year ? link.installCost().value() : 0;
                    lines.add(line(Budget.Kind.LINK, Bundles.format(LABELS, locale, "item.link", a.code(), link.type().code()),
                            null, a.code(), from, 12, link.monthlyCost().value(), oneOff, linkCode));
                }
            }
        }
        long centralTotal = 0;
        for (Budget.CentralLine l : lines) {
            centralTotal = Math.addExact(centralTotal, l.annualIdr());
        }
        long agenciesTotal = 0;
        for (Budget.AgencyLine l : agencies) {
            agenciesTotal = Math.addExact(agenciesTotal, l.budgetIdr());
        }
        long total = Math.addExact(centralTotal, agenciesTotal);
        Budget draft = new Budget(year, lines, agencies, centralTotal, agenciesTotal, total, dataset.statusQuoAnnualIdr(),
                forecast, refusal, "", problem);
        return new Budget(year, lines, agencies, centralTotal, agenciesTotal, total, draft.statusQuoIdr(), forecast, refusal,
                Narrative.of(draft, plan, upgrade, upgradeFrom, atStart), problem);
    }

    /**
     * The uplink lines: the plan's rows from {@code uplinkFrom}, up to the month before
     * {@code upgradeFrom} for a row the upgrade drops, and the upgrade's new rows from
     * {@code upgradeFrom}; installation for the plan's rows when they are bought this year.
     */
    private static List<Budget.CentralLine> uplinkLines(Plan plan, Forecast.Upgrade upgrade, int upgradeFrom, int uplinkFrom,
                                                        boolean boughtThisYear, String accountCode, Locale locale) {
        List<Budget.CentralLine> lines = new ArrayList<>();
        for (Uplink u : plan.uplinks()) {
            boolean kept = upgrade == null || contains(upgrade.uplinks(), u);
            int to = kept ? 12 : upgradeFrom - 1;
            if (uplinkFrom <= to) {
                lines.add(line(Budget.Kind.UPLINK, u.product(), u.provider(), null, uplinkFrom, to, u.monthlyCostIdr(),
                        boughtThisYear ? u.installCostIdr() : 0, accountCode));
            }
        }
        if (upgrade != null) {
            for (Uplink u : upgrade.uplinks()) {
                if (!contains(plan.uplinks(), u)) {
                    lines.add(line(Budget.Kind.UPGRADE, Bundles.format(LABELS, locale, "item.upgrade", u.product()), u.provider(),
                            null, upgradeFrom, 12, u.monthlyCostIdr(), u.installCostIdr(), accountCode));
                }
            }
        }
        return lines;
    }

    private static long annual(List<Budget.CentralLine> lines) {
        long sum = 0;
        for (Budget.CentralLine l : lines) {
            sum = Math.addExact(sum, l.annualIdr());
        }
        return sum;
    }

    private static Budget.CentralLine line(Budget.Kind kind, String item, String provider, String agency, int from, int to,
                                           long monthly, long oneOff, String accountCode) {
        long annual = Math.addExact(Math.multiplyExact(to - from + 1, monthly), oneOff);
        return new Budget.CentralLine(kind, item, provider, agency, from, to, monthly, oneOff, annual, accountCode);
    }

    private static boolean contains(List<Uplink> uplinks, Uplink u) {
        return uplinks.stream().anyMatch(x -> x.provider().equals(u.provider()) && x.product().equals(u.product()));
    }

    /** The first month of {@code year} a line starting on {@code start} is paid (1 when earlier or unknown, 13 when later). */
    static int firstMonth(LocalDate start, int year) {
        if (start == null || start.getYear() < year) {
            return 1;
        }
        return start.getYear() > year ? 13 : start.getMonthValue();
    }

    /**
     * When the central uplinks are paid from: {@code migrate.uplink_ready_date}, else the first
     * central cutover, else {@code plan.start_date}; null when none is known (paid all year).
     */
    static LocalDate uplinkStart(Dataset dataset, Plan plan) {
        if (dataset.settings().migrateUplinkReadyDate() != null) {
            return dataset.settings().migrateUplinkReadyDate();
        }
        LocalDate first = null;
        for (AgencyDecision a : plan.centralAgencies()) {
            if (a.cutoverDate() != null && (first == null || a.cutoverDate().isBefore(first))) {
                first = a.cutoverDate();
            }
        }
        return first != null ? first : dataset.settings().planStartDate();
    }
}
