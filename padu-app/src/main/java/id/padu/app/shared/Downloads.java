package id.padu.app.shared;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file the browser saves rather than shows: the {@code Content-Disposition: attachment} header
 * built by Spring (which quotes and encodes a file name with spaces or non-ASCII letters), and the
 * media types of the files Padu hands out.
 */
public final class Downloads {

    /** An Excel workbook (.xlsx). */
    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Downloads() {
    }

    /** The header value that makes the browser save the answer as {@code fileName}. */
    public static String contentDisposition(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build().toString();
    }

    /** A 200 answer of {@code type} to be saved as {@code fileName}; the caller adds the body. */
    public static ResponseEntity.BodyBuilder attachment(String fileName, MediaType type) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName));
    }
}
