package id.padu.app.cli;

import id.padu.analysis.AgencyAnalysis;
import id.padu.analysis.AggregateAnalysis;
import id.padu.analysis.ContractEnding;
import id.padu.analysis.SpendReport;
import id.padu.domain.Rupiah;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code padu analyze --format table}: aligned columns for people, Rupiah as {@code Rp 1.234.567}. */
final class AnalysisTable {

    private static final int NAME_WIDTH = 34;

    private final Messages m;
    private final NumberFormat oneDecimal;
    private final NumberFormat twoDecimals;
    private final NumberFormat whole;

    AnalysisTable(Messages m, Locale locale) {
        this.m = m;
        this.oneDecimal = NumberFormat.getNumberInstance(locale);
        oneDecimal.setMinimumFractionDigits(1);
        oneDecimal.setMaximumFractionDigits(1);
        this.twoDecimals = NumberFormat.getNumberInstance(locale);
        twoDecimals.setMinimumFractionDigits(2);
        twoDecimals.setMaximumFractionDigits(2);
        this.whole = NumberFormat.getIntegerInstance(locale);
    }

    String render(SpendReport r, String folder) {
        String q = "Q" + BigDecimal.valueOf(r.quantile() * 100).stripTrailingZeros().toPlainString();
        StringBuilder sb = new StringBuilder();
        sb.append(m.get("table.title")).append('\n');
        sb.append(m.get("table.folder", folder)).append("   ")
                .append(m.get("table.quantile", q)).append("   ")
                .append(m.get("table.reference", r.referenceDate().toString())).append("\n\n");

        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {m.get("col.code"), m.get("col.name"), m.get("col.lines"), m.get("col.spend"),
                m.get("col.bought"), m.get("col.q", q), m.get("col.max"), m.get("col.util"), m.get("col.idle"),
                m.get("col.busy")});
        for (AgencyAnalysis a : r.agencies()) {
            boolean u = a.hasUsage();
            rows.add(new String[] {a.code(), shorten(a.name()), Integer.toString(a.subscriptionCount()),
                    Rupiah.format(a.annualSpendIdr()), mbps(a.purchasedDownBps()),
                    u ? mbps(a.down().q()) : "-", u ? mbps(a.down().max()) : "-",
                    a.utilizationDown() == null ? "-" : whole.format(Math.round(a.utilizationDown() * 100)) + " %",
                    a.idleAnnualIdr() == null ? "-" : Rupiah.format(a.idleAnnualIdr()),
                    a.busyHourDown() == null ? "-" : String.format("%02d:00", a.busyHourDown())});
        }
        AggregateAnalysis g = r.aggregate();
        rows.add(new String[] {m.get("table.total"), "", "", Rupiah.format(g.totalAnnualSpendIdr()),
                mbps(g.purchasedDownBps()), g.down() == null ? "-" : mbps(g.down().q()),
                g.down() == null ? "-" : mbps(g.down().max()), "", Rupiah.format(g.totalIdleAnnualIdr()), ""});
        boolean[] right = {false, false, true, true, true, true, true, true, true, true};
        int[] width = new int[right.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            if (i == 1 || i == rows.size() - 1) {
                sb.append(rule(width)).append('\n');
            }
            String[] row = rows.get(i);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(width[c] - row[c].length());
                line.append(right[c] ? pad + row[c] : row[c] + pad);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }

        sb.append('\n').append(m.get("sum.title")).append('\n');
        line(sb, m.get("sum.spend"), Rupiah.format(g.totalAnnualSpendIdr()));
        String share = g.totalAnnualSpendIdr() == 0 ? ""
                : " (" + whole.format(Math.round(100.0 * g.totalIdleAnnualIdr() / g.totalAnnualSpendIdr())) + " %)";
        line(sb, m.get("sum.idle", q), Rupiah.format(g.totalIdleAnnualIdr()) + share);
        line(sb, m.get("sum.bought"), mbps(g.purchasedDownBps()) + " / " + mbps(g.purchasedUpBps()));
        if (g.down() != null) {
            line(sb, m.get("sum.aggregate", q), mbps(g.down().q()) + " / " + mbps(g.up().q()));
            line(sb, m.get("sum.sumOfQ", q), mbps(g.sumOfQDownBps()) + " / " + mbps(g.sumOfQUpBps()));
            line(sb, m.get("sum.gain"), gain(g.multiplexingGainDown()) + " / " + gain(g.multiplexingGainUp()));
        }
        line(sb, m.get("sum.withUsage"), g.agenciesWithUsage() + " / " + r.agencies().size());

        sb.append('\n').append(m.get("contracts.title", r.referenceDate().toString())).append('\n');
        if (r.contractsEnding().isEmpty()) {
            sb.append("  ").append(m.get("contracts.none")).append('\n');
        }
        for (ContractEnding c : r.contractsEnding()) {
            sb.append("  ").append(c.endDate()).append("  ").append(pad(c.agency(), 26)).append(' ')
                    .append(pad(c.provider() + " " + c.product(), 44)).append(' ')
                    .append(c.exitPenaltyIdr() == 0 ? m.get("contracts.lineNoPenalty", Rupiah.format(c.monthlyCostIdr()))
                            : m.get("contracts.line", Rupiah.format(c.monthlyCostIdr()), Rupiah.format(c.exitPenaltyIdr())))
                    .append('\n');
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, String label, String value) {
        sb.append("  ").append(pad(label, 50)).append(' ').append(value).append('\n');
    }

    private String mbps(long bps) {
        return oneDecimal.format(bps / 1e6) + " Mbps";
    }

    private String gain(Double g) {
        return g == null ? "-" : twoDecimals.format(g);
    }

    private static String shorten(String name) {
        return name.length() <= NAME_WIDTH ? name : name.substring(0, NAME_WIDTH - 3) + "...";
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

    private static String rule(int[] width) {
        int total = 0;
        for (int w : width) {
            total += w;
        }
        return "-".repeat(total + 2 * (width.length - 1));
    }
}
