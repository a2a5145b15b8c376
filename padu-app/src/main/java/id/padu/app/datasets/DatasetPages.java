package id.padu.app.datasets;

import id.padu.dataset.DatasetException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Pages: import (with the replace/merge choice and every error per file and line) and export. */
@Controller
class DatasetPages {

    private static final Logger log = LoggerFactory.getLogger(DatasetPages.class);

    private final DatasetImportService service;
    private final ImportErrors errors;

    DatasetPages(DatasetImportService service, ImportErrors errors) {
        this.service = service;
        this.errors = errors;
    }

    @GetMapping("/import")
    String importForm(Model model) {
        model.addAttribute("mode", "replace");
        return "datasets/import";
    }

    @PostMapping("/import")
    String importDataset(@RequestParam(value = "files", required = false) List<MultipartFile> files,
                         @RequestParam(defaultValue = "replace") String mode, Model model, Locale locale) throws IOException {
        DatasetImportService.Mode m = "merge".equals(mode) ? DatasetImportService.Mode.MERGE : DatasetImportService.Mode.REPLACE;
        model.addAttribute("mode", m.name().toLowerCase(Locale.ROOT));
        List<DatasetUpload.Part> parts = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            parts.add(new DatasetUpload.Part(f.getOriginalFilename(), f.getInputStream()));
        }
        try {
            model.addAttribute("summary", service.importDataset(parts, m));
        } catch (DatasetException e) {
            model.addAttribute("errorCount", e.errors().size());
            model.addAttribute("errorsByFile", errors.byFile(e.errors(), locale));
        } catch (RuntimeException e) {
            // A reader or database failure that is not a dataset error: nothing was written
            // (one transaction); the user gets a sentence, the log gets the details.
            log.error("import failed", e);
            model.addAttribute("failure", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return "datasets/import";
    }

    @GetMapping("/export")
    String exportPage() {
        return "datasets/export";
    }

    @GetMapping("/export/dataset.{format}")
    void download(@PathVariable String format, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        DatasetApiController.download(service, format, response);
    }
}
