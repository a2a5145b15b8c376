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
 */
public final class PdfStyles {

    /** Helvetica: one of the PDF standard fonts, so nothing is embedded and every viewer has it. */
    public static final int FAMILY = Font.HELVETICA;

    /** The document's title, once on its first page. */
    public static final Font TITLE = new Font(FAMILY, 16, Font.BOLD);
    /** The line under the title (the region, the scenario). */
    public static final Font SUBTITLE = new Font(FAMILY, 12, Font.BOLD);
    /** A section heading. */
    public static final Font HEADING = new Font(FAMILY, 11.5f, Font.BOLD);
    /** Running text. */
    public static final Font BODY = new Font(FAMILY, 9.5f, Font.NORMAL);
    /** Running text that must stand out: a label, a step heading, a signature line. */
    public static final Font BOLD = new Font(FAMILY, 9.5f, Font.BOLD);
    /** Notes, dates of generation, sources: smaller and grey, so they do not compete with the text. */
    public static final Font SMALL = new Font(FAMILY, 8, Font.NORMAL, Color.DARK_GRAY);
    /** A cell of a table with many columns (agencies, contracts, simulated hours). */
    public static final Font TABLE = new Font(FAMILY, 8, Font.NORMAL);
    /** A header or total cell of such a table. */
    public static final Font TABLE_BOLD = new Font(FAMILY, 8, Font.BOLD);
    /** Something that can go wrong if overlooked (a critical agency, a warning of the runbook). */
    public static final Font WARN = new Font(FAMILY, 9.5f, Font.BOLD, new Color(0xB0, 0x30, 0x00));
    /** The background of a table's header row. */
    public static final Color HEAD_BG = new Color(0xE6, 0xEB, 0xF0);

    private PdfStyles() {
    }

    /** The same family for text drawn directly (a chart's labels), where a {@link Font} cannot be used. */
    public static BaseFont baseFont() {
        try {
            return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
