package id.padu.app.review;

import static id.padu.app.shared.PdfStyles.BODY;
import static id.padu.app.shared.PdfStyles.HEAD_BG;
import static id.padu.app.shared.PdfStyles.HEADING;
import static id.padu.app.shared.PdfStyles.SMALL;
import static id.padu.app.shared.PdfStyles.TABLE;
import static id.padu.app.shared.PdfStyles.TABLE_BOLD;
import static id.padu.app.shared.PdfStyles.TITLE;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import id.padu.domain.BitRate;
import id.padu.domain.Wib;
import id.padu.plan.AgencyDecision;
import id.padu.text.Bundles;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The minutes of a review round (berita acara kesepakatan): each agency of the plan with its plan
 * decision, its answer, signer (name, NIP, position), date and comment, then every answer in the
 * order given with the needs stated and Diskominfo's replies. The same for one agency alone (its
 * own minutes, which its operator may download). Bahasa Indonesia by default, English on request.
 */
final class MinutesPdf {

    private static final String BUNDLE = "id.padu.app.review.minutes";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private MinutesPdf() {
    }

    static void write(ReviewStore.Round r, List<AgencyDecision> agencies, Map<String, ReviewStore.Response> answers,
                      List<ReviewStore.Response> history, List<ReviewStore.Reply> replies, Locale l, OutputStream out) {
        Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(doc, out);
            doc.open();
            doc.add(new Paragraph(t(l, "title"), TITLE));
            doc.add(new Paragraph(t(l, "round", Long.toString(r.id()), r.title(), Long.toString(r.scenarioId()),
                    r.dueDate().toString(), r.status()), BODY));
            long agree = answers.values().stream().filter(a -> a != null && a.decision().equals("agree")).count();
            long object = answers.values().stream().filter(a -> a != null && a.decision().equals("object")).count();
            long none = answers.values().stream().filter(a -> a == null).count();
            doc.add(new Paragraph(t(l, "summary", Integer.toString(answers.size()), Long.toString(agree),
                    Long.toString(object), Long.toString(none)), BODY));
            if (r.adoptedVersion() != null) {
                doc.add(new Paragraph(t(l, "adopted", Integer.toString(r.adoptedVersion())), BODY));
            }
            doc.add(new Paragraph(" ", SMALL));
            PdfPTable table = table();
            for (AgencyDecision a : agencies) {
                row(table, l, a.code(), t(l, "decision." + a.decision().code()), answers.get(a.code()));
            }
            doc.add(table);
            history(doc, l, history, replies);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("minutes PDF: " + e.getMessage(), e);
        }
    }

    /**
     * One agency's minutes: the round, the terms the agency was asked to agree to, its answer with
     * the signer, its stated needs, every earlier answer and Diskominfo's replies.
     */
    static void writeAgency(ReviewStore.Round r, ReviewService.Packet p, List<ReviewStore.Response> history,
                            Locale l, OutputStream out) {
        Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(doc, out);
            doc.open();
            doc.add(new Paragraph(t(l, "title.agency", p.code(), p.name()), TITLE));
            doc.add(new Paragraph(t(l, "round", Long.toString(r.id()), r.title(), Long.toString(r.scenarioId()),
                    r.dueDate().toString(), r.status()), BODY));
            doc.add(new Paragraph(t(l, "revision", Integer.toString(p.revision())), BODY));
            doc.add(new Paragraph(t(l, "terms." + p.decision(), rate(p.cirDownBps()), rate(p.mirDownBps()),
                    rate(p.cirUpBps()), rate(p.mirUpBps()),
                    p.cutoverDate() == null ? "-" : p.cutoverDate().toString()), BODY));
            ReviewStore.Response a = p.response();
            doc.add(new Paragraph(a == null ? t(l, "agency.none")
                    : t(l, "agency.answer", t(l, "answer." + a.decision()), a.signerName(), a.signerNip(), a.signerTitle(),
                    WHEN.format(a.answeredAt().atZone(Wib.ZONE))), BODY));
            if (a != null && !a.comment().isEmpty()) {
                doc.add(new Paragraph(t(l, "col.comment") + ": " + a.comment(), BODY));
            }
            if (a != null) {
                needs(doc, l, a.needs());
            }
            history(doc, l, history, p.replies());
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("minutes PDF: " + e.getMessage(), e);
        }
    }

    private static void needs(Document doc, Locale l, ReviewStore.Needs n) {
        if (n.text() != null) {
            doc.add(new Paragraph(t(l, "needs.text") + ": " + n.text(), BODY));
        }
        if (n.staffAtPeak() != null) {
            doc.add(new Paragraph(t(l, "needs.staff") + ": " + n.staffAtPeak(), BODY));
        }
        if (n.hostedServices() != null) {
            doc.add(new Paragraph(t(l, "needs.services") + ": " + n.hostedServices(), BODY));
        }
        if (n.events() != null) {
            doc.add(new Paragraph(t(l, "needs.events") + ": " + n.events(), BODY));
        }
    }

    /** Every answer in order (with its revision and needs), each followed by Diskominfo's replies to it. */
    private static void history(Document doc, Locale l, List<ReviewStore.Response> history, List<ReviewStore.Reply> replies) {
        if (history.isEmpty()) {
            return;
        }
        doc.add(new Paragraph(t(l, "history"), HEADING));
        PdfPTable h = table();
        for (ReviewStore.Response x : history) {
            row(h, l, x.agency(), t(l, "revision.short", Integer.toString(x.revision())), x);
            StringBuilder more = new StringBuilder();
            ReviewStore.Needs n = x.needs();
            if (!n.isEmpty()) {
                more.append(t(l, "needs")).append(": ");
                List<String> parts = new java.util.ArrayList<>();
                if (n.text() != null) {
                    parts.add(n.text());
                }
                if (n.staffAtPeak() != null) {
                    parts.add(t(l, "needs.staff") + " " + n.staffAtPeak());
                }
                if (n.hostedServices() != null) {
                    parts.add(t(l, "needs.services") + " " + n.hostedServices());
                }
                if (n.events() != null) {
                    parts.add(t(l, "needs.events") + " " + n.events());
                }
                more.append(String.join("; ", parts));
            }
            for (ReviewStore.Reply y : replies) {
                if (y.responseId() == x.id()) {
                    if (more.length() > 0) {
                        more.append('\n');
                    }
                    more.append(t(l, "reply", y.repliedBy(), WHEN.format(y.repliedAt().atZone(Wib.ZONE)), y.comment()));
                }
            }
            if (more.length() > 0) {
                PdfPCell c = new PdfPCell(new Phrase(more.toString(), TABLE));
                c.setColspan(6);
                h.addCell(c);
            }
        }
        doc.add(h);
    }

    private static PdfPTable table() {
        PdfPTable t = new PdfPTable(new float[] {12, 13, 9, 24, 11, 31});
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        return t;
    }

    private static void row(PdfPTable t, Locale l, String code, String decision, ReviewStore.Response a) {
        if (t.getRows().isEmpty()) {
            for (String k : List.of("col.agency", "col.decision", "col.answer", "col.signer", "col.date", "col.comment")) {
                PdfPCell c = new PdfPCell(new Phrase(t(l, k), TABLE_BOLD));
                c.setBackgroundColor(HEAD_BG);
                t.addCell(c);
            }
        }
        t.addCell(new Phrase(code, TABLE));
        t.addCell(new Phrase(decision, TABLE));
        t.addCell(new Phrase(t(l, a == null ? "answer.none" : "answer." + a.decision()), TABLE));
        t.addCell(new Phrase(a == null ? "" : a.signerName() + ", NIP " + a.signerNip() + ", " + a.signerTitle(), TABLE));
        t.addCell(new Phrase(a == null ? "" : WHEN.format(a.answeredAt().atZone(Wib.ZONE)), TABLE));
        t.addCell(new Phrase(a == null ? "" : a.comment(), TABLE));
    }

    private static String rate(long bps) {
        return BitRate.ofBps(bps).format();
    }

    private static String t(Locale l, String key, Object... args) {
        return Bundles.format(BUNDLE, l, key, args);
    }
}
