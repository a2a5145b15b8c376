package id.padu.app.migration;

import static id.padu.app.shared.PdfStyles.BODY;
import static id.padu.app.shared.PdfStyles.BOLD;
import static id.padu.app.shared.PdfStyles.HEADING;
import static id.padu.app.shared.PdfStyles.HEAD_BG;
import static id.padu.app.shared.PdfStyles.SMALL;
import static id.padu.app.shared.PdfStyles.TITLE;
import static id.padu.app.shared.PdfStyles.WARN;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import id.padu.migration.ChecklistItem;
import id.padu.migration.Cutover;
import id.padu.migration.MigrationSchedule;
import id.padu.migration.Runbook;
import id.padu.migration.RunbookPhase;
import id.padu.migration.RunbookSection;
import id.padu.migration.Text;
import id.padu.migration.Wave;
import java.awt.Color;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints runbooks as a PDF a team takes to the cutover: one agency per page run, every step
 * with a box to tick, rollback criteria apart from rollback steps, and signature fields.
 * With a schedule, a first page lists the waves and the reason of every date.
 */
public final class RunbookPdf {


    private RunbookPdf() {
    }

    /**
     * Writes the runbooks (and, when {@code schedule} is given, the schedule first) to {@code out}.
     */
    public static void write(List<Runbook> runbooks, MigrationSchedule schedule, Locale locale, OutputStream out) {
        Document doc = new Document(PageSize.A4, 42, 42, 42, 42);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(runbooks.size() == 1
                    ? Text.of("runbook.title", runbooks.get(0).name(), runbooks.get(0).code()).format(locale)
                    : Text.of("runbook.schedule.title").format(locale));
            doc.addCreator("Padu");
            doc.open();
            boolean first = true;
            if (schedule != null) {
                schedulePage(doc, schedule, locale);
                first = false;
            }
            for (Runbook rb : runbooks) {
                if (!first) {
                    doc.newPage();
                }
                first = false;
                runbook(doc, rb, locale);
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF: " + e.getMessage(), e);
        }
    }

    private static void schedulePage(Document doc, MigrationSchedule s, Locale l) {
        doc.add(new Paragraph(Text.of("runbook.schedule.title").format(l), TITLE));
        doc.add(new Paragraph(s.optimal() ? Text.of("runbook.schedule.optimal").format(l)
                : Text.of("runbook.schedule.gap", String.format(Locale.ROOT, "%.1f %%", s.gap() * 100)).format(l), BODY));
        doc.add(new Paragraph(Text.of("runbook.schedule.total", new Text.Money(s.totalCostIdr()),
                new Text.Money(s.totalPenaltyIdr()), new Text.Money(s.totalPaidTwiceIdr())).format(l), BODY));
        doc.add(spacer());
        PdfPTable t = new PdfPTable(new float[] {12, 10, 11, 15, 52});
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        boolean en = "en".equals(l.getLanguage());
        for (String h : en ? List.of("Wave / week", "Date", "Window", "Agency", "Reason")
                : List.of("Gelombang / minggu", "Tanggal", "Jendela", "Instansi", "Alasan")) {
            PdfPCell c = new PdfPCell(new Phrase(h, BOLD));
            c.setBackgroundColor(HEAD_BG);
            t.addCell(c);
        }
        for (Wave w : s.waves()) {
            for (Cutover c : w.cutovers()) {
                t.addCell(new Phrase(w.number() + " / " + w.week(), SMALL));
                t.addCell(new Phrase(c.date().toString(), SMALL));
                t.addCell(new Phrase(c.window() == null ? "" : c.window().hours(), SMALL));
                t.addCell(new Phrase(c.code(), SMALL));
                t.addCell(new Phrase(c.reason(l), SMALL));
            }
        }
        doc.add(t);
        doc.add(new Paragraph(Text.of("runbook.generated").format(l), SMALL));
    }

    private static void runbook(Document doc, Runbook rb, Locale l) {
        doc.add(new Paragraph(Text.of("runbook.title", rb.name(), rb.code()).format(l), TITLE));
        doc.add(new Paragraph(Text.of("runbook.when", rb.date(), rb.window() == null ? "-" : rb.window().hours()).format(l), HEADING));
        if (rb.critical()) {
            doc.add(new Paragraph(Text.of("runbook.critical").format(l), WARN));
        }
        doc.add(new Paragraph(rb.reason().format(l), SMALL));
        if (!rb.warnings().isEmpty()) {
            doc.add(spacer());
            doc.add(new Paragraph(Text.of("runbook.warnings").format(l), WARN));
            for (Text w : rb.warnings()) {
                doc.add(new Paragraph("- " + w.format(l), BODY));
            }
        }
        for (RunbookSection s : rb.sections()) {
            doc.add(spacer());
            Paragraph h = new Paragraph();
            h.add(new Chunk(s.phase().title().format(l), HEADING));
            h.add(new Chunk("   " + Text.of("runbook.due", s.due()).format(l), SMALL));
            doc.add(h);
            if (s.phase() == RunbookPhase.ROLLBACK) {
                doc.add(new Paragraph(Text.of("runbook.criteria").format(l), BOLD));
                doc.add(items(s.items().stream().filter(ChecklistItem::criterion).toList(), l));
                doc.add(new Paragraph(Text.of("runbook.steps").format(l), BOLD));
                doc.add(items(s.items().stream().filter(i -> !i.criterion()).toList(), l));
            } else {
                doc.add(items(s.items(), l));
            }
        }
        doc.add(spacer());
        doc.add(signatures(l));
        doc.add(new Paragraph(Text.of("runbook.generated").format(l), SMALL));
    }

    private static PdfPTable items(List<ChecklistItem> items, Locale l) {
        PdfPTable t = new PdfPTable(new float[] {4, 96});
        t.setWidthPercentage(100);
        t.setSpacingBefore(3);
        int n = 1;
        for (ChecklistItem i : items) {
            PdfPCell box = new PdfPCell(new Phrase(i.criterion() ? "!" : String.valueOf(n++), BOLD));
            box.setHorizontalAlignment(Element.ALIGN_CENTER);
            box.setBorder(Rectangle.BOX);
            box.setMinimumHeight(16);
            t.addCell(box);
            PdfPCell text = new PdfPCell(new Phrase(i.text().format(l), BODY));
            text.setBorder(Rectangle.BOTTOM);
            text.setBorderColor(Color.LIGHT_GRAY);
            text.setPaddingBottom(4);
            t.addCell(text);
        }
        return t;
    }

    private static PdfPTable signatures(Locale l) {
        PdfPTable t = new PdfPTable(2);
        t.setWidthPercentage(100);
        t.setKeepTogether(true);
        for (String who : List.of("runbook.sign.agency", "runbook.sign.diskominfo")) {
            PdfPCell c = new PdfPCell();
            c.addElement(new Paragraph(Text.of(who).format(l), BOLD));
            c.addElement(new Paragraph(Text.of("runbook.sign.name").format(l), SMALL));
            c.setMinimumHeight(70);
            t.addCell(c);
        }
        return t;
    }

    private static Paragraph spacer() {
        Paragraph p = new Paragraph(" ", SMALL);
        p.setSpacingAfter(2);
        return p;
    }
}
