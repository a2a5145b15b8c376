package id.padu.domain;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader of a weekly maintenance window's text ({@code migrate.windows}, e.g.
 * {@code SAT 07:00-13:00;SUN 07:00-11:00}), for the dataset's {@code settings.csv}, for a
 * {@code --set} override and for the migration scheduler alike, so the three take the same
 * texts. Each caller says in its own words what is wrong, naming the setting and the value.
 */
public final class WindowText {

    /** 24:00, the latest end of a window. */
    public static final int MINUTES_PER_DAY = 24 * 60;
    private static final Pattern WINDOW = Pattern.compile("(\\p{Alpha}{3})\\s+([0-9]{2}):([0-9]{2})\\s*-\\s*([0-9]{2}):([0-9]{2})");

    private WindowText() {
    }

    /** What is wrong with one window's text. */
    public enum Fault {
        /** Not {@code DAY HH:MM-HH:MM}, or an unknown day. */
        FORM,
        /** The form is right but the hours are not: a start after 23:59, an end after 24:00, or not after the start. */
        TIMES
    }

    /**
     * One window's text as read, before it becomes clock times: its day and its start and end in
     * minutes since midnight (the end may be 1440, 24:00), or the {@link Fault} that stops it.
     */
    public record Reading(DayOfWeek day, int startMinute, int endMinute, Fault fault) {

        /** The window written the one way Padu writes it, e.g. {@code SAT 07:00-13:00}. */
        public String text() {
            return day.name().substring(0, 3) + " " + clock(startMinute) + "-" + clock(endMinute);
        }

        private static String clock(int minute) {
            return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
        }
    }

    /**
     * One window: {@code DAY HH:MM-HH:MM}, DAY one of MON..SUN (English) or SEN..MIN
     * (Indonesian) in any case, spaces allowed around the dash.
     */
    public static Reading read(String text) {
        Matcher m = WINDOW.matcher(text.trim());
        DayOfWeek day = m.matches() ? dayOf(m.group(1)) : null;
        if (day == null) {
            return new Reading(null, 0, 0, Fault.FORM);
        }
        int startHour = Integer.parseInt(m.group(2));
        int startMinute = Integer.parseInt(m.group(3));
        int endMinute = Integer.parseInt(m.group(5));
        int from = startHour * 60 + startMinute;
        int to = Integer.parseInt(m.group(4)) * 60 + endMinute;
        if (startHour > 23 || startMinute > 59 || endMinute > 59 || to > MINUTES_PER_DAY || to <= from) {
            return new Reading(day, from, to, Fault.TIMES);
        }
        return new Reading(day, from, to, null);
    }

    /** Whether every {@code ;}-separated window of {@code text} reads without a fault, and there is at least one. */
    public static boolean allRead(String text) {
        boolean any = false;
        for (String part : text.split(";")) {
            if (!part.isBlank()) {
                if (read(part).fault() != null) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static DayOfWeek dayOf(String d) {
        return switch (d.toUpperCase(Locale.ROOT)) {
            case "MON", "SEN" -> DayOfWeek.MONDAY;
            case "TUE", "SEL" -> DayOfWeek.TUESDAY;
            case "WED", "RAB" -> DayOfWeek.WEDNESDAY;
            case "THU", "KAM" -> DayOfWeek.THURSDAY;
            case "FRI", "JUM" -> DayOfWeek.FRIDAY;
            case "SAT", "SAB" -> DayOfWeek.SATURDAY;
            case "SUN", "MIN" -> DayOfWeek.SUNDAY;
            default -> null;
        };
    }
}
