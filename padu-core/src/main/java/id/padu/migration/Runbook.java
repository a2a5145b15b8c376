package id.padu.migration;

import java.time.LocalDate;
import java.util.List;

/**
 * The runbook of one agency's cutover, generated from its hosted services and network facts.
 * A checklist structure: the PDF renders it, a UI can show and tick it.
 *
 * @param warnings facts missing from the dataset that the team must settle before the day
 */
public record Runbook(String code, String name, LocalDate date, MaintenanceWindow window, boolean critical,
                      List<RunbookSection> sections, List<Text> warnings, Text reason) {

    public Runbook {
        sections = List.copyOf(sections);
        warnings = List.copyOf(warnings);
    }

    public RunbookSection section(RunbookPhase phase) {
        return sections.stream().filter(s -> s.phase() == phase).findFirst().orElseThrow();
    }
}
