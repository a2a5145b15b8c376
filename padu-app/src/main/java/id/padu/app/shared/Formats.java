package id.padu.app.shared;

import id.padu.domain.BitRate;
import id.padu.domain.Rupiah;
import id.padu.domain.Wib;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formatting for templates, as {@code ${@fmt.money(x)}}: money as {@code Rp 1.234.567} in both
 * languages, rates as {@code 20 Mbps} with the reader's decimal mark ({@code 250,5 Mbps} /
 * {@code 250.5 Mbps}), shares as {@code 84,35 %} / {@code 84.35 %}, times in WIB.
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String money(long idr) {
        return Rupiah.format(idr);
    }

    public String money(Rupiah idr) {
        return idr == null ? "" : idr.format();
    }

    public String rate(long bps) {
        return BitRate.ofBps(bps).format(LocaleContextHolder.getLocale());
    }

    public String rate(BitRate rate) {
        return rate == null ? "" : rate.format(LocaleContextHolder.getLocale());
    }

    /** A share from 0 to 1 as a percentage with at most {@code decimals} decimals, in the reader's way. */
    public String percent(double fraction, int decimals) {
        return percent(fraction, decimals, LocaleContextHolder.getLocale());
    }

    public static String percent(double fraction, int decimals, java.util.Locale locale) {
        String n = java.math.BigDecimal.valueOf(fraction * 100).setScale(decimals, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
        return (locale == null || "en".equals(locale.getLanguage()) ? n : n.replace('.', ',')) + " %";
    }

    /** An instant as WIB wall time, e.g. {@code 2025-03-03 08:05 WIB}. */
    public String time(Instant t) {
        return t == null ? "" : TIME.format(t.atZone(Wib.ZONE)) + " WIB";
    }

    /** A date in the user's language, e.g. {@code 3 Mar 2025}. */
    public String date(LocalDate d) {
        return d == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale()).format(d);
    }

    /** Today in WIB (the regency's calendar). */
    public LocalDate today() {
        return LocalDate.now(Wib.ZONE);
    }
}
