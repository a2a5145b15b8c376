package id.padu.analysis;

/**
 * Mean rate per hour of day in WIB (index 0 = 00:00-00:59 WIB), working days (Monday to
 * Friday) and weekends (Saturday, Sunday) apart, per direction. An hour without any measured
 * sample holds {@link id.padu.domain.UsageSeries#MISSING}. Means are rounded to whole bps.
 * The arrays are owned by this value: callers must not modify them.
 */
public record HourlyProfile(long[] weekdayDownBps, long[] weekdayUpBps, long[] weekendDownBps, long[] weekendUpBps) {
}
