-- Usage measured by the server's own collectors (SNMP pollers, flow listeners), rolled up into
-- three resolutions. One row packs the buckets of one period (see docs/measurement.md):
--   resolution 60 s:   a UTC hour of 60 one-minute buckets
--   resolution 300 s:  six UTC hours (00-06, 06-12, 12-18, 18-24) of 72 five-minute buckets
--   resolution 3600 s: a UTC day of 24 hourly buckets
-- buckets holds, per bucket, covered seconds (0 = nobody measured it), down bytes and up bytes as
-- unsigned LEB128 varints (id.padu.app.measurement.BucketPacking).
-- Keyed by the agency's code, not its id, and without a foreign key: replacing the inventory by
-- a dataset import deletes and re-creates the agencies, and must not erase what was measured.
CREATE TABLE measurement (
    agency_code        VARCHAR(32) NOT NULL,
    source             VARCHAR(8)  NOT NULL,
    resolution_seconds INT         NOT NULL,
    period_start       BIGINT      NOT NULL,
    buckets            BYTEA       NOT NULL,
    PRIMARY KEY (agency_code, source, resolution_seconds, period_start),
    CONSTRAINT measurement_source CHECK (source IN ('snmp', 'flow')),
    CONSTRAINT measurement_resolution CHECK (resolution_seconds IN (60, 300, 3600))
);

-- The retention purge deletes by resolution and age.
CREATE INDEX measurement_age ON measurement (resolution_seconds, period_start);
