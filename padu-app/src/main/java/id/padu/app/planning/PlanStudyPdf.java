package id.padu.app.planning;

import static id.padu.app.shared.PdfStyles.BODY;
import static id.padu.app.shared.PdfStyles.HEADING;
import static id.padu.app.shared.PdfStyles.HEAD_BG;
import static id.padu.app.shared.PdfStyles.SMALL;
import static id.padu.app.shared.PdfStyles.SUBTITLE;
import static id.padu.app.shared.PdfStyles.TABLE;
import static id.padu.app.shared.PdfStyles.TABLE_BOLD;
import static id.padu.app.shared.PdfStyles.TITLE;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import id.padu.domain.Agency;
import id.padu.plan.Plan;
import id.padu.plan.PlanResult;
import id.padu.simulation.Simulator;
import java.awt.Color;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The study ("kajian") a Diskominfo hands to the Bupati, in Bahasa Indonesia, A4 portrait:
 * summary (status quo against plan, savings, payback, with a chart per year), method (how demand
 * was measured, quantile, growth, target utilisation, redundancy, the multiplexing gain, the
 * optimisation, allocation and simulation), then uplinks, decisions with reasons, allocation and
 * the simulation (chart and table, normal and with the largest provider failed).
 */
final class PlanStudyPdf {

    /** What the measured demand says, for the method section. */
    record Demand(long sumOfQDownBps, Long aggregateQDownBps, Double gainDown, int agenciesWithUsage, int agencies) {
    }

    /** The chart's series colours: the study's own, the house style has no charts otherwise. */
    private static final Color GREY = new Color(0x99, 0x99, 0x99);
    private static final Color BLUE = new Color(0x1F, 0x77, 0xB4);
    private static final Color LIGHT_BLUE = new Color(0xAE, 0xC7, 0xE8);
    private static final Color RED = new Color(0xD6, 0x27, 0x28);

    private PlanStudyPdf() {
    }

