-- Issue 19: login throttling is stored, so that a restart neither unlocks an attacker nor forgets
-- a user's known addresses. One row per counter:
--   (username, address)  the failures of one username from one client address (growing delays),
--                        and when that username last logged in from there (succeeded_at)
--   (username, '*')      the failures of one username from every address
--   ('*', address)       the failures from one address for every username
-- Usernames are stored lower-case, any name no account can have as '(invalid)'; addresses are cut
-- to 64 characters. '*' is neither a username nor an address. Rows that hold nothing any more are
-- purged (id.padu.app.security.LoginAttempts). Plain SQL for H2 and PostgreSQL.
CREATE TABLE login_throttle (
    username         VARCHAR(100) NOT NULL,
    address          VARCHAR(64)  NOT NULL,
    failures         INT          NOT NULL,
    first_failure_at TIMESTAMP WITH TIME ZONE,
    last_failure_at  TIMESTAMP WITH TIME ZONE,
    locked_until     TIMESTAMP WITH TIME ZONE,
    succeeded_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (username, address)
);
