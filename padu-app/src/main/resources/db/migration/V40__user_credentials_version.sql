-- Issue 19: a session follows its account. Raised whenever the account's rights change (role,
-- agency, password reset); a session remembers the value it logged in with and ends when the row
-- holds another one (or is gone). Plain SQL: the same on H2 and PostgreSQL.
ALTER TABLE app_user ADD COLUMN credentials_version BIGINT DEFAULT 0 NOT NULL;
