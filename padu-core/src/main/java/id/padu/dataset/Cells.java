package id.padu.dataset;

import id.padu.domain.BitRate;
import id.padu.domain.IpPrefix;
import id.padu.domain.Rupiah;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The cells of one record of a small table, read by column name; each reader records an error
 * (file, line, column, value) and returns null when the cell is not valid, and {@link #ok()}
 * says whether the whole record was.
 */
final class Cells {

    private static final Pattern INTEGER = Pattern.compile("[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    /** {@link BitRate#MAX_BPS} in the files' unit. */
    static final BigDecimal MAX_MBPS = BigDecimal.valueOf(BitRate.MAX_BPS, 6).stripTrailingZeros();

    private final TableKind kind;
    private final String file;
    private final Header header;
    private final boolean decimalComma;
    private final Problems problems;
    private Row row;
    private boolean ok;

    Cells(TableKind kind, String file, Header header, boolean decimalComma, Problems problems) {
        this.kind = kind;
        this.file = file;
        this.header = header;
        this.decimalComma = decimalComma;
        this.problems = problems;
    }

    void start(Row row) {
        this.row = row;
        this.ok = true;
    }

    String file() {
        return file;
    }

    boolean decimalComma() {
        return decimalComma;
    }

    boolean ok() {
        return ok;
    }

    long line() {
        return row.line();
    }

    /** The trimmed text, or null when empty or the column is absent. */
    String optional(String column) {
        int i = header.index[columnIndex(column)];
        if (i < 0 || row.isEmpty(i)) {
            return null;
        }
        return row.text(i);
    }

    String required(String column) {
        String v = optional(column);
        if (v == null) {
            error(column, null, "value.required");
        }
        return v;
    }

    void error(String column, String value, String key, Object... args) {
        ok = false;
        problems.error(file, row.line(), column, value, key, args);
    }

    private int columnIndex(String column) {
        for (int i = 0; i < kind.columns.size(); i++) {
            if (kind.columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException(column);
    }

    <E> E enumValue(String column, boolean required, Function<String, Optional<E>> parse, String allowed) {
        String v = required ? required(column) : optional(column);
        if (v == null) {
            return null;
        }
        Optional<E> e = parse.apply(v);
        if (e.isEmpty()) {
            error(column, v, "value.enum", allowed);
            return null;
        }
        return e.get();
    }

    /** Whole non-negative number (money, months). */
    Long integer(String column, boolean required) {
        String v = required ? required(column) : optional(column);
        return v == null ? null : parseInteger(column, v);
    }

    private Long parseInteger(String column, String v) {
        if (INTEGER.matcher(v).matches()) {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                error(column, v, "value.tooLarge");
                return null;
            }
        }
        if (v.startsWith("-") && INTEGER.matcher(v.substring(1)).matches()) {
            error(column, v, "value.negative");
        } else {
            error(column, v, "value.integer");
        }
        return null;
    }

    /** Whole Rupiah, at most {@link Rupiah#MAX_IDR}. */
    Rupiah money(String column, boolean required) {
        String text = required ? required(column) : optional(column);
        if (text == null) {
            return null;
        }
        if (INTEGER.matcher(text).matches() && (text.length() > 18 || Long.parseLong(text) > Rupiah.MAX_IDR)) {
            error(column, text, "value.moneyTooLarge", Rupiah.format(Rupiah.MAX_IDR));
            return null;
        }
        Long v = parseInteger(column, text);
        return v == null ? null : Rupiah.of(v);
    }

    /** Non-negative decimal with {@code .} (or, in a {@code ;}-separated file, {@code ,}) as decimal point. */
    BigDecimal decimal(String column, boolean required) {
        String v = required ? required(column) : optional(column);
        if (v == null) {
            return null;
        }
        String n = v;
        if (decimalComma && n.indexOf(',') >= 0 && n.indexOf('.') < 0) {
            n = n.replace(',', '.');
        }
        if (DECIMAL.matcher(n).matches()) {
            return new BigDecimal(n.startsWith(".") ? "0" + n : n);
        }
        if (n.startsWith("-") && DECIMAL.matcher(n.substring(1)).matches()) {
            error(column, v, "value.negative");
        } else {
            error(column, v, "value.decimal");
        }
        return null;
    }

    /** Mbps as a bit rate; {@code positive} rejects 0. */
    BitRate mbps(String column, boolean required, boolean positive) {
        BigDecimal d = decimal(column, required);
        if (d == null) {
            return null;
        }
        if (positive && d.signum() == 0) {
            error(column, optional(column), "value.positive");
            return null;
        }
        if (d.compareTo(MAX_MBPS) > 0) {
            error(column, optional(column), "value.rateTooLarge", MAX_MBPS.toPlainString() + " Mbps");
            return null;
        }
        return BitRate.ofMbps(d);
    }

    LocalDate date(String column) {
        String v = optional(column);
        if (v == null) {
            return null;
        }
        if (DATE.matcher(v).matches()) {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                // falls through to the error
            }
        }
        error(column, v, "value.date");
        return null;
    }

    List<IpPrefix> prefixes(String column) {
        String v = optional(column);
        List<IpPrefix> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (String token : v.split("[\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            Optional<IpPrefix> p = IpPrefix.parse(token);
            if (p.isEmpty()) {
                error(column, token, "value.cidr");
            } else if (out.contains(p.get())) {
                error(column, token, "value.cidrRepeated");
            } else {
                out.add(p.get());
            }
        }
        return out;
    }
}
