package id.padu.alert;

import id.padu.text.Bundles;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The words of the alerts (bundle {@code id/padu/alert/messages}): each argument is written the
 * way a reader of that language reads it ({@code 84,2 %}, {@code 12,5 Mbps}, {@code Rp 1.250.000}
 * in Bahasa Indonesia; {@code 84.2 %}, {@code 12.5 Mbps}, {@code Rp 1,250,000} in English).
 */
final class AlertText {

    static final String BUNDLE = "id.padu.alert.messages";

    /** A rate in bit/s inside a message. */
    record Rate(long bps) {
    }

    /** A share from 0 to 1 inside a message, written as a percentage. */
    record Share(double value) {
    }

    /** Whole Rupiah inside a message. */
    record Money(long idr) {
    }

    /** A direction inside a message: "unduh"/"unggah", "down"/"up". */
    record Dir(id.padu.domain.Direction direction) {
    }

    /** What an uplink's polls found: "mati", "tanpa trafik" or both; "down", "passing no traffic" or both. */
    record LinkState(boolean down, boolean idle) {
    }

    private AlertText() {
    }

    static String message(Alert a, Locale l) {
        Object[] args = a.args().stream().map(x -> arg(x, l)).toArray();
        return Bundles.format(BUNDLE, l, a.rule().code(), args);
    }

    static String arg(Object x, Locale l) {
        boolean en = l != null && "en".equals(l.getLanguage());
        DecimalFormatSymbols sym = new DecimalFormatSymbols(Locale.ROOT);
        sym.setDecimalSeparator(en ? '.' : ',');
        sym.setGroupingSeparator(en ? ',' : '.');
        if (x instanceof Rate r) {
            double v = r.bps();
            String unit = "bps";
            if (r.bps() >= 1_000_000_000L) {
                v = r.bps() / 1e9;
                unit = "Gbps";
            } else if (r.bps() >= 1_000_000L) {
                v = r.bps() / 1e6;
                unit = "Mbps";
            } else if (r.bps() >= 1_000L) {
                v = r.bps() / 1e3;
                unit = "kbps";
            }
            return new DecimalFormat("#,##0.#", sym).format(v) + " " + unit;
        }
        if (x instanceof Share s) {
            return new DecimalFormat("#,##0.#", sym).format(s.value() * 100) + " %";
        }
        if (x instanceof Money m) {
            return (m.idr() < 0 ? "-Rp " : "Rp ") + new DecimalFormat("#,##0", sym).format(Math.abs(m.idr()));
        }
        if (x instanceof Dir d) {
            return Bundles.format(BUNDLE, l, d.direction() == id.padu.domain.Direction.DOWN ? "dir.down" : "dir.up");
        }
        if (x instanceof LinkState s) {
            return Bundles.format(BUNDLE, l, s.down() && s.idle() ? "link.downOrIdle" : s.down() ? "link.down" : "link.idle");
        }
        if (x instanceof LocalDate d) {
            return d.toString();
        }
        if (x instanceof Integer || x instanceof Long) {
            return new DecimalFormat("#,##0", sym).format(((Number) x).longValue());
        }
        return String.valueOf(x);
    }
}
