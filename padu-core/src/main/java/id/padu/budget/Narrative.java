package id.padu.budget;

import id.padu.domain.BitRate;
import id.padu.domain.Rupiah;
import id.padu.forecast.Forecast;
import id.padu.plan.Plan;
import id.padu.text.Bundles;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The proposal's justification in Bahasa Indonesia, ready to paste into the RKA: what is bought,
 * why that capacity, which agencies, what it saves. Always Indonesian, whatever the reader's
 * language: it is a text for TAPD and Bappeda (the sentences are in {@code id.padu.budget.narrative}).
 */
final class Narrative {

    static final Locale ID = Locale.forLanguageTag("id");
    private static final String BUNDLE = "id.padu.budget.narrative";

    private Narrative() {
    }

    static String of(Budget b, Plan plan, Forecast.Upgrade upgrade, int upgradeFrom, boolean atStart) {
        List<String> paragraphs = new ArrayList<>();
        int year = b.year();

        // what is bought
        List<String> bought = new ArrayList<>();
        int links = 0;
        for (Budget.CentralLine l : b.centralLines()) {
            if (l.kind() == Budget.Kind.LINK) {
                links++;
                continue;
            }
            String product = l.kind() == Budget.Kind.UPGRADE
                    ? upgrade.uplinks().stream().filter(u -> u.provider().equals(l.provider()) && l.item().endsWith(u.product()))
                            .map(u -> u.product()).findFirst().orElse(l.item())
                    : l.item();
            bought.add(t("bought.uplink", l.provider(), product, months(l.fromMonth(), l.toMonth())));
        }
        paragraphs.add(t(bought.isEmpty() ? "p.bought.none" : "p.bought", String.valueOf(year), money(b.centralTotalIdr()),
                String.join("; ", bought), rate(plan.capacityDownBps()), rate(plan.capacityUpBps()), String.valueOf(links)));

        // why that capacity
        Forecast f = b.forecast();
        if (f == null) {
            paragraphs.add(t("p.why.noForecast", b.forecastRefusal()));
        } else {
            Forecast.Month last = f.measuredMonths().get(f.measuredMonths().size() - 1);
            StringBuilder why = new StringBuilder(t("p.why", rate(last.downBps()), month(last.month()),
                    pct(f.growthPerYear(), 1), String.valueOf(f.measuredMonths().size()), pct(f.targetUtilization(), 0)));
            Forecast.Crossing c = f.crossing();
            why.append(' ');
            if (c == null || c.month().getYear() > year) {
                why.append(c == null ? t("p.why.enough", String.valueOf(year))
                        : t("p.why.enoughUntil", String.valueOf(year), month(c.month().minusMonths(1))));
            } else if (upgrade == null) {
                why.append(t("p.why.noChoice", month(c.month()), rate(c.requiredDownBps())));
            } else {
                List<String> names = upgrade.uplinks().stream().map(u -> u.provider() + " " + u.product()).toList();
                why.append(t(atStart ? "p.why.upgradeAtStart" : "p.why.upgrade", month(c.month()), rate(c.requiredDownBps()), rate(f.capacityDownBps()),
                        String.join(" + ", names), Month.of(upgradeFrom).getDisplayName(TextStyle.FULL, ID),
                        rate(upgrade.capacityDownBps())));
            }
            paragraphs.add(why.toString());
        }

        // which agencies
        List<String> central = new ArrayList<>();
        List<String> moving = new ArrayList<>();
        List<String> local = new ArrayList<>();
        long localIdr = 0;
        long noLonger = 0;
        for (Budget.AgencyLine a : b.agencies()) {
            if (a.central()) {
                central.add(a.code());
                if (a.cutoverDate() != null && a.cutoverDate().getYear() == year) {
                    moving.add(a.code() + " (" + Month.of(a.cutoverDate().getMonthValue()).getDisplayName(TextStyle.FULL, ID) + ")");
                }
                noLonger += a.noLongerNeededIdr();
            } else {
                local.add(a.code());
                localIdr += a.budgetIdr();
            }
        }
        StringBuilder who = new StringBuilder(t("p.who", String.valueOf(central.size()), String.join(", ", central)));
        if (!moving.isEmpty()) {
            who.append(' ').append(t("p.who.moving", String.valueOf(year), String.join(", ", moving)));
        }
        if (!local.isEmpty()) {
            who.append(' ').append(t("p.who.local", String.valueOf(local.size()), String.join(", ", local), money(localIdr)));
        }
        paragraphs.add(who.toString());

        // what it saves
        long diff = b.statusQuoIdr() - b.totalIdr();
        StringBuilder saves = new StringBuilder(t(diff >= 0 ? "p.saves" : "p.costsMore", money(b.statusQuoIdr()),
                money(b.totalIdr()), money(b.centralTotalIdr()), money(b.agenciesTotalIdr()), money(Math.abs(diff))));
        if (noLonger > 0) {
            saves.append(' ').append(t("p.saves.dpa", money(noLonger)));
        }
        paragraphs.add(saves.toString());
        return String.join("\n\n", paragraphs);
    }

    private static String t(String key, Object... args) {
        return Bundles.format(BUNDLE, ID, key, args);
    }

    private static String money(long idr) {
        return Rupiah.format(idr);
    }

    private static String rate(long bps) {
        return BitRate.ofBps(bps).format();
    }

    private static String pct(double fraction, int decimals) {
        return String.format(ID, "%." + decimals + "f %%", fraction * 100);
    }

    private static String month(YearMonth ym) {
        return ym.getMonth().getDisplayName(TextStyle.FULL, ID) + " " + ym.getYear();
    }

    /** "Januari–Desember", or one month's name. */
    private static String months(int from, int to) {
        String a = Month.of(from).getDisplayName(TextStyle.FULL, ID);
        return from == to ? a : a + "–" + Month.of(to).getDisplayName(TextStyle.FULL, ID);
    }
}
