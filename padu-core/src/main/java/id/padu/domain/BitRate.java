package id.padu.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A data rate in whole bits per second; the dataset writes Mbps (decimal, 10^6) or bps. */
public record BitRate(long bps) implements Comparable<BitRate> {

    public static final BitRate ZERO = new BitRate(0);
    public static final long BPS_PER_MBPS = 1_000_000L;

    /**
     * The most one rate may be (a subscription, offer or link, a usage sample, a requested CIR or
     * MIR, an amendment of the plan of record): 1 Tbit/s (10^12 bit/s), beyond any line or uplink a
     * regency buys. Every entry refuses more; a sum of such rates overflows a {@code long} only
     * beyond nine million of them.
     */
    public static final long MAX_BPS = 1_000_000_000_000L;

    public BitRate {
        if (bps < 0) {
            throw new IllegalArgumentException("negative bit rate: " + bps);
        }
    }

    public static BitRate ofBps(long bps) {
        return new BitRate(bps);
    }

    /** Exact for any decimal the dataset can hold with up to six fractional digits. */
    public static BitRate ofMbps(BigDecimal mbps) {
        return new BitRate(mbps.multiply(BigDecimal.valueOf(BPS_PER_MBPS)).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    public static BitRate ofMbps(long mbps) {
        return new BitRate(Math.multiplyExact(mbps, BPS_PER_MBPS));
    }

    public double mbps() {
        return bps / (double) BPS_PER_MBPS;
    }

    public BitRate plus(BitRate other) {
        return new BitRate(Math.addExact(bps, other.bps));
    }

    @Override
    public int compareTo(BitRate o) {
        return Long.compare(bps, o.bps);
    }

    /**
     * Human form in the reader's language: {@code 1,5 Gbps} / {@code 250,5 Mbps} in Bahasa
     * Indonesia, {@code 1.5 Gbps} in English (null: as {@link #format()}).
     */
    public String format(java.util.Locale locale) {
        String s = format();
        if (locale == null || "en".equals(locale.getLanguage())) {
            return s;
        }
        return s.replace('.', ',');
    }

    /** Human form such as {@code 20 Mbps} or {@code 1.5 Gbps} (the decimal point of programs and English). */
    public String format() {
        if (bps >= 1_000_000_000L && bps % 1_000_000L == 0) {
            return trim(bps / 1e9) + " Gbps";
        }
        if (bps >= 1_000_000L) {
            return trim(bps / 1e6) + " Mbps";
        }
        if (bps >= 1_000L) {
            return trim(bps / 1e3) + " kbps";
        }
        return bps + " bps";
    }

    private static String trim(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.toPlainString();
    }

    @Override
    public String toString() {
        return format();
    }
}
