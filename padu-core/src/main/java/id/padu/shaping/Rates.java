package id.padu.shaping;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rate formatting for the targets' syntaxes. All exact: nothing is rounded up. */
final class Rates {

    private Rates() {
    }

    /** tc: {@code 20mbit}, {@code 1500kbit} or {@code 12345bit} (SI units, as tc reads them). */
    static String tc(long bps) {
        if (bps % 1_000_000 == 0) {
            return (bps / 1_000_000) + "mbit";
        }
        if (bps % 1_000 == 0) {
            return (bps / 1_000) + "kbit";
        }
        return bps + "bit";
    }

    /** RouterOS: {@code 20M}, {@code 1500k} or plain bits per second. */
    static String routerOs(long bps) {
        if (bps != 0 && bps % 1_000_000 == 0) {
            return (bps / 1_000_000) + "M";
        }
        if (bps != 0 && bps % 1_000 == 0) {
            return (bps / 1_000) + "k";
        }
        return Long.toString(bps);
    }

    /** Mbps as a plain decimal ({@code 20}, {@code 2.5}), truncated to {@code scale} digits. */
    static String mbps(long bps, int scale) {
        return BigDecimal.valueOf(bps).movePointLeft(6).setScale(scale, RoundingMode.DOWN).stripTrailingZeros().toPlainString();
    }
}
