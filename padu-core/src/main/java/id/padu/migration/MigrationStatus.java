package id.padu.migration;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where an agency's move stands. Planned: in the plan, no date agreed. Scheduled: a window is
 * agreed. In progress: the cutover has started. Verified: the checks after the switch passed.
 * Done: signed off (the old subscription may end). Rolled back: returned to the old ISP;
 * needs a new date.
 */
public enum MigrationStatus {
    PLANNED, SCHEDULED, IN_PROGRESS, VERIFIED, DONE, ROLLED_BACK;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Which statuses may follow this one. */
    public Set<MigrationStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(SCHEDULED);
            // SCHEDULED -> SCHEDULED is a new date (the cutover slipped).
            case SCHEDULED -> EnumSet.of(SCHEDULED, PLANNED, IN_PROGRESS);
            case IN_PROGRESS -> EnumSet.of(VERIFIED, ROLLED_BACK);
            // Problems found after the checks, during the parallel run, still allow a rollback.
            case VERIFIED -> EnumSet.of(DONE, ROLLED_BACK);
            case DONE -> EnumSet.noneOf(MigrationStatus.class);
            case ROLLED_BACK -> EnumSet.of(SCHEDULED, PLANNED);
        };
    }

    /** The replanner keeps these where they are: the work has happened or is happening. */
    public boolean isFixed() {
        return this == IN_PROGRESS || this == VERIFIED || this == DONE;
    }

    /** The agency runs on the central network and passed the checks. */
    public boolean isMigrated() {
        return this == VERIFIED || this == DONE;
    }

    public Text label() {
        return Text.of("status." + code());
    }

    public static MigrationStatus fromCode(String code) {
        for (MigrationStatus s : values()) {
            if (s.code().equalsIgnoreCase(code.trim().replace(' ', '_').replace('-', '_'))) {
                return s;
            }
        }
        throw new MigrationInputException(Text.of("input.status.bad", code));
    }
}
