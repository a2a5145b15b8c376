package id.padu.app.dashboard;

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
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import id.padu.analysis.AgencyAnalysis;
import id.padu.analysis.AggregateAnalysis;
import id.padu.analysis.ContractEnding;
import id.padu.domain.BitRate;
import id.padu.domain.Rupiah;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The spend report as a PDF in Bahasa Indonesia (A4 landscape): the headline figures, one row
 * per agency and the contracts ending, money as {@code Rp 1.234.567}.
 */
final class SpendReportPdf {


    private SpendReportPdf() {
    }

    static void write(SpendSnapshot s, String region, LocalDate generated, MessageSource messages, OutputStream out) {
        SpendReportXlsx.Texts t = new SpendReportXlsx.Texts(messages);
        AggregateAnalysis agg = s.report().aggregate();
        String q = SpendReportXlsx.quantileLabel(s.report().quantile());
        Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(t.get("report.title") + " - " + region);
            doc.addCreator("Padu");
            doc.open();
            doc.add(new Paragraph(t.get("report.title"), TITLE));
            doc.add(new Paragraph(region, SUBTITLE));
            doc.add(new Paragraph(t.get("report.generated", generated.toString(), q, s.report().referenceDate().toString()), SMALL));

            PdfPTable head = new PdfPTable(new float[] {3, 2});
            head.setWidthPercentage(60);
            head.setHorizontalAlignment(Element.ALIGN_LEFT);
            head.setSpacingBefore(10);
            row(head, t.get("report.totalSpend"), Rupiah.format(agg.totalAnnualSpendIdr()));
            row(head, t.get("report.totalMonthly"), Rupiah.format(agg.totalAnnualSpendIdr() / 12));
            row(head, t.get("report.idle"), Rupiah.format(agg.totalIdleAnnualIdr()) + (agg.totalAnnualSpendIdr() > 0
                    ? String.format(Locale.ROOT, " (%d %%)", Math.round(100.0 * agg.totalIdleAnnualIdr() / agg.totalAnnualSpendIdr()))
                    : ""));
            row(head, t.get("report.purchasedDown"), rate(agg.purchasedDownBps()));
            row(head, t.get("report.sumOfQ", q), rate(agg.sumOfQDownBps()));
            row(head, t.get("report.aggregateQ", q), agg.down() == null ? "-" : rate(agg.down().q()));
            row(head, t.get("report.gain"), agg.multiplexingGainDown() == null ? "-"
                    : String.format(Locale.ROOT, "%.2f", agg.multiplexingGainDown()).replace('.', ','));
            doc.add(head);
            doc.add(new Paragraph(t.get("report.note"), SMALL));

            doc.add(heading(t.get("report.sheet.agencies")));
            PdfPTable ag = new PdfPTable(new float[] {2.2f, 5, 2.6f, 1.8f, 1.8f, 1.4f, 2.6f, 2.2f});
            ag.setWidthPercentage(100);
            ag.setHeaderRows(1);
            for (String h : new String[] {t.get("report.col.code"), t.get("report.col.name"), t.get("report.col.spend"),
                    t.get("report.col.purchasedDown"), t.get("report.col.qDown", q), t.get("report.col.util"),
                    t.get("report.col.idle"), t.get("report.col.perUsed")}) {
                ag.addCell(headCell(h));
            }
            for (AgencyAnalysis a : s.report().agencies()) {
                ag.addCell(cell(a.code(), false));
                ag.addCell(cell(a.name(), false));
                ag.addCell(cell(Rupiah.format(a.annualSpendIdr()), true));
                ag.addCell(cell(rate(a.purchasedDownBps()), true));
                ag.addCell(cell(a.hasUsage() ? rate(a.down().q()) : "-", true));
                ag.addCell(cell(a.utilizationDown() == null ? "-" : Math.round(a.utilizationDown() * 100) + " %", true));
                ag.addCell(cell(a.idleAnnualIdr() == null ? "-" : Rupiah.format(a.idleAnnualIdr()), true));
                ag.addCell(cell(a.costPerUsedMbpsMonthIdr() == null ? "-" : Rupiah.format(a.costPerUsedMbpsMonthIdr()), true));
            }
            PdfPCell total = new PdfPCell(new Phrase(t.get("report.total"), TABLE_BOLD));
            total.setColspan(2);
            ag.addCell(total);
            ag.addCell(boldCell(Rupiah.format(agg.totalAnnualSpendIdr())));
            ag.addCell(boldCell(rate(agg.purchasedDownBps())));
            ag.addCell(boldCell(rate(agg.sumOfQDownBps())));
            ag.addCell(boldCell(""));
            ag.addCell(boldCell(Rupiah.format(agg.totalIdleAnnualIdr())));
            ag.addCell(boldCell(""));
            doc.add(ag);

            doc.add(heading(t.get("report.sheet.contracts")));
            if (s.report().contractsEnding().isEmpty()) {
                doc.add(new Paragraph(t.get("report.noContracts"), BODY));
            } else {
                PdfPTable ct = new PdfPTable(new float[] {1.6f, 5, 4, 2.2f, 2.2f});
                ct.setWidthPercentage(100);
                ct.setHeaderRows(1);
                for (String h : new String[] {t.get("report.col.end"), t.get("report.col.name"), t.get("report.col.product"),
                        t.get("report.col.monthly"), t.get("report.col.penalty")}) {
                    ct.addCell(headCell(h));
                }
                long penalties = 0;
                for (ContractEnding c : s.report().contractsEnding()) {
                    var a = s.agencies().get(c.agency());
                    ct.addCell(cell(c.endDate().toString(), false));
                    ct.addCell(cell(a == null ? c.agency() : a.name() + " (" + c.agency() + ")", false));
                    ct.addCell(cell(c.provider() + " - " + c.product(), false));
                    ct.addCell(cell(Rupiah.format(c.monthlyCostIdr()), true));
                    ct.addCell(cell(Rupiah.format(c.exitPenaltyIdr()), true));
                    penalties += c.exitPenaltyIdr();
                }
                PdfPCell tot = new PdfPCell(new Phrase(t.get("report.total"), TABLE_BOLD));
                tot.setColspan(4);
                ct.addCell(tot);
                ct.addCell(boldCell(Rupiah.format(penalties)));
                doc.add(ct);
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF: " + e.getMessage(), e);
        }
    }

    private static String rate(long bps) {
        return BitRate.ofBps(bps).format();
    }

    private static Paragraph heading(String text) {
        Paragraph p = new Paragraph(text, HEADING);
        p.setSpacingBefore(12);
        p.setSpacingAfter(6);
        return p;
    }

    private static void row(PdfPTable t, String label, String value) {
        t.addCell(cell(label, false));
        t.addCell(boldCell(value));
    }

    private static PdfPCell headCell(String text) {
        PdfPCell c = new PdfPCell(new Phrase(text, TABLE_BOLD));
        c.setBackgroundColor(HEAD_BG);
        return c;
    }

    private static PdfPCell cell(String text, boolean number) {
        PdfPCell c = new PdfPCell(new Phrase(text, TABLE));
        if (number) {
            c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        return c;
    }

    private static PdfPCell boldCell(String text) {
        PdfPCell c = new PdfPCell(new Phrase(text, TABLE_BOLD));
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return c;
    }
}
