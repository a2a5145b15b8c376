import java.util.*;
public class Ls extends Exp {
    public static void main(String[] a) throws Exception {
        Exp.main(new String[]{a[0], a[1], "quiet", "none"});
        int l = Integer.parseInt(a[2]); long[][] w = loads[l]; int p = w[0].length; long q = qs[l];
        long need = sumL + cost[l] - best;
        Random rnd = new Random(1); long bestD = 0; boolean[] bestX = null;
        for (int rep = 0; rep < Integer.getInteger("reps", 200); rep++) {
            boolean[] x = new boolean[n]; long[] agg = new long[p]; long d = 0;
            Integer[] ord = new Integer[n]; for (int k = 0; k < n; k++) ord[k] = k; Collections.shuffle(Arrays.asList(ord), rnd);
            for (int k : ord) { add(agg, w[k], 1); if (exc(agg, q) <= m) { x[k] = true; d += delta[k]; } else add(agg, w[k], -1); }
            boolean improved = true;
            while (improved) { improved = false;
                // try swap: remove i, add j (and greedily add more)
                outer:
                for (int i = 0; i < n; i++) if (x[i]) for (int j = 0; j < n; j++) if (!x[j]) {
                    if (delta[j] <= delta[i] && !(delta[j] == delta[i])) { }
                    add(agg, w[i], -1); add(agg, w[j], 1);
                    if (exc(agg, q) <= m) {
                        long nd = d - delta[i] + delta[j];
                        // greedy fill
                        boolean[] y = x.clone(); y[i] = false; y[j] = true; long[] ag2 = agg.clone();
                        for (int k = 0; k < n; k++) if (!y[k] && k != i) { add(ag2, w[k], 1); if (exc(ag2, q) <= m) { y[k] = true; nd += delta[k]; } else add(ag2, w[k], -1); }
                        if (nd > d) { x = y; agg = ag2; d = nd; improved = true; break outer; }
                    }
                    add(agg, w[j], -1); add(agg, w[i], 1);
                }
            }
            if (d > bestD) { bestD = d; bestX = x.clone(); System.out.printf("rep %d best delta %,d (need %,d, ratio %.5f)%n", rep, d, need, d / (double) need); }
        }
    }
    static void add(long[] agg, long[] w, int s) { for (int j = 0; j < agg.length; j++) agg[j] += s * w[j]; }
    static int exc(long[] agg, long q) { int e = 0; for (long v : agg) if (v > q) e++; return e; }
}
