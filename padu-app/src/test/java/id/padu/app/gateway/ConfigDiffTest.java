package id.padu.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {

    @Test
    void sameLinesGiveNoDiff() {
        assertThat(ConfigDiff.unified("a", "x\ny\n", "b", "x\ny")).isEmpty();
    }

    @Test
    void changedLineIsRemovedAndAddedWithContextAndHunkHeader() {
        String before = "l1\nl2\nl3\nl4\nrate 40mbit\nl6\nl7\nl8\nl9\n";
        String after = "l1\nl2\nl3\nl4\nrate 60mbit\nl6\nl7\nl8\nl9\n";
        List<String> diff = ConfigDiff.unified("applied", before, "rendered", after);
        assertThat(diff).containsExactly("--- applied", "+++ rendered", "@@ -2,7 +2,7 @@",
                " l2", " l3", " l4", "-rate 40mbit", "+rate 60mbit", " l6", " l7", " l8");
    }

    @Test
    void insertionsAndDeletionsFarApartMakeTwoHunks() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            if (i != 3) {
                a.append("line ").append(i).append('\n');
            }
            b.append("line ").append(i).append('\n');
            if (i == 17) {
                a.append("old agency\n");
            }
        }
        List<String> diff = ConfigDiff.unified("a", a.toString(), "b", b.toString());
        assertThat(diff.stream().filter(l -> l.startsWith("@@")).count()).isEqualTo(2);
        assertThat(diff).contains("+line 3", "-old agency");
        assertThat(diff.stream().filter(l -> l.startsWith("+") && !l.startsWith("+++")).count()).isEqualTo(1);
        assertThat(diff.stream().filter(l -> l.startsWith("-") && !l.startsWith("---")).count()).isEqualTo(1);
    }

    @Test
    void fromNothingEveryLineIsAdded() {
        List<String> diff = ConfigDiff.unified("a", "", "b", "one\ntwo\n");
        assertThat(diff).startsWith("--- a", "+++ b").endsWith("+one", "+two");
        assertThat(diff.get(2)).startsWith("@@ ").endsWith(" +1,2 @@");
    }
}
