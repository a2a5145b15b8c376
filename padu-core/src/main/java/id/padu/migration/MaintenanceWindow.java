package id.padu.migration;

import id.padu.domain.WindowText;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A weekly maintenance window in WIB, e.g. {@code SAT 07:00-13:00}: cutovers happen only
 * inside one. {@code migrate.windows} lists several separated by {@code ;}.
 */
public record MaintenanceWindow(DayOfWeek day, LocalTime start, LocalTime end) {

    static final String SETTING = "migrate.windows";

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
        WindowText.Reading r = WindowText.read(p);
        // A window must end within its day: 24:00 passes the reading but is no clock time here.
        if (r.fault() != null || r.endMinute() >= WindowText.MINUTES_PER_DAY) {
            throw bad(p);
        }
        return new MaintenanceWindow(r.day(), LocalTime.of(r.startMinute() / 60, r.startMinute() % 60),
                LocalTime.of(r.endMinute() / 60, r.endMinute() % 60));
    }

    private static MigrationInputException bad(String p) {
        return new MigrationInputException(Text.of("input.windows.bad", SETTING, p));
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
