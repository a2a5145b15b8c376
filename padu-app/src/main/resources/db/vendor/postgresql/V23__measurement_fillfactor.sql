-- PostgreSQL only. The measurement table's rows are updated in place every minute (a minute is
-- added to its 5-minute and hourly rows). Half-empty pages leave room for the new row version on
-- the same page (a HOT update): no new index entries and less vacuum work. Measured in
-- docs/BENCHMARKS.md, "measurement rollup". Applies to pages written from now on.
ALTER TABLE measurement SET (fillfactor = 50);
