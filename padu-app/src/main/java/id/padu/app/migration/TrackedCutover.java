package id.padu.app.migration;

import id.padu.migration.MigrationStatus;
import java.time.LocalDate;
import java.util.Locale;

/** One agency's row of the tracked schedule: its agreed date and window, status and reason. */
record TrackedCutover(String code, String name, int position, LocalDate date, String window, boolean critical,
                      boolean pilot, MigrationStatus status, long penaltyIdr, long paidTwiceIdr,
                      String reasonId, String reasonEn) {

    public String reason(Locale locale) {
        return "en".equals(locale.getLanguage()) ? reasonEn : reasonId;
    }

    public long costIdr() {
        return penaltyIdr + paidTwiceIdr;
    }
}
