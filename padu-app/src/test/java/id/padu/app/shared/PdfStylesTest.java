package id.padu.app.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The house fonts are embedded (a viewer without DejaVu shows the same glyphs, so no "MURJ ANI"),
 * keep characters outside WinAnsi, and the text reads back as written.
 */
class PdfStylesTest {

    @Test
    void everyFontOfADocumentIsEmbeddedAndTheTextReadsBack() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document();
        PdfWriter.getInstance(doc, out);
        doc.open();
        doc.add(new Paragraph("RSUD dr. Murjani", PdfStyles.TITLE));
        doc.add(new Paragraph("Kecamatan Mentaya Hilir Selatan: 20 Mbps → 10 Mbps, Rp 1.250.000", PdfStyles.BODY));
        doc.add(new Paragraph("Catatan", PdfStyles.SMALL));
        doc.close();

        PdfReader reader = new PdfReader(out.toByteArray());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("RSUD dr. Murjani").contains("20 Mbps → 10 Mbps").contains("Rp 1.250.000");

        PdfDictionary resources = reader.getPageN(1).getAsDict(PdfName.RESOURCES);
        PdfDictionary fonts = resources.getAsDict(PdfName.FONT);
        List<String> embedded = new ArrayList<>();
        for (PdfName key : fonts.getKeys()) {
            PdfDictionary font = fonts.getAsDict(key);
            PdfDictionary descendant = font.getAsArray(PdfName.DESCENDANTFONTS).getAsDict(0);
            PdfDictionary descriptor = descendant.getAsDict(PdfName.FONTDESCRIPTOR);
            assertThat(descriptor.get(PdfName.FONTFILE2)).as(font.get(PdfName.BASEFONT) + " embedded").isNotNull();
            embedded.add(font.get(PdfName.BASEFONT).toString());
        }
        assertThat(embedded).hasSize(2).allMatch(n -> n.contains("DejaVuSans"));
    }
}
