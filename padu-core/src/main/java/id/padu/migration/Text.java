package id.padu.migration;

import id.padu.text.Bundles;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A sentence for people, kept as a message key and its arguments so that one schedule or
 * runbook can be shown in Bahasa Indonesia (default) and English. Placeholders are
 * {@code {0}}, {@code {1}} ... of {@link java.text.MessageFormat} (an apostrophe in a pattern is
 * written {@code ''}); every argument is put in as text: dates as ISO {@code yyyy-mm-dd}, money
 * per language ({@code Rp 12.000.000} / {@code Rp 12,000,000}), numbers as plain digits.
 */
public record Text(String key, List<Object> args) {

    private static final String BUNDLE = "id.padu.migration.messages";

    /** Money inside a {@link Text}: formatted per language. */
    public record Money(long idr) {
    }

    public Text {
        args = List.copyOf(args);
    }

    public static Text of(String key, Object... args) {
        return new Text(key, List.of(args));
    }

    /**
     * The sentence in {@code locale}: each argument is first written the way people read it here
     * (see {@link #arg}), then put in by the one placeholder rule of {@link Bundles#format}.
     */
    public String format(Locale locale) {
        return Bundles.format(BUNDLE, locale, key, args.stream().map(a -> arg(a, locale)).toArray());
    }

    static String arg(Object a, Locale locale) {
        if (a instanceof Money m) {
            return money(m.idr(), locale);
        }
        if (a instanceof Text t) {
            return t.format(locale);
        }
        if (a instanceof RunbookGenerator.JoinedReasons r) {
            return r.parts().stream().map(t -> t.format(locale)).collect(Collectors.joining("; "));
        }
        if (a instanceof LocalDate d) {
            return d.toString();
        }
        if (a instanceof Collection<?> c) {
            return c.stream().map(x -> arg(x, locale)).collect(Collectors.joining(", "));
        }
        return String.valueOf(a);
    }

    /** {@code Rp 12.000.000} in Bahasa Indonesia, {@code Rp 12,000,000} in English. */
    public static String money(long idr, Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(english ? ',' : '.');
        DecimalFormat df = new DecimalFormat("#,##0", symbols);
        return (idr < 0 ? "-Rp " : "Rp ") + df.format(Math.abs(idr));
    }
}
