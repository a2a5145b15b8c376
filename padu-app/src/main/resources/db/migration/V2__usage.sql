-- Measured usage at its native step, one row per (agency, UTC day).
-- samples packs the day's down and up rates (see id.padu.app.usage.UsagePacking and
-- docs/storage.md): a year of 5-minute data for 1,000 agencies is 365,000 rows.
-- (DAY is a keyword in H2, hence utc_day.)
CREATE TABLE usage_day (
    agency_id    BIGINT NOT NULL REFERENCES agency (id) ON DELETE CASCADE,
    utc_day      DATE   NOT NULL,
    first_epoch  BIGINT NOT NULL,
    step_seconds INT    NOT NULL,
    sample_count INT    NOT NULL,
    samples      BYTEA  NOT NULL,
    PRIMARY KEY (agency_id, utc_day)
);
