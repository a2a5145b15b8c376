package id.padu.app.availability;

import static id.padu.app.shared.PdfStyles.BODY;
import static id.padu.app.shared.PdfStyles.HEADING;
import static id.padu.app.shared.PdfStyles.HEAD_BG;
import static id.padu.app.shared.PdfStyles.SMALL;
import static id.padu.app.shared.PdfStyles.SUBTITLE;
import static id.padu.app.shared.PdfStyles.TABLE;
import static id.padu.app.shared.PdfStyles.TABLE_BOLD;
import static id.padu.app.shared.PdfStyles.TITLE;
import static id.padu.app.shared.PdfStyles.WARN;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import id.padu.app.availability.UplinkReports.MonthReport;
import id.padu.app.availability.UplinkReports.UplinkReport;
import id.padu.availability.Outage;
import id.padu.availability.UplinkMonth;
import id.padu.domain.Rupiah;
import java.io.OutputStream;

/**
 * The monthly uplink report as a PDF (A4 portrait), in the house style: per uplink the month's
 * availability against the SLA, the polls answered and missed by Padu, and every outage with
 * start, end and duration in WIB; what Diskominfo attaches to its SLA claim to the ISP.
 */
final class AvailabilityPdf {

    private AvailabilityPdf() {
    }

    static void write(MonthReport r, String region, ReportText t, OutputStream out) {
        Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(t.get("avail.report.title") + " - " + t.monthName(r.month()));
            doc.addCreator("Padu");
            doc.open();
            doc.add(new Paragraph(t.get("avail.report.title"), TITLE));
            if (!region.isBlank()) {
                doc.add(new Paragraph(region, SUBTITLE));
            }
            doc.add(new Paragraph(t.get("avail.report.period", t.monthName(r.month())), SUBTITLE));
            String generated = t.get("avail.generated", ReportText.time(r.asOf().getEpochSecond()) + " WIB");
            doc.add(new Paragraph(generated, SMALL));
            if (!r.complete()) {
                doc.add(new Paragraph(t.get("avail.incomplete", ReportText.time(r.asOf().getEpochSecond()) + " WIB"), WARN));
            }
            Paragraph method = new Paragraph(t.get("avail.report.method"), SMALL);
            method.setSpacingBefore(4);
            doc.add(method);
            if (r.uplinks().isEmpty()) {
                doc.add(new Paragraph(t.get("avail.none"), BODY));
            }
            for (UplinkReport u : r.uplinks()) {
                UplinkMonth m = u.month();
                Paragraph h = new Paragraph(t.get("avail.report.uplinkHeading", u.provider(),
                        u.sla().product() != null ? u.sla().product() : u.product()), HEADING);
                h.setSpacingBefore(14);
                h.setSpacingAfter(6);
                doc.add(h);
                PdfPTable sum = new PdfPTable(new float[] {3, 2});
                sum.setWidthPercentage(70);
                sum.setHorizontalAlignment(Element.ALIGN_LEFT);
                row(sum, t.get("avail.col.availability"), t.share(m.availability()));
                row(sum, t.get("avail.col.sla"), t.sla(u.sla()));
                row(sum, t.get("avail.col.met"), t.met(u.met()));
                row(sum, t.get("avail.col.answered"), Long.toString(m.answeredPolls()));
                row(sum, t.get("avail.col.up"), Long.toString(m.upPolls()));
                row(sum, t.get("avail.col.idle"), Long.toString(m.idlePolls()));
                row(sum, t.get("avail.col.down"), Long.toString(m.downPolls()));
                row(sum, t.get("avail.col.missed"), t.get("avail.missedDetail", m.missedPolls(), m.unansweredPolls(), m.notPolled()));
                row(sum, t.get("avail.col.outages"), Integer.toString(m.outages().size()));
                row(sum, t.get("avail.col.outageTime"), ReportText.duration(m.outageSeconds()));
                if (u.sla().monthlyCostIdr() > 0) {
                    row(sum, t.get("avail.col.monthlyCost"), Rupiah.format(u.sla().monthlyCostIdr()));
                }
                doc.add(sum);
                if (m.outages().isEmpty()) {
                    Paragraph none = new Paragraph(t.get("avail.noOutages"), BODY);
                    none.setSpacingBefore(6);
                    doc.add(none);
                    continue;
                }
                PdfPTable ot = new PdfPTable(new float[] {3, 3, 1.8f, 1.3f, 1.3f, 3.4f});
                ot.setWidthPercentage(100);
                ot.setSpacingBefore(8);
                ot.setHeaderRows(1);
                for (String s : new String[] {t.get("avail.col.start"), t.get("avail.col.end"), t.get("avail.col.duration"),
                        t.get("avail.col.down"), t.get("avail.col.idle"), t.get("avail.col.ended")}) {
                    PdfPCell c = new PdfPCell(new Phrase(s, TABLE_BOLD));
                    c.setBackgroundColor(HEAD_BG);
                    ot.addCell(c);
                }
                for (Outage o : m.outages()) {
                    ot.addCell(cell(ReportText.time(o.startEpochSecond()) + (o.fromPreviousMonth() ? " *" : ""), false));
                    ot.addCell(cell(ReportText.time(o.endEpochSecond()), false));
                    ot.addCell(cell(ReportText.duration(o.durationSeconds()), true));
                    ot.addCell(cell(Integer.toString(o.downPolls()), true));
                    ot.addCell(cell(Integer.toString(o.idlePolls()), true));
                    ot.addCell(cell(t.ended(o), false));
                }
                doc.add(ot);
                if (m.outages().stream().anyMatch(Outage::fromPreviousMonth)) {
                    doc.add(new Paragraph("* " + t.get("avail.fromPrevious"), SMALL));
                }
            }
            if (!r.notMonitored().isEmpty()) {
                Paragraph p = new Paragraph(t.get("avail.notMonitored", String.join(", ", r.notMonitored())), BODY);
                p.setSpacingBefore(12);
                doc.add(p);
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF: " + e.getMessage(), e);
        }
    }

    private static void row(PdfPTable t, String label, String value) {
        t.addCell(cell(label, false));
        PdfPCell c = new PdfPCell(new Phrase(value, TABLE_BOLD));
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        t.addCell(c);
    }

    private static PdfPCell cell(String text, boolean number) {
        PdfPCell c = new PdfPCell(new Phrase(text, TABLE));
        if (number) {
            c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        return c;
    }
}
