import java.io.*;
import java.util.*;

public class Exp {
    static int n, m; static long sumL, best; static long[] delta;
    static long[] cost, qs; static long[][][] loads; // [level][k][j]
    public static void main(String[] a) throws Exception {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(a[0])));
        n = in.readInt(); m = in.readInt(); sumL = in.readLong(); best = in.readLong();
        best = Long.parseLong(a[1]);
        delta = new long[n]; for (int k = 0; k < n; k++) delta[k] = in.readLong();
        int L = in.readInt(); cost = new long[L]; qs = new long[L]; loads = new long[L][][];
        for (int l = 0; l < L; l++) { cost[l] = in.readLong(); qs[l] = in.readLong(); int p = in.readInt();
            loads[l] = new long[n][p]; for (int k = 0; k < n; k++) for (int j = 0; j < p; j++) loads[l][k][j] = in.readLong(); }
        long dAll = 0; for (long d : delta) dAll += d;
        System.out.printf("n %d m %d sumL %,d best %,d deltaAll %,d%n", n, m, sumL, best, dAll);
        System.out.println("deltas " + Arrays.toString(delta));
        for (int l = 0; l < L; l++) {
            int p = loads[l].length == 0 ? 0 : loads[l][0].length;
            long need = sumL + cost[l] - best;
            if (p == 0) { System.out.printf("level %d: p=0%n", l); continue; }
            double[] K = new double[p];
            for (int j = 0; j < p; j++) { double[] w = new double[n]; for (int k = 0; k < n; k++) w[k] = loads[l][k][j]; K[j] = frac(w, qs[l]); }
            double[] s = K.clone(); Arrays.sort(s);
            System.out.printf("level %d cost %,d q %.1f p %d need %,d b1 %,.0f (%.4f of need)  K pct10 %,.0f pct50 %,.0f%n", l, cost[l], qs[l]/1e6, p, need, s[m], s[m]/need, s[p/10], s[p/2]);
            if (s[m] <= need) continue;
            if (a.length > 3 && a[3].equals("bigm")) { for (int g : new int[]{2,4,8,16,64,256,1024,100000}) bigm(l, K, need, p, g); continue; }
            if (a.length > 3 && a[3].equals("mins")) { for (int g : new int[]{2,4,6,8,16,32,64,128}) mins(l, K, need, p, g); continue; }
            if (a.length > 3) { for (int g = 2; g <= 6; g++) groups(l, K, need, p, g, a[3].equals("lp")); continue; }
            if (a.length > 2) stats(l, K, need, p, s[m]); else pairs(l, K, need, p);
        }
    }
    static void groups(int l, double[] K, long need, int p, int g, boolean lp) {
        int c1 = 0; List<Integer> above = new ArrayList<>();
        Integer[] ord = new Integer[p]; for (int j = 0; j < p; j++) ord[j] = j;
        Arrays.sort(ord, (x, y) -> Double.compare(K[x], K[y]));
        for (int i = 0; i < p; i++) if (K[ord[i]] <= need) c1++; else above.add(ord[i]);
        long extra = 0; double[] w = new double[n];
        for (int i = 0; i + g <= above.size(); i += g) {
            // e = g - (largest subset S fitting jointly with surrogate-sum value > need)
            int bestSize = 1;
            for (int mask = 1; mask < (1 << g); mask++) {
                int sz = Integer.bitCount(mask); if (sz <= bestSize) continue;
                double v;
                if (lp && sz == 2) { int[] js = new int[2]; int c = 0; for (int b = 0; b < g; b++) if ((mask >> b & 1) != 0) js[c++] = above.get(i + b); v = pair(l, js[0], js[1]); }
                else { Arrays.fill(w, 0); for (int b = 0; b < g; b++) if ((mask >> b & 1) != 0) { int j = above.get(i + b); for (int k = 0; k < n; k++) w[k] += loads[l][k][j]; }
                v = frac(w, qs[l] * sz); }
                if (v > need) bestSize = sz;
            }
            extra += g - bestSize;
        }
        System.out.printf("   g=%d lp=%s: singles<=need %d + group extra %d = %d (prune needs > %d)%n", g, lp, c1, extra, c1 + extra, m);
    }
    static void mins(int l, double[] K, long need, int p, int g) {
        int c1 = 0; List<Integer> above = new ArrayList<>();
        Integer[] ord = new Integer[p]; for (int j = 0; j < p; j++) ord[j] = j;
        Arrays.sort(ord, (x, y) -> Double.compare(K[x], K[y]));
        for (int i = 0; i < p; i++) if (K[ord[i]] <= need) c1++; else above.add(ord[i]);
        long extra = 0; double[] w = new double[n]; long[][] sorted = new long[n][g];
        for (int i = 0; i + g <= above.size(); i += g) {
            for (int k = 0; k < n; k++) { for (int b = 0; b < g; b++) sorted[k][b] = loads[l][k][above.get(i + b)]; Arrays.sort(sorted[k]); }
            // largest s with fracKS(sum of s smallest, s q) > need; monotone? search all
            int bestSize = 1;
            Arrays.fill(w, 0);
            for (int sz = 1; sz <= g; sz++) {
                for (int k = 0; k < n; k++) w[k] += sorted[k][sz - 1];
                if (sz >= 2 && frac(w, qs[l] * sz) > need) bestSize = sz;
            }
            extra += g - bestSize;
        }
        System.out.printf("   mins g=%d: singles<=need %d + group extra %d = %d (prune needs > %d)%n", g, c1, extra, c1 + extra, m);
    }
    static void bigm(int l, double[] K, long need, int p, int g) {
        int c1 = 0; List<Integer> above = new ArrayList<>();
        Integer[] ord = new Integer[p]; for (int j = 0; j < p; j++) ord[j] = j;
        Arrays.sort(ord, (x, y) -> Double.compare(K[x], K[y]));
        for (int i = 0; i < p; i++) if (K[ord[i]] <= need) c1++; else above.add(ord[i]);
        long extra = 0; double[] w = new double[n]; double q = qs[l];
        for (int i = 0; i < above.size(); i += g) {
            int gg = Math.min(g, above.size() - i);
            Arrays.fill(w, 0); double[] A = new double[gg];
            for (int b = 0; b < gg; b++) { int j = above.get(i + b); for (int k = 0; k < n; k++) { w[k] += loads[l][k][j]; A[b] += loads[l][k][j]; } }
            Arrays.sort(A);
            // e = min e with frac(w, (gg-e) q + top e of A) > need ; binary search e
            int lo = 0, hi = gg; // frac at e=gg is >= single values > need
            while (lo < hi) { int mid = (lo + hi) / 2; double cap = (gg - mid) * q; for (int b = 0; b < mid; b++) cap += A[gg - 1 - b]; if (frac(w, cap) > need) hi = mid; else lo = mid + 1; }
            extra += lo;
        }
        System.out.printf("   bigm g=%d: singles<=need %d + group extra %d = %d (prune needs > %d)%n", g, c1, extra, c1 + extra, m);
    }
    static int[] taken;
    static void stats(int l, double[] K, long need, int p, double b1) {
        int[] full = new int[n], crit = new int[n], out = new int[n]; int cnt = 0;
        long[] meanLoad = new long[n];
        for (int j = 0; j < p; j++) {
            if (K[j] > b1 * 1.01 || K[j] < need) continue; cnt++;
            double[] w = new double[n]; for (int k = 0; k < n; k++) { w[k] = loads[l][k][j]; meanLoad[k] += loads[l][k][j]; }
            taken = new int[n]; frac(w, qs[l]);
            for (int k = 0; k < n; k++) { if (taken[k] == 2) full[k]++; else if (taken[k] == 1) crit[k]++; else out[k]++; }
        }
        System.out.printf("   steps near b1: %d%n", cnt);
        for (int k = 0; k < n; k++) System.out.printf("   agency %2d delta %,12d load %6.1f Mbps ratio %6.2f: full %5d crit %5d out %5d%n", k, delta[k], meanLoad[k] / (double) cnt / 1e6, delta[k] / (meanLoad[k] / (double) cnt), full[k], crit[k], out[k]);
    }
    static double frac(double[] w, double cap) {
        Integer[] idx = new Integer[n]; for (int k = 0; k < n; k++) idx[k] = k;
        Arrays.sort(idx, (x, y) -> Double.compare(delta[y] / (w[y] + 1e-9), delta[x] / (w[x] + 1e-9)));
        double v = 0;
        for (int k : idx) { if (w[k] <= cap) { cap -= w[k]; v += delta[k]; if (taken != null) taken[k] = 2; } else { v += delta[k] * cap / w[k]; if (taken != null) taken[k] = 1; break; } }
        return v;
    }
    // 2-row LP bound via surrogate ternary search
    static double pair(int l, int j1, int j2) {
        double q = qs[l]; double lo = 0, hi = 1; double[] w = new double[n];
        double best = Double.MAX_VALUE;
        for (int it = 0; it < 40; it++) {
            double m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3;
            double f1 = sur(l, j1, j2, m1, w), f2 = sur(l, j1, j2, m2, w);
            best = Math.min(best, Math.min(f1, f2));
            if (f1 < f2) hi = m2; else lo = m1;
        }
        return best;
    }
    static double sur(int l, int j1, int j2, double mu, double[] w) {
        for (int k = 0; k < n; k++) w[k] = mu * loads[l][k][j1] + (1 - mu) * loads[l][k][j2];
        return frac(w, qs[l]);
    }
    static void pairs(int l, double[] K, long need, int p) {
        // bound with pairs: pair steps sorted by K, adjacent; count(v) = sum e_G(v)
        Integer[] ord = new Integer[p]; for (int j = 0; j < p; j++) ord[j] = j;
        Arrays.sort(ord, (x, y) -> Double.compare(K[x], K[y]));
        // count at v = need with single
        int c1 = 0; for (double k : K) if (k <= need) c1++;
        // pair only the steps above need, sorted by K adjacent
        List<Integer> above = new ArrayList<>(); for (int i = 0; i < p; i++) if (K[ord[i]] > need) above.add(ord[i]);
        int gain = 0; int tried = 0;
        for (int i = 0; i + 1 < above.size() && tried < 4000; i += 2) {
            tried++;
            double kp = pair(l, above.get(i), above.get(i + 1));
            if (kp <= need) gain++;
        }
        System.out.printf("   singles <= need: %d (m=%d); pairs tried %d (sorted-adjacent) with pair<=need: %d%n", c1, m, tried, gain);
        // time-adjacent pairing
        gain = 0; tried = 0;
        List<Integer> ab = new ArrayList<>(above); Collections.sort(ab);
        for (int i = 0; i + 1 < ab.size() && tried < 4000; i += 2) { tried++; if (pair(l, ab.get(i), ab.get(i + 1)) <= need) gain++; }
        System.out.printf("   time-adjacent pairs tried %d with pair<=need: %d%n", tried, gain);
    }
}
