package id.padu.app;

import id.padu.domain.Wib;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves instead of waiting: the time a service sees is whatever the test set. */
public final class MovableClock extends Clock {

    public volatile Instant now;

    public MovableClock(Instant start) {
        this.now = start;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Moves to {@code hour}:00 WIB of {@code day}. */
    public void set(LocalDate day, int hour) {
        now = day.atTime(hour, 0).atZone(Wib.ZONE).toInstant();
    }
}
