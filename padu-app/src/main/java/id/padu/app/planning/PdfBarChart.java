package id.padu.app.planning;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import id.padu.app.shared.PdfStyles;
import java.awt.Color;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A grouped bar chart drawn with the PDF's own vector graphics (no image library): categories on
 * the x axis, one bar per series in each group, a value axis from {@code min} with five ticks
 * and a legend. Sharp at any zoom and printable in black and white (series differ in shade).
 * The labels are in the house font ({@link PdfStyles#baseFont()}) but smaller than any text
 * style (6 to 7 pt): up to 24 hour labels and five tick values must fit under one chart.
 */
final class PdfBarChart {

    record Series(String name, Color color, List<Double> values) {
    }

    private PdfBarChart() {
    }

    static Image draw(PdfWriter writer, float width, float height, List<String> categories, List<Series> series,
                      double min, double max, DoubleFunction<String> tickLabel) {
        PdfContentByte cb = writer.getDirectContent();
        PdfTemplate tpl = cb.createTemplate(width, height);
        BaseFont font = PdfStyles.baseFont();
        float left = 78;
        float bottom = categories.size() > 8 ? 64 : 30;
        float top = height - 22;
        float right = width - (categories.size() > 8 ? 24 : 8);
        double hi = max <= min ? min + 1 : max;
        // value axis ticks and grid
        tpl.setLineWidth(0.3f);
        for (int i = 0; i <= 4; i++) {
            double v = min + (hi - min) * i / 4;
            float y = (float) (bottom + (top - bottom) * i / 4);
            tpl.setColorStroke(new Color(0xCC, 0xCC, 0xCC));
            tpl.moveTo(left, y);
            tpl.lineTo(right, y);
            tpl.stroke();
            text(tpl, font, 6.5f, tickLabel.apply(v), left - 3, y - 2, PdfContentByte.ALIGN_RIGHT, 0);
        }
        int n = Math.max(1, categories.size());
        float group = (right - left) / n;
        float bar = Math.max(1, group * 0.8f / Math.max(1, series.size()));
        for (int c = 0; c < categories.size(); c++) {
            float x0 = left + group * c + group * 0.1f;
            for (int s = 0; s < series.size(); s++) {
                Double v = c < series.get(s).values().size() ? series.get(s).values().get(c) : null;
                if (v == null) {
                    continue;
                }
                double clamped = Math.max(min, Math.min(hi, v));
                float h = (float) ((top - bottom) * (clamped - min) / (hi - min));
                tpl.setColorFill(series.get(s).color());
                tpl.rectangle(x0 + bar * s, bottom, bar * 0.92f, h);
                tpl.fill();
            }
            float cx = left + group * c + group / 2;
            if (categories.size() > 8) {
                text(tpl, font, 6f, categories.get(c), cx - 2, bottom - 5, PdfContentByte.ALIGN_LEFT, -50);
            } else {
                text(tpl, font, 7f, categories.get(c), cx, bottom - 10, PdfContentByte.ALIGN_CENTER, 0);
            }
        }
        tpl.setColorStroke(Color.DARK_GRAY);
        tpl.setLineWidth(0.6f);
        tpl.moveTo(left, bottom);
        tpl.lineTo(right, bottom);
        tpl.stroke();
        // legend along the top
        float lx = left;
        for (Series s : series) {
            tpl.setColorFill(s.color());
            tpl.rectangle(lx, height - 12, 8, 8);
            tpl.fill();
            text(tpl, font, 7f, s.name(), lx + 11, height - 11, PdfContentByte.ALIGN_LEFT, 0);
            lx += 16 + font.getWidthPoint(s.name(), 7f);
        }
        try {
            return Image.getInstance(tpl);
        } catch (BadElementException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void text(PdfTemplate tpl, BaseFont font, float size, String s, float x, float y, int align, float rotation) {
        tpl.beginText();
        tpl.setColorFill(Color.BLACK);
        tpl.setFontAndSize(font, size);
        tpl.showTextAligned(align, s, x, y, rotation);
        tpl.endText();
    }
}
