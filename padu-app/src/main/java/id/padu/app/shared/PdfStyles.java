package id.padu.app.shared;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.awt.Color;

/**
 * The house style of Padu's PDF documents (the plan study, the migration runbook, the spend
 * report), so the three read as one set: one font family, one size and weight per role, one
 * header shade for tables and one colour for warnings. A document adds a style of its own only
 * where its content needs it, and says why there.
 *
 * <p>The fonts are shared instances: set them on phrases and paragraphs, never change them.
 *
 * <p>The family is DejaVu Sans, shipped in the jar ({@code fonts/}, Bitstream Vera licence) and
 * embedded as a subset in every document, so that a PDF reads the same in every viewer and on
 * every printer; the PDF standard fonts are not embedded and each viewer substitutes its own
 * (Helvetica's metrics with another face spaced "MURJANI" as "MURJ ANI"). Identity-H encoding
 * keeps every character, so that names with letters outside WinAnsi print as typed.
 */
public final class PdfStyles {

    private static final BaseFont REGULAR = load("fonts/DejaVuSans.ttf");
    private static final BaseFont BOLD_FACE = load("fonts/DejaVuSans-Bold.ttf");

    /** The document's title, once on its first page. */
    public static final Font TITLE = new Font(BOLD_FACE, 16, Font.NORMAL);
    /** The line under the title (the region, the scenario). */
    public static final Font SUBTITLE = new Font(BOLD_FACE, 12, Font.NORMAL);
    /** A section heading. */
    public static final Font HEADING = new Font(BOLD_FACE, 11.5f, Font.NORMAL);
    /** Running text. */
    public static final Font BODY = new Font(REGULAR, 9.5f, Font.NORMAL);
    /** Running text that must stand out: a label, a step heading, a signature line. */
    public static final Font BOLD = new Font(BOLD_FACE, 9.5f, Font.NORMAL);
    /** Notes, dates of generation, sources: smaller and grey, so they do not compete with the text. */
    public static final Font SMALL = new Font(REGULAR, 8, Font.NORMAL, Color.DARK_GRAY);
    /** A cell of a table with many columns (agencies, contracts, simulated hours). */
    public static final Font TABLE = new Font(REGULAR, 8, Font.NORMAL);
    /** A header or total cell of such a table. */
    public static final Font TABLE_BOLD = new Font(BOLD_FACE, 8, Font.NORMAL);
    /** Something that can go wrong if overlooked (a critical agency, a warning of the runbook). */
    public static final Font WARN = new Font(BOLD_FACE, 9.5f, Font.NORMAL, new Color(0xB0, 0x30, 0x00));
    /** The background of a table's header row. */
    public static final Color HEAD_BG = new Color(0xE6, 0xEB, 0xF0);

    private PdfStyles() {
    }

    /** The same family for text drawn directly (a chart's labels), where a {@link Font} cannot be used. */
    public static BaseFont baseFont() {
        return REGULAR;
    }

    private static BaseFont load(String resource) {
        try (java.io.InputStream in = PdfStyles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the jar: " + resource);
            }
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (java.io.IOException | com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("font " + resource + ": " + e.getMessage(), e);
        }
    }
}
