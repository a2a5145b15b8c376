package id.padu.migration;

import java.time.LocalDate;
import java.util.List;

/** The items of one phase, due on {@code due} (the cutover day, or T-7 for preparation). */
public record RunbookSection(RunbookPhase phase, LocalDate due, List<ChecklistItem> items) {

    public RunbookSection {
        items = List.copyOf(items);
    }
}
