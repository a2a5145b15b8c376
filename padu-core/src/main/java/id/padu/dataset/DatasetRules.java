package id.padu.dataset;

import id.padu.domain.IpPrefix;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The rules of dataset format v1 for single values that also come in another way than a dataset
 * (the REST API, the pages): whatever is stored must be what an export writes and an import reads
 * back, so a backup and restore through export and import always works (issue #19: the API took a
 * host name with {@code ;} and a line break, {@code not-an-ip} and the year 999999999).
 */
public final class DatasetRules {

    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");

    /** The first and last day a dataset's {@code yyyy-mm-dd} can hold. */
    public static final LocalDate FIRST_DATE = LocalDate.of(0, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    private DatasetRules() {
    }

    /** A DNS host name as {@code services.csv} takes it ({@code simpeg.kotimkab.go.id}). */
    public static boolean isHostname(String text) {
        return text != null && HOSTNAME.matcher(text).matches();
    }

    /** One IPv4 or IPv6 address (no prefix length), as {@code services.csv}'s {@code public_ip}. */
    public static boolean isIpAddress(String text) {
        return text != null && !text.contains("/")
                && IpPrefix.parse(text + (text.indexOf(':') >= 0 ? "/128" : "/32")).isPresent();
    }

    /** A date a dataset can write as {@code yyyy-mm-dd}: years 0000 to 9999. */
    public static boolean isDate(LocalDate date) {
        return date == null || (!date.isBefore(FIRST_DATE) && !date.isAfter(LAST_DATE));
    }
}
