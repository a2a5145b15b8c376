import id.padu.dataset.DatasetReader;
import id.padu.domain.Dataset;
import id.padu.plan.*;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;

public class Probe {
    public static void main(String[] a) throws Exception {
        var mx = ManagementFactory.getThreadMXBean();
        long t0 = mx.getCurrentThreadCpuTime();
        Dataset ds = DatasetReader.readFolder(Path.of(a[0]));
        long t1 = mx.getCurrentThreadCpuTime();
        System.out.printf("read %.2f s CPU%n", (t1 - t0) / 1e9);
        for (int i = 1; i < a.length; i++) {
            Map<String, String> o = new LinkedHashMap<>();
            if (!a[i].equals("-")) for (String kv : a[i].split(",")) { String[] p = kv.split("="); o.put(p[0], p.length > 1 ? p[1] : ""); }
            Dataset d = ds.withSettings(SettingOverrides.apply(ds.settings(), o));
            long s0 = mx.getCurrentThreadCpuTime();
            PlanResult r = Planner.plan(d, LocalDate.of(2026, 12, 8), Locale.ENGLISH, Planner.Limits.DEFAULT.withTimeLimitMillis(600_000));
            long s1 = mx.getCurrentThreadCpuTime();
            System.out.printf("%s: %.2f s CPU plan %d gap %.4f %% bound %d %s nodes %d central %d closeCalls %d%n", a[i], (s1 - s0) / 1e9,
                    r.plan().planAnnualIdr(), r.plan().gap() * 100, r.lowerBoundIdr(), r.stoppedBy(), r.searchNodes(),
                    r.plan().centralAgencies().size(), r.closeCalls().size());
        }
    }
}
