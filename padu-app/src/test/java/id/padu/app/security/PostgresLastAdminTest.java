package id.padu.app.security;

import id.padu.app.PostgresAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link LastAdminTest}'s races on a real PostgreSQL, whose row locks re-check a row after waiting. */
class PostgresLastAdminTest extends PostgresAppTest {

    @Autowired
    UserAccounts accounts;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoAdminsDeletingEachOtherAtOnceLeaveOne() throws Exception {
        LastAdminTest.raceOn(accounts, tx, jdbc, AdminRace.POSTGRES_WAITING,
                (a, b) -> new Runnable[] {() -> accounts.delete(b), () -> accounts.delete(a)});
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOne() throws Exception {
        LastAdminTest.raceOn(accounts, tx, jdbc, AdminRace.POSTGRES_WAITING,
                (a, b) -> new Runnable[] {() -> accounts.update(b, null, Role.AUDITOR, null),
                        () -> accounts.update(a, null, Role.AUDITOR, null)});
    }
}
