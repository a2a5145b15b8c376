package id.padu.app.datasets;

import id.padu.app.shared.Downloads;

import id.padu.dataset.DatasetException;
import id.padu.domain.Wib;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /api/datasets}: import a dataset (zip, XLSX or the CSV files) by replacing or
 * merging; {@code GET /api/datasets/export?format=zip|xlsx}: the stored data as a dataset.
 */
@RestController
@RequestMapping("/api/datasets")
@Tag(name = "datasets", description = "Import and export of whole datasets (format v1)")
class DatasetApiController {

    static final MediaType XLSX = Downloads.XLSX;

    private final DatasetImportService service;
    private final ImportErrors errors;

    DatasetApiController(DatasetImportService service, ImportErrors errors) {
        this.service = service;
        this.errors = errors;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a dataset, all or nothing",
            description = "Parts named 'files': one .zip of the CSV files, one .xlsx workbook (a sheet per file), or "
                    + "the .csv files themselves (usage*.csv go to usage/). mode=replace (default) makes the stored "
                    + "data exactly the dataset; mode=merge adds it by natural keys. Any error rejects the whole "
                    + "import with 422 and the list of every error (file, line, column, value, message).")
    ResponseEntity<?> importDataset(@RequestPart("files") List<MultipartFile> files,
                                    @Parameter(description = "replace or merge") @RequestParam(defaultValue = "replace") String mode,
                                    @RequestParam(defaultValue = "id") String lang) throws IOException {
        DatasetImportService.Mode m;
        try {
            m = DatasetImportService.Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw id.padu.app.shared.ApiProblems.invalid("mode", mode, "must be replace or merge");
        }
        Locale locale = "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : Locale.forLanguageTag("id");
        List<DatasetUpload.Part> parts = new ArrayList<>();
        for (MultipartFile f : files) {
            parts.add(new DatasetUpload.Part(f.getOriginalFilename(), f.getInputStream()));
        }
        try {
            return ResponseEntity.ok(service.importDataset(parts, m));
        } catch (DatasetException e) {
            ProblemDetail pd = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            pd.setType(URI.create("urn:padu:dataset-rejected"));
            pd.setTitle("Dataset rejected");
            pd.setDetail(e.errors().size() + " error(s); nothing was imported");
            pd.setProperty("errors", errors.shown(e.errors(), locale));
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
        }
    }

    @GetMapping("/export")
    @Operation(summary = "The stored data as a dataset: format=zip (CSV files) or xlsx (one workbook)")
    void export(@RequestParam(defaultValue = "zip") String format, HttpServletResponse response) throws IOException {
        download(service, format, response);
    }

    /** Writes the export straight to the response (read in one transaction, streamed out). */
    static void download(DatasetImportService service, String format, HttpServletResponse response) throws IOException {
        boolean xlsx = "xlsx".equalsIgnoreCase(format);
        if (!xlsx && !"zip".equalsIgnoreCase(format)) {
            throw id.padu.app.shared.ApiProblems.invalid("format", format, "must be zip or xlsx");
        }
        String name = "padu-dataset-" + java.time.LocalDate.now(Wib.ZONE) + (xlsx ? ".xlsx" : ".zip");
        response.setContentType(xlsx ? XLSX.toString() : "application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(name));
        if (xlsx) {
            service.exportXlsx(response.getOutputStream());
        } else {
            service.exportZip(response.getOutputStream());
        }
        response.flushBuffer();
    }
}
