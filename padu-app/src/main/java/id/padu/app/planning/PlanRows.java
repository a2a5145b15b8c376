package id.padu.app.planning;

import id.padu.domain.Agency;
import id.padu.domain.Dataset;
import id.padu.domain.Rupiah;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import id.padu.plan.PlanResult;
import id.padu.plan.Uplink;
import id.padu.simulation.Simulator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario's tables as text cells, formatted once in Java for the page, the XLSX and the PDF
 * alike (money {@code Rp 1.234.567}, rates always in Mbps so a column reads at a glance).
 */
final class PlanRows {

    private PlanRows() {
    }

    /** {@code 12,5 Mbps} / {@code 12.5 Mbps} in the request's language: always Mbps, at most two decimals. */
    static String mbps(long bps) {
        return decimalMark(BigDecimal.valueOf(bps).divide(BigDecimal.valueOf(1_000_000L), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString()) + " Mbps";
    }

    static String mbps(double mbps) {
        return decimalMark(BigDecimal.valueOf(mbps).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString())
                + " Mbps";
    }

    private static String decimalMark(String plain) {
        return "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage()) ? plain
                : plain.replace('.', ',');
    }

    static String money(long idr) {
        return Rupiah.format(idr);
    }

    /** {@code 7,3 bulan} / {@code 7.3 months}, or the "never" text. */
    static String payback(Double months, Locale locale, String never, String unit) {
        if (months == null) {
            return never;
        }
        String n = BigDecimal.valueOf(months).setScale(1, RoundingMode.HALF_UP).toPlainString();
        return ("en".equals(locale.getLanguage()) ? n : n.replace('.', ',')) + " " + unit;
    }

    /** {@code 84,35 %} / {@code 84.35 %} in the request's language. */
    static String percent(double fraction) {
        return id.padu.app.shared.Formats.percent(fraction, 2, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    static Map<String, Agency> agencies(Dataset data) {
        return agencies(data.agencies());
    }

    static Map<String, Agency> agencies(List<Agency> list) {
        Map<String, Agency> m = new HashMap<>();
        list.forEach(a -> m.put(a.code(), a));
        return m;
    }

    /** Every row of offers.csv as the plan saw it: taken or not, what of it counts, and why. */
    static List<Map<String, String>> offers(List<PlanResult.OfferNote> offers, String taken, String notTaken) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (PlanResult.OfferNote o : offers) {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("provider", o.provider());
            r.put("product", o.product());
            r.put("kind", o.kind());
            r.put("countedDown", mbps(o.countedDownBps()));
            r.put("countedUp", mbps(o.countedUpBps()));
            r.put("chosen", Boolean.toString(o.chosen()));
            r.put("chosenText", o.chosen() ? taken : notTaken);
            r.put("reason", o.reason());
            rows.add(r);
        }
        return rows;
    }

    /** The close calls: who would be decided the other way in a plan within 1 % of this one, and what that plan costs. */
    static List<Map<String, String>> closeCalls(List<PlanResult.CloseCall> calls, long planAnnual, Map<String, Agency> agencies,
                                                String central, String local) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (PlanResult.CloseCall c : calls) {
            Agency ag = agencies.get(c.code());
            Map<String, String> r = new LinkedHashMap<>();
            r.put("code", c.code());
            r.put("name", ag == null ? "" : ag.name());
            r.put("decision", c.decision().code());
            r.put("decisionText", c.decision() == Decision.CENTRAL ? central : local);
            r.put("alternative", money(c.alternativeCostIdr()));
            r.put("more", money(c.alternativeCostIdr() - planAnnual));
            rows.add(r);
        }
        return rows;
    }

    static List<Map<String, String>> uplinks(Plan plan) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Uplink u : plan.uplinks()) {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("provider", u.provider());
            r.put("product", u.product());
            r.put("down", mbps(u.downMbps()));
            r.put("up", mbps(u.upMbps()));
            r.put("monthly", money(u.monthlyCostIdr()));
            r.put("install", money(u.installCostIdr()));
            rows.add(r);
        }
        return rows;
    }

    /** One row per agency: decision, cutover, reason; central ones first, then by code. */
    static List<Map<String, String>> decisions(Plan plan, Map<String, Agency> agencies, String centralText, String localText) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (AgencyDecision a : sorted(plan.agencies())) {
            Agency ag = agencies.get(a.code());
            Map<String, String> r = new LinkedHashMap<>();
            r.put("code", a.code());
            r.put("name", ag == null ? "" : ag.name());
            r.put("decision", a.decision().code());
            r.put("decisionText", a.decision() == Decision.CENTRAL ? centralText : localText);
            r.put("cutover", a.cutoverDate() == null ? "" : a.cutoverDate().toString());
            r.put("reason", a.reason() == null ? "" : a.reason());
            rows.add(r);
        }
        return rows;
    }

    static List<Map<String, String>> allocation(Plan plan, Map<String, Agency> agencies) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (AgencyDecision a : sorted(plan.centralAgencies())) {
            Agency ag = agencies.get(a.code());
            Map<String, String> r = new LinkedHashMap<>();
            r.put("code", a.code());
            r.put("name", ag == null ? "" : ag.name());
            r.put("priority", ag == null ? "" : ag.priority().code());
            r.put("cirDown", mbps(a.cirDownBps()));
            r.put("mirDown", mbps(a.mirDownBps()));
            r.put("cirUp", mbps(a.cirUpBps()));
            r.put("mirUp", mbps(a.mirUpBps()));
            rows.add(r);
        }
        return rows;
    }

    static List<Map<String, String>> years(List<PlanResult.Year> years) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (PlanResult.Year y : years) {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("year", Integer.toString(y.year()));
            r.put("statusQuo", money(y.statusQuoIdr()));
            r.put("plan", money(y.planIdr()));
            r.put("savings", money(y.savingsIdr()));
            rows.add(r);
        }
        return rows;
    }

    /** Served share and congested intervals per central agency, normal and with the provider failed. */
    static List<Map<String, String>> simulation(Simulations.Replay replay, Map<String, Agency> agencies) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (replay.normal() == null) {
            return rows;
        }
        Map<String, Simulator.AgencyResult> failed = new HashMap<>();
        if (replay.failed() != null) {
            replay.failed().agencies().forEach(a -> failed.put(a.code(), a));
        }
        for (Simulator.AgencyResult a : replay.normal().agencies()) {
            Agency ag = agencies.get(a.code());
            Simulator.AgencyResult f = failed.get(a.code());
            Map<String, String> r = new LinkedHashMap<>();
            r.put("code", a.code());
            r.put("name", ag == null ? "" : ag.name());
            r.put("priority", ag == null ? "" : ag.priority().code());
            r.put("servedDown", percent(a.servedFractionDown()));
            r.put("servedUp", percent(a.servedFractionUp()));
            r.put("congestedDown", Integer.toString(a.congestedIntervalsDown()));
            r.put("congestedUp", Integer.toString(a.congestedIntervalsUp()));
            r.put("failedServedDown", f == null ? "–" : percent(f.servedFractionDown()));
            r.put("failedServedUp", f == null ? "–" : percent(f.servedFractionUp()));
            r.put("failedCongestedDown", f == null ? "–" : Integer.toString(f.congestedIntervalsDown()));
            r.put("failedCongestedUp", f == null ? "–" : Integer.toString(f.congestedIntervalsUp()));
            rows.add(r);
        }
        return rows;
    }

    private static List<AgencyDecision> sorted(List<AgencyDecision> list) {
        List<AgencyDecision> out = new ArrayList<>(list);
        out.sort((x, y) -> x.decision() != y.decision() ? x.decision().compareTo(y.decision()) : x.code().compareTo(y.code()));
        return out;
    }
}
