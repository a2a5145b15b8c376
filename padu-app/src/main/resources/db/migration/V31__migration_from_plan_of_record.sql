-- A migration may now be scheduled from the plan of record (source 'record'), besides an
-- uploaded plan file and a plan computed from the inventory.
ALTER TABLE mig_migration DROP CONSTRAINT mig_migration_source_ck;
ALTER TABLE mig_migration ADD CONSTRAINT mig_migration_source_ck CHECK (source IN ('upload', 'computed', 'record'));
