package id.padu.alert;

import id.padu.text.Bundles;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The thresholds of the alert rules: settings {@code alert.*} of settings.csv (or {@code --set}),
 * with the defaults of dataset format v1. Read from the settings' raw keys, each checked against
 * its documented range; a bad value names the setting, the value and the range.
 *
 * @param windowDays        days of usage {@code uplink-busy} and {@code agency-at-ceiling} look at [7]
 * @param uplinkBusy        share of the uplinks' capacity the central Q95 may reach [0.80]
 * @param ceilingShare      share of an agency's intervals at 95 % of its MIR or above that counts as capped [0.05]
 * @param unusedCir         an agency's 30-day Q95 below this share of its CIR is over-allocated [0.25]
 * @param noDataHours       hours without any measured interval before {@code no-data} [24]
 * @param contractDays      days before a subscription's end that {@code contract-ending} warns [60]
 * @param openAfterMinutes  the server opens an alert once its condition has held this long [15]
 * @param clearAfterMinutes the server resolves an alert once it has been clear this long [60]
 */
public record AlertSettings(int windowDays, double uplinkBusy, double ceilingShare, double unusedCir, int noDataHours,
                            int contractDays, int openAfterMinutes, int clearAfterMinutes) {

    public static final AlertSettings DEFAULTS = new AlertSettings(7, 0.80, 0.05, 0.25, 24, 60, 15, 60);

    /** Keys this record reads; any other {@code alert.*} key is refused as unknown. */
    public static final java.util.List<String> KEYS = java.util.List.of("alert.window_days", "alert.uplink_busy",
            "alert.ceiling_share", "alert.unused_cir", "alert.no_data_hours", "alert.contract_days",
            "alert.open_after_minutes", "alert.clear_after_minutes");

    /** A setting outside its range; {@link #getMessage()} is English, {@link #message} per language. */
    public static final class BadSetting extends IllegalArgumentException {
        private final String key;
        private final String value;
        private final String rangeKey;
        private final Object[] args;

        BadSetting(String key, String value, String rangeKey, Object... args) {
            super(text(java.util.Locale.ENGLISH, key, value, rangeKey, args));
            this.key = key;
            this.value = value;
            this.rangeKey = rangeKey;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public String value() {
            return value;
        }

        /** "Setelan alert.uplink_busy: "80" bukan pecahan ...; maksudnya 0.8?" in the reader's language. */
        public String message(java.util.Locale l) {
            return text(l, key, value, rangeKey, args);
        }

        private static String text(java.util.Locale l, String key, String value, String rangeKey, Object[] args) {
            return Bundles.format(AlertText.BUNDLE, l, "setting.bad", key, value, Bundles.format(AlertText.BUNDLE, l, rangeKey, args));
        }
    }

    /** The settings from the raw keys of settings.csv (other keys are ignored), the defaults where absent. */
    public static AlertSettings of(Map<String, String> raw) {
        AlertSettings d = DEFAULTS;
        for (String key : raw.keySet()) {
            if (key.startsWith("alert.") && !KEYS.contains(key)) {
                throw new BadSetting(key, raw.get(key), "range.known", String.join(", ", KEYS));
            }
        }
        return new AlertSettings(
                whole(raw, "alert.window_days", d.windowDays, 1, 90),
                fraction(raw, "alert.uplink_busy", d.uplinkBusy, false),
                fraction(raw, "alert.ceiling_share", d.ceilingShare, true),
                fraction(raw, "alert.unused_cir", d.unusedCir, true),
                whole(raw, "alert.no_data_hours", d.noDataHours, 1, 24 * 90),
                whole(raw, "alert.contract_days", d.contractDays, 1, 3650),
                whole(raw, "alert.open_after_minutes", d.openAfterMinutes, 0, 24 * 60),
                whole(raw, "alert.clear_after_minutes", d.clearAfterMinutes, 0, 7 * 24 * 60));
    }

    private static int whole(Map<String, String> raw, String key, int fallback, int min, int max) {
        String v = raw.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw new BadSetting(key, v, "range.whole", Integer.toString(min), Integer.toString(max));
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadSetting(key, v, "range.whole", Integer.toString(min), Integer.toString(max));
        }
    }

    /** A share in (0, 1] (or [0, 1] with {@code zeroAllowed}); a decimal comma is read as the CSV reader reads it. */
    private static double fraction(Map<String, String> raw, String key, double fallback, boolean zeroAllowed) {
        String v = raw.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        String range = zeroAllowed ? "range.fraction" : "range.fractionPositive";
        try {
            BigDecimal exact = new BigDecimal(v.strip().replace(',', '.'));
            double x = exact.doubleValue();
            if (x > 1 && x <= 100) {
                throw new BadSetting(key, v, "range.percent", exact.movePointLeft(2).stripTrailingZeros().toPlainString());
            }
            if (!(zeroAllowed ? x >= 0 : x > 0) || x > 1) {
                throw new BadSetting(key, v, range);
            }
            return x;
        } catch (NumberFormatException e) {
            throw new BadSetting(key, v, range);
        }
    }
}
