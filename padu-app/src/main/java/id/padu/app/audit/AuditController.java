package id.padu.app.audit;

import id.padu.app.shared.Downloads;

import id.padu.domain.Wib;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The audit log for auditors: a page (with the chain's state), JSON, and an XLSX export. */
@Controller
class AuditController {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Wib.ZONE);
    /** Excel refuses longer cell texts. */
    private static final int CELL_MAX = 32_767;

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/api/audit")
    @ResponseBody
    List<AuditLog.Entry> entries(@RequestParam(defaultValue = "500") int limit) {
        return log.latest(Math.max(1, Math.min(limit, 100_000)));
    }

    /** The chain's state as JSON, through the running server (the H2 file is locked while it runs). */
    record Verification(boolean ok, long rows, Long brokenRow, String kind, String reason, Long keyedFrom, int anchors) {
    }

    @GetMapping("/api/audit/verify")
    @ResponseBody
    Verification verify() {
        AuditChain.Result r = log.verify();
        return new Verification(r.ok(), r.rows(), r.brokenRow().orElse(null), r.kind() == null ? null : r.kind().name(),
                r.reason(), r.keyedFrom(), r.anchors());
    }

    @GetMapping("/audit")
    String page(@RequestParam(defaultValue = "500") int limit, Model model) {
        model.addAttribute("entries", log.latest(Math.max(1, Math.min(limit, 100_000))));
        model.addAttribute("chain", log.verify());
        model.addAttribute("fmt", SHOWN);
        return "audit/audit";
    }

    @GetMapping("/audit/export.xlsx")
    ResponseEntity<StreamingResponseBody> export() {
        List<AuditLog.Entry> entries = log.latest(Integer.MAX_VALUE);
        StreamingResponseBody body = out -> write(entries, out);
        return Downloads.attachment("padu-audit.xlsx", Downloads.XLSX).body(body);
    }

    static void write(List<AuditLog.Entry> entries, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("audit");
            String[] head = {"id", "waktu (WIB)", "pengguna", "aksi", "entitas", "kunci", "sebelum", "sesudah", "hash"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            int r = 1;
            for (int i = entries.size() - 1; i >= 0; i--) { // oldest first, as the chain runs
                AuditLog.Entry e = entries.get(i);
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(e.id());
                row.createCell(1).setCellValue(SHOWN.format(e.at()));
                row.createCell(2).setCellValue(e.actor());
                row.createCell(3).setCellValue(e.action());
                row.createCell(4).setCellValue(e.entity());
                row.createCell(5).setCellValue(nz(e.key()));
                row.createCell(6).setCellValue(nz(e.before()));
                row.createCell(7).setCellValue(nz(e.after()));
                row.createCell(8).setCellValue(e.hash());
            }
            sheet.createFreezePane(0, 1);
            wb.write(out);
        }
    }

    private static String nz(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > CELL_MAX ? s.substring(0, CELL_MAX - 1) + "…" : s;
    }
}
