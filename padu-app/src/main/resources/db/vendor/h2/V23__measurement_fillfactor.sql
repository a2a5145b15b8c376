-- H2 has no fillfactor: nothing to do (db/vendor/postgresql/V23 sets it on PostgreSQL). The file
-- keeps both databases at the same schema version.
SELECT 1;
