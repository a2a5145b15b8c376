package id.padu.forecast;

/**
 * The 95th percentile of Student's t distribution, which bounds a two-sided 90 % prediction
 * interval. Exact to four decimals from a table up to 30 degrees of freedom; beyond, the
 * Cornish-Fisher expansion around the normal percentile, which agrees with the exact value to
 * better than 1e-4 from 31 degrees on.
 */
final class StudentT {

    /** t(0.95, df) for df = 1 .. 30. */
    private static final double[] Q95 = {6.3138, 2.9200, 2.3534, 2.1318, 2.0150, 1.9432, 1.8946, 1.8595, 1.8331,
            1.8125, 1.7959, 1.7823, 1.7709, 1.7613, 1.7531, 1.7459, 1.7396, 1.7341, 1.7291, 1.7247, 1.7207, 1.7171,
            1.7139, 1.7109, 1.7081, 1.7056, 1.7033, 1.7011, 1.6991, 1.6973};

    /** The standard normal distribution's 95th percentile. */
    private static final double Z95 = 1.6448536269514722;

    private StudentT() {
    }

    static double q95(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1: " + degreesOfFreedom);
        }
        if (degreesOfFreedom <= Q95.length) {
            return Q95[degreesOfFreedom - 1];
        }
        double z = Z95, v = degreesOfFreedom;
        double z3 = z * z * z, z5 = z3 * z * z;
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v);
    }
}
