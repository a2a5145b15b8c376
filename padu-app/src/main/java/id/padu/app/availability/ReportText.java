package id.padu.app.availability;

import id.padu.availability.Outage;
import id.padu.availability.SlaTerm;
import id.padu.domain.Wib;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The report's words and figures in the reader's language (the page, the XLSX and the PDF read
 * the same): percentages with three decimals cut, never rounded up (99,4999 % is not shown as
 * an SLA of 99,5 % met), durations as h:mm:ss, times in WIB to the second.
 */
final class ReportText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final MessageSource messages;
    private final Locale locale;

    ReportText(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    Locale locale() {
        return locale;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private boolean english() {
        return "en".equals(locale.getLanguage());
    }

    /** A share from 0 to 1 as a percentage, e.g. {@code 99,861 %}; "-" when unknown. */
    public String share(Double share) {
        return share == null ? "-" : percent(pctOf(share));
    }

    /** A percentage as given, e.g. an SLA of {@code 99,5 %}. */
    public String percent(BigDecimal pct) {
        String s = pct.stripTrailingZeros().toPlainString();
        return (english() ? s : s.replace('.', ',')) + " %";
    }

    public String sla(SlaTerm t) {
        return t.status() == SlaTerm.Status.FOUND ? percent(BigDecimal.valueOf(t.slaPct())) : get("avail.sla." + t.status().code());
    }

    public String met(Boolean met) {
        return met == null ? "-" : met ? get("avail.met.yes") : get("avail.met.no");
    }

    public String ended(Outage o) {
        return get("avail.ended." + o.end().code());
    }

    /** The share as a percentage with three decimals, cut. */
    static BigDecimal pctOf(double share) {
        return BigDecimal.valueOf(share).multiply(BigDecimal.valueOf(100)).setScale(3, RoundingMode.DOWN);
    }

    /** Seconds as {@code h:mm:ss} (hours may pass 24). */
    static String duration(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }

    /** An instant in WIB, e.g. {@code 2027-03-14 23:58:00}. */
    static String time(long epochSecond) {
        return TIME.format(Instant.ofEpochSecond(epochSecond).atZone(Wib.ZONE));
    }

    /** {@link #time} for templates. */
    public String wib(long epochSecond) {
        return time(epochSecond);
    }

    /** {@link #duration} for templates. */
    public String hms(long seconds) {
        return duration(seconds);
    }

    /** "Maret 2027", "March 2027". */
    public String monthName(YearMonth m) {
        String s = DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(m);
        return s.substring(0, 1).toUpperCase(locale) + s.substring(1);
    }
}