    static void write(Scenario s, StudyTexts t, String region, java.time.LocalDate generated, Map<String, Agency> agencies,
                      Simulations.Replay replay, Demand demand, OutputStream out) {
        Plan p = s.plan();
        Map<String, String> set = s.settings();
        String payback = PlanRows.payback(p.paybackMonths(), StudyTexts.ID, t.get("planning.never"), t.get("planning.months"));
        Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.addTitle(t.get("kajian.title") + " - " + region);
            doc.addCreator("Padu");
            doc.open();
            doc.add(new Paragraph(t.get("kajian.title"), TITLE));
            doc.add(new Paragraph(region, SUBTITLE));
            doc.add(new Paragraph(t.get("kajian.scenario", s.name(), generated.toString()), SMALL));

            // 1. Ringkasan
            doc.add(heading(t.get("kajian.h.summary")));
            doc.add(body(t.get("kajian.summary.text", PlanRows.money(p.statusQuoAnnualIdr()), s.centralCount(),
                    p.agencies().size(), p.uplinks().size(), PlanRows.money(p.planAnnualIdr()),
                    PlanRows.money(p.savingsAnnualIdr()), PlanRows.money(p.oneOffCostIdr()), payback)));
            if (!s.meetsRequirement()) {
                // the ceiling leaves the uplinks short: say so before any figure, and point to the simulation
                String ceiling = set.getOrDefault("plan.central_budget_idr", "");
                doc.add(body(t.get("kajian.notMet", ceiling.isBlank() ? "-" : PlanRows.money(Long.parseLong(ceiling)),
                        PlanRows.percent(s.carriedShare()).replace('.', ','))));
            }
            PdfPTable head = new PdfPTable(new float[] {3, 2});
            head.setWidthPercentage(75);
            head.setHorizontalAlignment(Element.ALIGN_LEFT);
            head.setSpacingBefore(6);
            row(head, t.get("planning.statusQuo"), PlanRows.money(p.statusQuoAnnualIdr()));
            row(head, t.get("planning.planAnnual"), PlanRows.money(p.planAnnualIdr()));
            row(head, t.get("planning.savings"), PlanRows.money(p.savingsAnnualIdr()));
            row(head, t.get("planning.oneOff"), PlanRows.money(p.oneOffCostIdr()));
            row(head, t.get("kajian.installs"), PlanRows.money(s.installsIdr()));
            row(head, t.get("kajian.penalties"), PlanRows.money(s.penaltiesIdr()));
            row(head, t.get("planning.payback"), payback);
            if (s.centralAnnualIdr() != null) {
                row(head, t.get("kajian.centralAnnual"), PlanRows.money(s.centralAnnualIdr()));
            }
            row(head, t.get("planning.centralCount"), s.centralCount() + " / " + p.agencies().size());
            row(head, t.get("kajian.capacity"), PlanRows.mbps(p.capacityDownBps()) + " / " + PlanRows.mbps(p.capacityUpBps()));
            row(head, t.get("planning.optimalRow"), p.optimal() ? t.get("kajian.optimal.yes")
                    : t.get("kajian.optimal.gap", pct(p.gap() * 100), PlanRows.money(Math.round(p.gap() * p.planAnnualIdr()))));
            doc.add(head);

            doc.add(subheading(t.get("kajian.h.years", s.years().size())));
            if (!s.years().isEmpty()) {
                List<String> labels = new ArrayList<>();
                List<Double> sq = new ArrayList<>();
                List<Double> pl = new ArrayList<>();
                double max = 0;
                for (PlanResult.Year y : s.years()) {
                    labels.add(t.get("kajian.yearN", y.year()));
                    sq.add((double) y.statusQuoIdr());
                    pl.add((double) y.planIdr());
                    max = Math.max(max, Math.max(y.statusQuoIdr(), y.planIdr()));
                }
                Image chart = PdfBarChart.draw(writer, 495, 190, labels,
                        List.of(new PdfBarChart.Series(t.get("planning.statusQuo"), GREY, sq),
                                new PdfBarChart.Series(t.get("kajian.planPerYear"), BLUE, pl)),
                        0, niceCeiling(max), v -> PlanRows.money(Math.round(v)));
                doc.add(chart);
                PdfPTable yt = table(new float[] {1, 2, 2, 2}, t.get("planning.year"), t.get("planning.statusQuo"),
                        t.get("planning.planCost"), t.get("planning.savings"));
                long totalSq = 0, totalPlan = 0, totalSav = 0;
                for (PlanResult.Year y : s.years()) {
                    yt.addCell(cell(Integer.toString(y.year()), false));
                    yt.addCell(cell(PlanRows.money(y.statusQuoIdr()), true));
                    yt.addCell(cell(PlanRows.money(y.planIdr()), true));
                    yt.addCell(cell(PlanRows.money(y.savingsIdr()), true));
                    totalSq += y.statusQuoIdr();
                    totalPlan += y.planIdr();
                    totalSav += y.savingsIdr();
                }
                yt.addCell(boldCell(t.get("kajian.total"), false));
                yt.addCell(boldCell(PlanRows.money(totalSq), true));
                yt.addCell(boldCell(PlanRows.money(totalPlan), true));
                yt.addCell(boldCell(PlanRows.money(totalSav), true));
                doc.add(yt);
                doc.add(new Paragraph(t.get("kajian.years.note"), SMALL));
            }

            // 2. Metode
            doc.add(heading(t.get("kajian.h.method")));
            String q = pct(Double.parseDouble(set.getOrDefault("plan.quantile", "0.95")) * 100);
            doc.add(body(t.get("kajian.method.measure", demand.agenciesWithUsage(), demand.agencies(),
                    replay.normal() == null ? 0 : replay.normal().intervals(), q)));
            doc.add(body(t.get("kajian.method.capacity", pct(Double.parseDouble(set.getOrDefault("plan.growth", "0")) * 100),
                    pct(Double.parseDouble(set.getOrDefault("plan.target_utilization", "0.8")) * 100),
                    PlanRows.mbps(p.requiredDownBps()), PlanRows.mbps(p.requiredUpBps()))));
            if (demand.aggregateQDownBps() != null && demand.gainDown() != null) {
                doc.add(body(t.get("kajian.method.multiplexing", q, PlanRows.mbps(demand.sumOfQDownBps()),
                        PlanRows.mbps(demand.aggregateQDownBps()), ratio(demand.gainDown()))));
            }
            doc.add(body("dual".equals(set.get("plan.redundancy"))
                    ? t.get("kajian.method.dual", pct(Double.parseDouble(set.getOrDefault("plan.survivable_fraction", "0.6")) * 100))
                    : t.get("kajian.method.single")));
            doc.add(body(t.get("kajian.method.offers", pct(Double.parseDouble(set.getOrDefault("plan.broadband_share", "0.25")) * 100),
                    set.getOrDefault("plan.min_sla_pct", "").isBlank() ? t.get("kajian.method.offers.noSla")
                            : t.get("kajian.method.offers.sla", set.get("plan.min_sla_pct").replace('.', ',')))));
            doc.add(body(t.get("kajian.method.optimise", set.getOrDefault("plan.horizon_years", ""),
                    "all".equals(set.get("plan.scope")) ? t.get("kajian.scope.all") : t.get("kajian.scope.optimize"))));
            doc.add(body(t.get("kajian.method.cutover", set.getOrDefault("plan.start_date", ""))));
            doc.add(body(t.get("kajian.method.allocation", pct(Double.parseDouble(set.getOrDefault("plan.reserve", "0.1")) * 100),
                    set.getOrDefault("plan.min_cir_mbps", "0").replace('.', ','), mirText(t, set.getOrDefault("plan.mir", "uplink")))));
            doc.add(body(t.get("kajian.method.simulation", replay.failedProvider() == null ? "-" : replay.failedProvider())));

            // 3. Uplink
            doc.add(heading(t.get("kajian.h.uplinks")));
            if (p.uplinks().isEmpty()) {
                doc.add(body(t.get("planning.noUplinks")));
            } else {
                PdfPTable ut = table(new float[] {2, 3, 1.6f, 1.6f, 2.2f, 2.2f}, t.get("planning.col.provider"),
                        t.get("planning.col.product"), t.get("planning.col.down"), t.get("planning.col.up"),
                        t.get("planning.col.monthly"), t.get("planning.col.install"));
                for (Map<String, String> u : PlanRows.uplinks(p)) {
                    ut.addCell(cell(u.get("provider"), false));
                    ut.addCell(cell(u.get("product"), false));
                    ut.addCell(cell(u.get("down"), true));
                    ut.addCell(cell(u.get("up"), true));
                    ut.addCell(cell(u.get("monthly"), true));
                    ut.addCell(cell(u.get("install"), true));
                }
                doc.add(ut);
            }

            if (!s.offers().isEmpty()) {
                // why a cheap offer was or was not taken: the first question a network engineer asks
                doc.add(subheading(t.get("planning.offers")));
                PdfPTable ot = table(new float[] {2, 3, 1.6f, 1.5f, 1.2f, 5.5f}, t.get("planning.col.provider"),
                        t.get("planning.col.product"), t.get("planning.col.kind"), t.get("planning.col.countedDown"),
                        t.get("planning.col.taken"), t.get("planning.col.reason"));
                for (Map<String, String> o : PlanRows.offers(s.offers(), t.get("planning.offer.taken"),
                        t.get("planning.offer.notTaken"))) {
                    ot.addCell(cell(o.get("provider"), false));
                    ot.addCell(cell(o.get("product"), false));
                    ot.addCell(cell(o.get("kind"), false));
                    ot.addCell(cell(o.get("countedDown"), true));
                    ot.addCell(cell(o.get("chosenText"), false));
                    ot.addCell(cell(o.get("reason"), false));
                }
                doc.add(ot);
            }

            // 4. Keputusan
            doc.add(heading(t.get("kajian.h.decisions")));
            PdfPTable dt = table(new float[] {1.8f, 3.2f, 1.4f, 1.6f, 5}, t.get("planning.col.code"), t.get("planning.col.name"),
                    t.get("planning.col.decision"), t.get("planning.col.cutover"), t.get("planning.col.reason"));
            for (Map<String, String> d : PlanRows.decisions(p, agencies, t.get("planning.central"), t.get("planning.local"))) {
                dt.addCell(cell(d.get("code"), false));
                dt.addCell(cell(d.get("name"), false));
                dt.addCell(cell(d.get("decisionText"), false));
                dt.addCell(cell(d.get("cutover"), false));
                dt.addCell(cell(d.get("reason"), false));
            }
            doc.add(dt);

            if (!s.closeCalls().isEmpty()) {
                // which decisions are firm and which a matter of a few million rupiah: for the joint discussion
                doc.add(subheading(t.get("planning.closeCalls")));
                doc.add(body(t.get("planning.closeCalls.hint")));
                PdfPTable ct = table(new float[] {1.8f, 3.4f, 1.6f, 2.4f, 2.2f}, t.get("planning.col.code"),
                        t.get("planning.col.name"), t.get("planning.col.altDecision"), t.get("planning.col.altCost"),
                        t.get("planning.col.altMore"));
                for (Map<String, String> c : PlanRows.closeCalls(s.closeCalls(), p.planAnnualIdr(), agencies,
                        t.get("planning.central"), t.get("planning.local"))) {
                    ct.addCell(cell(c.get("code"), false));
                    ct.addCell(cell(c.get("name"), false));
                    ct.addCell(cell(c.get("decisionText"), false));
                    ct.addCell(cell(c.get("alternative"), true));
                    ct.addCell(cell(c.get("more"), true));
                }
                doc.add(ct);
            }

            // 5. Alokasi
            doc.add(heading(t.get("kajian.h.allocation")));
            doc.add(body(t.get("planning.allocation.hint", set.getOrDefault("plan.reserve", ""),
                    set.getOrDefault("plan.min_cir_mbps", "0"), set.getOrDefault("plan.mir", "uplink"))));
            PdfPTable at = table(new float[] {1.8f, 3.4f, 1.3f, 1.5f, 1.5f, 1.5f, 1.5f}, t.get("planning.col.code"),
                    t.get("planning.col.name"), t.get("planning.col.priority"), "CIR unduh", "MIR unduh", "CIR unggah", "MIR unggah");
            for (Map<String, String> a : PlanRows.allocation(p, agencies)) {
                at.addCell(cell(a.get("code"), false));
                at.addCell(cell(a.get("name"), false));
                at.addCell(cell(a.get("priority"), false));
                at.addCell(cell(a.get("cirDown"), true));
                at.addCell(cell(a.get("mirDown"), true));
                at.addCell(cell(a.get("cirUp"), true));
                at.addCell(cell(a.get("mirUp"), true));
            }
            doc.add(at);

            // 6. Simulasi
            doc.add(heading(t.get("kajian.h.simulation")));
            if (replay.problem() != null) {
                doc.add(body(t.get("planning.simulation.mismatch", replay.problem())));
            } else if (replay.normal() != null && !replay.normal().agencies().isEmpty()) {
                String failed = replay.failedProvider();
                List<String> codes = new ArrayList<>();
                List<Double> nd = new ArrayList<>();
                List<Double> fd = new ArrayList<>();
                double lowest = 100;
                Map<String, Simulator.AgencyResult> byCode = new java.util.HashMap<>();
                if (replay.failed() != null) {
                    replay.failed().agencies().forEach(a -> byCode.put(a.code(), a));
                }
                for (Simulator.AgencyResult a : replay.normal().agencies()) {
                    codes.add(a.code());
                    nd.add(a.servedFractionDown() * 100);
                    lowest = Math.min(lowest, a.servedFractionDown() * 100);
                    Simulator.AgencyResult f = byCode.get(a.code());
                    if (f != null) {
                        fd.add(f.servedFractionDown() * 100);
                        lowest = Math.min(lowest, f.servedFractionDown() * 100);
                    }
                }
                // The axis starts below the lowest bar (a round number), so small shortfalls stay visible;
                // the axis labels say where it starts.
                double min = Math.max(0, Math.floor(lowest / 5) * 5 - 5);
                List<PdfBarChart.Series> series = new ArrayList<>();
                series.add(new PdfBarChart.Series(t.get("kajian.sim.normalDown"), BLUE, nd));
                if (replay.failed() != null) {
                    series.add(new PdfBarChart.Series(t.get("kajian.sim.failedDown", failed), RED, fd));
                }
                doc.add(body(t.get("kajian.sim.chart", replay.normal().intervals())));
                doc.add(PdfBarChart.draw(writer, 495, 200, codes, series, min, 100, v -> pct(v) + " %"));
                PdfPTable st = table(new float[] {2, 1.2f, 1.4f, 1.4f, 1.2f, 1.2f, 1.4f, 1.4f, 1.2f, 1.2f},
                        t.get("planning.col.code"), t.get("planning.col.priority"),
                        t.get("kajian.sim.servedDown"), t.get("kajian.sim.servedUp"),
                        t.get("kajian.sim.congestedDown"), t.get("kajian.sim.congestedUp"),
                        failed + ": " + t.get("kajian.sim.servedDown"), failed + ": " + t.get("kajian.sim.servedUp"),
                        failed + ": " + t.get("kajian.sim.congestedDown"), failed + ": " + t.get("kajian.sim.congestedUp"));
                for (Map<String, String> r : PlanRows.simulation(replay, agencies)) {
                    st.addCell(cell(r.get("code"), false));
                    st.addCell(cell(r.get("priority"), false));
                    for (String k : new String[] {"servedDown", "servedUp", "congestedDown", "congestedUp", "failedServedDown",
                            "failedServedUp", "failedCongestedDown", "failedCongestedUp"}) {
                        st.addCell(cell(r.get(k).replace("–", "-"), true));
                    }
                }
                doc.add(st);
            } else {
                doc.add(body(t.get("kajian.sim.none")));
            }

            doc.add(heading(t.get("planning.settingsUsed")));
            PdfPTable sett = new PdfPTable(new float[] {2, 2});
            sett.setWidthPercentage(60);
            sett.setHorizontalAlignment(Element.ALIGN_LEFT);
            set.forEach((k, v) -> {
                sett.addCell(cell(k, false));
                sett.addCell(cell(v, false));
            });
            doc.add(sett);
            doc.add(new Paragraph(t.get("kajian.footer"), SMALL));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF: " + e.getMessage(), e);
        }
    }

    /** The MIR rule in words: the whole uplink, the agency's own link, or a multiple of its CIR. */
    private static String mirText(StudyTexts t, String mir) {
        return switch (mir) {
            case "uplink" -> t.get("kajian.mir.uplink");
            case "link" -> t.get("kajian.mir.link");
            default -> t.get("kajian.mir.multiple", mir.substring(0, mir.length() - 1).replace('.', ','));
        };
    }

    /** A round top for a money axis: 1, 2, 2.5 or 5 times a power of ten. */
    static double niceCeiling(double x) {
        if (x <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        for (double step : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * p >= x) {
                return step * p;
            }
        }
        return 10 * p;
    }

    /** {@code 12,5} (Indonesian decimal comma, at most two decimals). */
    static String pct(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String ratio(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    private static Paragraph heading(String text) {
        Paragraph p = new Paragraph(text, HEADING);
        p.setSpacingBefore(14);
        p.setSpacingAfter(6);
        return p;
    }

    private static Paragraph subheading(String text) {
        Paragraph p = new Paragraph(text, TABLE_BOLD);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return p;
    }

    private static Paragraph body(String text) {
        Paragraph p = new Paragraph(text, BODY);
        p.setSpacingAfter(5);
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        return p;
    }

    private static PdfPTable table(float[] widths, String... heads) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        t.setSpacingBefore(4);
        for (String h : heads) {
            PdfPCell c = new PdfPCell(new Phrase(h, TABLE_BOLD));
            c.setBackgroundColor(HEAD_BG);
            t.addCell(c);
        }
        return t;
    }

    private static void row(PdfPTable t, String label, String value) {
        t.addCell(cell(label, false));
        t.addCell(boldCell(value, true));
    }

    private static PdfPCell cell(String text, boolean number) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, TABLE));
        if (number) {
            c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        return c;
    }

    private static PdfPCell boldCell(String text, boolean number) {
        PdfPCell c = new PdfPCell(new Phrase(text, TABLE_BOLD));
        if (number) {
            c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        return c;
    }
}
