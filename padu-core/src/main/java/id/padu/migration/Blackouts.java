package id.padu.migration;

import id.padu.domain.Settings.DateRange;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** {@code migrate.blackouts}: {@code ;}-separated inclusive periods {@code yyyy-mm-dd..yyyy-mm-dd}. */
public final class Blackouts {

    static final String SETTING = "migrate.blackouts";

    private Blackouts() {
    }

    public static List<DateRange> parse(String text) {
        List<DateRange> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            String[] ends = p.split("\\.\\.", -1);
            try {
                LocalDate from = LocalDate.parse(ends[0].trim());
                LocalDate to = ends.length == 1 ? from : LocalDate.parse(ends[1].trim());
                if (ends.length > 2 || to.isBefore(from)) {
                    throw new MigrationInputException(Text.of("input.blackouts.bad", SETTING, p));
                }
                out.add(new DateRange(from, to));
            } catch (DateTimeParseException e) {
                throw new MigrationInputException(Text.of("input.blackouts.bad", SETTING, p));
            }
        }
        return out;
    }

    static DateRange covering(List<DateRange> blackouts, LocalDate day) {
        for (DateRange r : blackouts) {
            if (r.contains(day)) {
                return r;
            }
        }
        return null;
    }
}
