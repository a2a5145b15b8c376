package id.padu.migration;

import java.util.Objects;

/**
 * One line of a runbook a person ticks off. {@code id} is stable for a given agency and
 * dataset (e.g. {@code prepare.ttl.SIMPEG}), so a UI can store ticks against it.
 *
 * @param criterion true for a rollback trigger (a condition to watch), false for a step to do
 */
public record ChecklistItem(String id, Text text, boolean criterion) {

    public ChecklistItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
