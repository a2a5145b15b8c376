package id.padu.forecast;

/**
 * A log-linear trend {@code ln Q(m) = a + b m} fitted by ordinary least squares on the measured
 * months (m counts months from the first of them), with the two-sided 90 % prediction interval
 * of a new month's value. Growth in demand compounds (more staff online, more services, heavier
 * content), so a constant rate per month is a straight line in logarithms; the fit needs no
 * parameter a person would have to choose, and its residuals give the uncertainty directly.
 *
 * @param intercept     a, ln(bit/s) at month 0
 * @param slopePerMonth b, ln growth per month
 * @param residualSd    standard deviation of the residuals (n - 2 degrees of freedom), in ln units
 * @param n             number of months fitted
 * @param meanX         mean of the fitted month numbers
 * @param sxx           sum of squared deviations of the fitted month numbers
 */
public record Trend(double intercept, double slopePerMonth, double residualSd, int n, double meanX, double sxx) {

    /** The prediction interval's coverage: 90 %, from the 5th to the 95th percentile. */
    public static final double COVERAGE = 0.90;

    /** Least squares on (x, ln y); needs at least three points with distinct x and positive y. */
    static Trend fit(double[] x, double[] y) {
        int n = x.length;
        if (n < 3 || y.length != n) {
            throw new IllegalArgumentException("a trend needs at least three months: " + n);
        }
        double mx = 0, my = 0;
        double[] ly = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(y[i] > 0)) {
                throw new IllegalArgumentException("a log-linear trend needs positive values: " + y[i]);
            }
            ly[i] = Math.log(y[i]);
            mx += x[i];
            my += ly[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (ly[i] - my);
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double r = ly[i] - (a + b * x[i]);
            ss += r * r;
        }
        return new Trend(a, b, Math.sqrt(ss / (n - 2)), n, mx, sxx);
    }

    /** The trend's value at month x, bit/s (the median of the forecast: the fit is in logarithms). */
    public double at(double x) {
        return Math.exp(intercept + slopePerMonth * x);
    }

    /** Half the width of the 90 % prediction interval at month x, in ln units. */
    private double halfWidth(double x) {
        double se = residualSd * Math.sqrt(1 + 1.0 / n + (x - meanX) * (x - meanX) / sxx);
        return StudentT.q95(n - 2) * se;
    }

    /** The interval's lower end at month x, bit/s. */
    public double low(double x) {
        return Math.exp(intercept + slopePerMonth * x - halfWidth(x));
    }

    /** The interval's upper end at month x, bit/s. */
    public double high(double x) {
        return Math.exp(intercept + slopePerMonth * x + halfWidth(x));
    }

    /** Growth over twelve months at the fitted rate, as a fraction (0.25 for 25 % a year). */
    public double growthPerYear() {
        return Math.expm1(12 * slopePerMonth);
    }
}
