package id.padu.app.planning;

import id.padu.domain.Agency;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import id.padu.plan.PlanResult;
import id.padu.plan.Uplink;
import id.padu.simulation.Simulator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import id.padu.app.shared.XlsxStyles;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A scenario as a workbook in Bahasa Indonesia: summary, per year, uplinks, decisions with
 * reasons, allocation (Mbps) and simulation. Figures are numbers with a display format (money
 * {@code "Rp "#,##0}), so a planner can compute with them in Excel.
 */
final class PlanXlsx {


    private PlanXlsx() {
    }

    static void write(Scenario s, StudyTexts t, String region, LocalDate generated, Map<String, Agency> agencies,
                      Simulations.Replay replay, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XlsxStyles st = new XlsxStyles(wb);
            Plan p = s.plan();

            Sheet sum = wb.createSheet(t.get("kajian.sheet.summary"));
            int r = 0;
            text(sum.createRow(r++), 0, t.get("kajian.title"), st.title);
            text(sum.createRow(r++), 0, region, st.bold);
            text(sum.createRow(r++), 0, t.get("kajian.scenario", s.name(), generated.toString()), null);
            r++;
            r = money(sum, r, t.get("planning.statusQuo"), p.statusQuoAnnualIdr(), st);
            r = money(sum, r, t.get("planning.planAnnual"), p.planAnnualIdr(), st);
            r = money(sum, r, t.get("planning.savings"), p.savingsAnnualIdr(), st);
            r = money(sum, r, t.get("planning.oneOff"), p.oneOffCostIdr(), st);
            r = money(sum, r, t.get("kajian.installs"), s.installsIdr(), st);
            r = money(sum, r, t.get("kajian.penalties"), s.penaltiesIdr(), st);
            Row pb = sum.createRow(r++);
            text(pb, 0, t.get("kajian.paybackMonths"), null);
            if (p.paybackMonths() == null) {
                text(pb, 1, t.get("planning.never"), null);
            } else {
                num(pb, 1, p.paybackMonths(), st.oneDecimal);
            }
            Row cc = sum.createRow(r++);
            text(cc, 0, t.get("planning.centralCount"), null);
            num(cc, 1, s.centralCount(), null);
            num(cc, 2, p.agencies().size(), null);
            r = mbpsRow(sum, r, t.get("kajian.requiredDown"), p.requiredDownBps(), st);
            r = mbpsRow(sum, r, t.get("kajian.requiredUp"), p.requiredUpBps(), st);
            r = mbpsRow(sum, r, t.get("kajian.capacityDown"), p.capacityDownBps(), st);
            r = mbpsRow(sum, r, t.get("kajian.capacityUp"), p.capacityUpBps(), st);
            Row opt = sum.createRow(r++);
            text(opt, 0, t.get("planning.optimalRow"), null);
            text(opt, 1, p.optimal() ? t.get("planning.yes") : t.get("planning.no"), null);
            r++;
            text(sum.createRow(r++), 0, t.get("planning.settingsUsed"), st.bold);
            for (Map.Entry<String, String> e : s.settings().entrySet()) {
                Row row = sum.createRow(r++);
                text(row, 0, e.getKey(), null);
                text(row, 1, e.getValue(), null);
            }
            sum.setColumnWidth(0, 42 * 256);
            sum.setColumnWidth(1, 20 * 256);

            Sheet years = wb.createSheet(t.get("kajian.sheet.years"));
            header(years.createRow(0), st, t.get("planning.year"), t.get("planning.statusQuo"), t.get("planning.planCost"),
                    t.get("planning.savings"));
            r = 1;
            for (PlanResult.Year y : s.years()) {
                Row row = years.createRow(r++);
                num(row, 0, y.year(), null);
                num(row, 1, y.statusQuoIdr(), st.money);
                num(row, 2, y.planIdr(), st.money);
                num(row, 3, y.savingsIdr(), st.money);
            }
            widths(years, 10, 20, 20, 20);

            Sheet ups = wb.createSheet(t.get("kajian.sheet.uplinks"));
            header(ups.createRow(0), st, t.get("planning.col.provider"), t.get("planning.col.product"),
                    t.get("planning.col.down"), t.get("planning.col.up"), t.get("planning.col.monthly"), t.get("planning.col.install"));
            r = 1;
            for (Uplink u : p.uplinks()) {
                Row row = ups.createRow(r++);
                text(row, 0, u.provider(), null);
                text(row, 1, u.product(), null);
                num(row, 2, u.downMbps(), st.mbps);
                num(row, 3, u.upMbps(), st.mbps);
                num(row, 4, u.monthlyCostIdr(), st.money);
                num(row, 5, u.installCostIdr(), st.money);
            }
            widths(ups, 16, 24, 14, 14, 18, 18);

            Sheet dec = wb.createSheet(t.get("kajian.sheet.decisions"));
            header(dec.createRow(0), st, t.get("planning.col.code"), t.get("planning.col.name"), t.get("planning.col.decision"),
                    t.get("planning.col.cutover"), t.get("planning.col.reason"));
            r = 1;
            for (Map<String, String> d : PlanRows.decisions(p, agencies, t.get("planning.central"), t.get("planning.local"))) {
                Row row = dec.createRow(r++);
                text(row, 0, d.get("code"), null);
                text(row, 1, d.get("name"), null);
                text(row, 2, d.get("decisionText"), null);
                text(row, 3, d.get("cutover"), null);
                text(row, 4, d.get("reason"), null);
            }
            widths(dec, 16, 36, 14, 14, 80);

            Sheet al = wb.createSheet(t.get("kajian.sheet.allocation"));
            header(al.createRow(0), st, t.get("planning.col.code"), t.get("planning.col.name"), t.get("planning.col.priority"),
                    "CIR unduh", "MIR unduh", "CIR unggah", "MIR unggah");
            r = 1;
            for (AgencyDecision a : p.agencies()) {
                if (a.decision() != Decision.CENTRAL) {
                    continue;
                }
                Agency ag = agencies.get(a.code());
                Row row = al.createRow(r++);
                text(row, 0, a.code(), null);
                text(row, 1, ag == null ? "" : ag.name(), null);
                text(row, 2, ag == null ? "" : ag.priority().code(), null);
                num(row, 3, a.cirDownBps() / 1e6, st.mbps);
                num(row, 4, a.mirDownBps() / 1e6, st.mbps);
                num(row, 5, a.cirUpBps() / 1e6, st.mbps);
                num(row, 6, a.mirUpBps() / 1e6, st.mbps);
            }
            widths(al, 16, 36, 12, 14, 14, 14, 14);

            Sheet sim = wb.createSheet(t.get("kajian.sheet.simulation"));
            if (replay.normal() != null) {
                String failed = replay.failedProvider() == null ? "-" : replay.failedProvider();
                header(sim.createRow(0), st, t.get("planning.col.code"), t.get("planning.col.priority"),
                        t.get("kajian.sim.servedDown"), t.get("kajian.sim.servedUp"),
                        t.get("kajian.sim.congestedDown"), t.get("kajian.sim.congestedUp"),
                        t.get("planning.sim.failed", failed) + " " + t.get("kajian.sim.servedDown"),
                        t.get("planning.sim.failed", failed) + " " + t.get("kajian.sim.servedUp"),
                        t.get("planning.sim.failed", failed) + " " + t.get("kajian.sim.congestedDown"),
                        t.get("planning.sim.failed", failed) + " " + t.get("kajian.sim.congestedUp"));
                Map<String, Simulator.AgencyResult> f = new HashMap<>();
                if (replay.failed() != null) {
                    replay.failed().agencies().forEach(a -> f.put(a.code(), a));
                }
                r = 1;
                for (Simulator.AgencyResult a : replay.normal().agencies()) {
                    Agency ag = agencies.get(a.code());
                    Row row = sim.createRow(r++);
                    text(row, 0, a.code(), null);
                    text(row, 1, ag == null ? "" : ag.priority().code(), null);
                    num(row, 2, a.servedFractionDown(), st.percent);
                    num(row, 3, a.servedFractionUp(), st.percent);
                    num(row, 4, a.congestedIntervalsDown(), null);
                    num(row, 5, a.congestedIntervalsUp(), null);
                    Simulator.AgencyResult b = f.get(a.code());
                    if (b != null) {
                        num(row, 6, b.servedFractionDown(), st.percent);
                        num(row, 7, b.servedFractionUp(), st.percent);
                        num(row, 8, b.congestedIntervalsDown(), null);
                        num(row, 9, b.congestedIntervalsUp(), null);
                    }
                }
                widths(sim, 16, 12, 14, 14, 12, 12, 18, 18, 18, 18);
            } else if (replay.problem() != null) {
                text(sim.createRow(0), 0, t.get("planning.simulation.mismatch", replay.problem()), null);
            }
            wb.write(out);
        }
    }

    private static int money(Sheet sh, int r, String label, long idr, XlsxStyles st) {
        Row row = sh.createRow(r);
        text(row, 0, label, null);
        num(row, 1, idr, st.money);
        return r + 1;
    }

    private static int mbpsRow(Sheet sh, int r, String label, long bps, XlsxStyles st) {
        Row row = sh.createRow(r);
        text(row, 0, label, null);
        num(row, 1, bps / 1e6, st.mbps);
        return r + 1;
    }

    private static void header(Row row, XlsxStyles st, String... heads) {
        for (int i = 0; i < heads.length; i++) {
            text(row, i, heads[i], st.head);
        }
    }

    private static void widths(Sheet sh, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            sh.setColumnWidth(i, chars[i] * 256);
        }
    }

    private static void text(Row row, int col, String v, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(v == null ? "" : v);
        if (style != null) {
            c.setCellStyle(style);
        }
    }

    private static void num(Row row, int col, Number v, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(v.doubleValue());
        if (style != null) {
            c.setCellStyle(style);
        }
    }

}
