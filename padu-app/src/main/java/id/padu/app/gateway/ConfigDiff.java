package id.padu.app.gateway;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;

/**
 * Unified line diff (as {@code diff -u} prints it) between the last applied configuration and a
 * new rendering. Pure: text in, lines out. The renderers emit stable ordering (agencies by code,
 * fixed class ids), so the diff shows only what the gateway would change.
 */
final class ConfigDiff {

    /** Lines of unchanged text around each change, as {@code diff -u}. */
    static final int CONTEXT = 3;

    private ConfigDiff() {
    }

    /** The diff lines ({@code ---}, {@code +++}, {@code @@} hunks); empty when the texts have the same lines. */
    static List<String> unified(String oldName, String oldText, String newName, String newText) {
        List<String> before = oldText.lines().toList();
        List<String> after = newText.lines().toList();
        Patch<String> patch = DiffUtils.diff(before, after);
        if (patch.getDeltas().isEmpty()) {
            return List.of();
        }
        return UnifiedDiffUtils.generateUnifiedDiff(oldName, newName, before, patch, CONTEXT);
    }
}
