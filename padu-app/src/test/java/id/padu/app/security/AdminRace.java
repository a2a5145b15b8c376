package id.padu.app.security;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two account changes at the same moment, made to overlap for certain rather than by luck: the
 * first runs in a transaction that stays open after its change until the second has reached the
 * database and waits there for a lock (or is done); then the first commits. Whatever the second
 * read before waiting, it read while the first was not committed: the worst case of a race.
 */
final class AdminRace {

    /** What each change ended with: {@code "ok"} or the message it was refused with. */
    record Outcome(String first, String second) {
    }

    /** Counts the connections that wait for a lock another one holds. */
    static final String H2_WAITING = "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
    static final String POSTGRES_WAITING = "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'";

    private AdminRace() {
    }

    static Outcome run(TransactionTemplate tx, JdbcClient jdbc, String waitingSql, Runnable first, Runnable second)
            throws Exception {
        CountDownLatch firstChanged = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<String> a = threads.submit(() -> attempt(() -> tx.executeWithoutResult(status -> {
                try {
                    first.run();
                } finally {
                    firstChanged.countDown();
                }
                await(commitFirst);
            })));
            await(firstChanged);
            Future<String> b = threads.submit(() -> attempt(second));
            // Not a delay: the second change is either finished or provably waiting on the first.
            while (!b.isDone() && jdbc.sql(waitingSql).query(Long.class).single() == 0) {
                Thread.onSpinWait();
            }
            commitFirst.countDown();
            return new Outcome(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
        } finally {
            commitFirst.countDown();
            threads.shutdownNow();
        }
    }

    private static String attempt(Runnable change) {
        try {
            change.run();
            return "ok";
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other change never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
