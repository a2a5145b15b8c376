package id.padu.app.dashboard;

import id.padu.app.shared.Downloads;

import id.padu.app.shared.Formats;
import id.padu.domain.Wib;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /dashboard/export.xlsx} and {@code .pdf}: the spend report, in Bahasa Indonesia. */
@Controller
class DashboardExports {

    static final MediaType XLSX = Downloads.XLSX;

    private final SpendSnapshots snapshots;
    private final ReportHeader header;
    private final MessageSource messages;

    DashboardExports(SpendSnapshots snapshots, ReportHeader header, MessageSource messages) {
        this.snapshots = snapshots;
        this.header = header;
        this.messages = messages;
    }

    @GetMapping("/dashboard/export.xlsx")
    ResponseEntity<byte[]> xlsx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalDate today = LocalDate.now(Wib.ZONE);
        SpendReportXlsx.write(snapshots.current(), region(), today, messages, out);
        return file(out.toByteArray(), XLSX, "xlsx", today);
    }

    @GetMapping("/dashboard/export.pdf")
    ResponseEntity<byte[]> pdf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalDate today = LocalDate.now(Wib.ZONE);
        SpendReportPdf.write(snapshots.current(), region(), today, messages, out);
        return file(out.toByteArray(), MediaType.APPLICATION_PDF, "pdf", today);
    }

    private String region() {
        return header.regionName().isEmpty()
                ? messages.getMessage("report.noRegion", null, SpendReportXlsx.ID) : header.regionName();
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String ext, LocalDate day) {
        String name = "laporan-belanja-internet-" + day + "." + ext;
        return Downloads.attachment(name, type).body(body);
    }
}
