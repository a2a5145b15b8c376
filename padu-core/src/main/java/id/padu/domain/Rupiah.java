package id.padu.domain;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/**
 * An amount of money in whole Rupiah. Public budgets are whole Rupiah, so a {@code long}
 * holds every figure exactly (no {@code double} for money anywhere in Padu).
 */
public record Rupiah(long value) implements Comparable<Rupiah> {

    public static final Rupiah ZERO = new Rupiah(0);

    /**
     * The most one amount may be, and the most one money column of a table (every subscription's
     * monthly cost, every offer's install cost ...) may add up to: Rp 1 kuadriliun (10^15), about
     * half a million times what a regency spends on internet in a year. Every entry (dataset
     * import, API, forms) refuses more. Within it every figure Padu derives fits a {@code long}
     * with room to spare: a year of all three tables is at most 3.6 x 10^16, fifty years of it
     * 1.8 x 10^18, below {@link Long#MAX_VALUE} (9.2 x 10^18).
     */
    public static final long MAX_IDR = 1_000_000_000_000_000L;

    public static Rupiah of(long value) {
        return value == 0 ? ZERO : new Rupiah(value);
    }

    public Rupiah plus(Rupiah other) {
        return new Rupiah(Math.addExact(value, other.value));
    }

    public Rupiah times(long factor) {
        return new Rupiah(Math.multiplyExact(value, factor));
    }

    /** {@code Rp 1.234.567}: the way Indonesian documents write money, in both UI languages. */
    public String format() {
        return format(value);
    }

    public static String format(long value) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        DecimalFormat df = new DecimalFormat("#,##0", symbols);
        return (value < 0 ? "-Rp " : "Rp ") + df.format(Math.abs(value));
    }

    @Override
    public int compareTo(Rupiah o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return format();
    }
}
