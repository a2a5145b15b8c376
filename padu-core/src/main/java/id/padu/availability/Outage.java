package id.padu.availability;

/**
 * One outage of an uplink within a month: consecutive answered polls that found the interface
 * down or passing no traffic. It starts at the first such poll and ends at the first poll that
 * was not so ({@link End}); a month's report shows only the part inside the month.
 *
 * @param fromPreviousMonth it was already going on when the month began (start is the month's start)
 * @param downPolls         polls of the outage within the month that found the interface down
 * @param idlePolls         polls of the outage within the month that found it up without traffic
 */
public record Outage(long startEpochSecond, long endEpochSecond, boolean fromPreviousMonth, End end, int downPolls,
                     int idlePolls) {

    /** How the outage ended, as far as Padu saw it. */
    public enum End {
        /** A poll found the interface up and passing traffic again. */
        UP("up"),
        /**
         * Padu stopped seeing it: the next poll went unanswered or was never sent (Padu not
         * running); the outage ends when that poll was due, so only what Padu saw counts.
         */
        NOT_SEEN("not-seen"),
        /** Still so at the last poll (the month is not over); ends when the next poll is due. */
        ONGOING("ongoing"),
        /** It went on past the month's end (end is the next month's start). */
        MONTH_END("month-end");

        private final String code;

        End(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public long durationSeconds() {
        return endEpochSecond - startEpochSecond;
    }
}
