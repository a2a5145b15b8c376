package id.padu.migration;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A weekly maintenance window in WIB, e.g. {@code SAT 07:00-13:00}: cutovers happen only
 * inside one. {@code migrate.windows} lists several separated by {@code ;}.
 */
public record MaintenanceWindow(DayOfWeek day, LocalTime start, LocalTime end) {

    static final String SETTING = "migrate.windows";
    private static final int MINUTES_PER_DAY = 24 * 60;
    private static final Pattern WINDOW = Pattern.compile("(\\p{Alpha}{3})\\s+([0-9]{2}):([0-9]{2})\\s*-\\s*([0-9]{2}):([0-9]{2})");

    public MaintenanceWindow {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("window ends before it starts");
        }
    }

    /** Parses {@code DAY HH:MM-HH:MM;...}; DAY is MON..SUN (English) or SEN..MIN (Indonesian). */
    public static List<MaintenanceWindow> parseAll(String text) {
        if (text == null || text.isBlank()) {
            throw new MigrationInputException(Text.of("input.windows.empty", SETTING));
        }
        List<MaintenanceWindow> out = new ArrayList<>();
        for (String part : text.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            out.add(parse(p));
        }
        if (out.isEmpty()) {
            throw new MigrationInputException(Text.of("input.windows.empty", SETTING));
        }
        for (int i = 0; i < out.size(); i++) {
            for (int j = i + 1; j < out.size(); j++) {
                if (out.get(i).overlaps(out.get(j))) {
                    throw new MigrationInputException(Text.of("input.windows.overlap", SETTING, out.get(i), out.get(j)));
                }
            }
        }
        out.sort(Comparator.comparing(MaintenanceWindow::day).thenComparing(MaintenanceWindow::start));
        return List.copyOf(out);
    }

    static MaintenanceWindow parse(String p) {
        Reading r = read(p);
        // A window must end within its day: 24:00 passes the reading but is no clock time here.
        if (r.fault() != null || r.endMinute() >= MINUTES_PER_DAY) {
            throw bad(p);
        }
        return new MaintenanceWindow(r.day(), LocalTime.of(r.startMinute() / 60, r.startMinute() % 60),
                LocalTime.of(r.endMinute() / 60, r.endMinute() % 60));
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
     * The one reader of a window's text, for the dataset's {@code settings.csv} and for the
     * scheduler alike: {@code DAY HH:MM-HH:MM}, DAY one of MON..SUN (English) or SEN..MIN
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

    private static MigrationInputException bad(String p) {
        return new MigrationInputException(Text.of("input.windows.bad", SETTING, p));
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

    boolean overlaps(MaintenanceWindow o) {
        return day == o.day && start.isBefore(o.end) && o.start.isBefore(end);
    }

    /** {@code 07:00-13:00} */
    public String hours() {
        return start + "-" + end;
    }

    @Override
    public String toString() {
        return day.name().substring(0, 3) + " " + hours();
    }
}
