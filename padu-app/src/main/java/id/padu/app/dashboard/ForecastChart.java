package id.padu.app.dashboard;

import id.padu.forecast.Forecast;
import java.util.List;

/**
 * What the forecast chart receives as JSON: one entry per month (measured months, then forecast
 * months) in Mbps with two decimals, null where a series has no point. The forecast series start at
 * the last measured month so that the lines join; the band is the 90 % prediction interval of the
 * download forecast. {@code message} alone is set when there is no forecast (fewer than three
 * measured months, no usage, a plan naming an agency the inventory no longer has).
 *
 * @param usableDownMbps the capacity times plan.target_utilization: the forecast crosses the
 *                       capacity, in the forecast's sense, where it passes this line
 * @param summary        sentences for the reader in the page's language (model, capacity, crossing, upgrade)
 */
record ForecastChart(List<String> months, Double[] measuredDownMbps, Double[] measuredUpMbps, Double[] forecastDownMbps,
                     Double[] forecastUpMbps, Double[] lowDownMbps, Double[] highDownMbps, Double capacityDownMbps,
                     Double usableDownMbps, String capacityFrom, String crossingMonth, List<String> summary, String message) {

    static ForecastChart refused(String message) {
        return new ForecastChart(List.of(), new Double[0], new Double[0], new Double[0], new Double[0], new Double[0],
                new Double[0], null, null, null, null, List.of(), message);
    }

    static ForecastChart of(Forecast f, List<String> summary) {
        List<Forecast.Month> ms = f.months();
        int n = ms.size();
        Double[] md = new Double[n], mu = new Double[n], fd = new Double[n], fu = new Double[n], lo = new Double[n],
                hi = new Double[n];
        int lastMeasured = -1;
        for (int i = 0; i < n; i++) {
            Forecast.Month m = ms.get(i);
            if (m.measured()) {
                md[i] = UsageChart.mbps(m.downBps());
                mu[i] = UsageChart.mbps(m.upBps());
                lastMeasured = i;
            } else {
                fd[i] = UsageChart.mbps(m.downBps());
                fu[i] = UsageChart.mbps(m.upBps());
                lo[i] = UsageChart.mbps(m.lowDownBps());
                hi[i] = UsageChart.mbps(m.highDownBps());
            }
        }
        if (lastMeasured >= 0 && lastMeasured + 1 < n) {
            fd[lastMeasured] = md[lastMeasured];
            fu[lastMeasured] = mu[lastMeasured];
            lo[lastMeasured] = md[lastMeasured];
            hi[lastMeasured] = md[lastMeasured];
        }
        return new ForecastChart(ms.stream().map(m -> m.month().toString()).toList(), md, mu, fd, fu, lo, hi,
                UsageChart.mbps(f.capacityDownBps()),
                UsageChart.mbps(Math.round(f.capacityDownBps() * f.targetUtilization())), f.capacityFrom().code(),
                f.crossing() == null ? null : f.crossing().month().toString(), summary, null);
    }
}
