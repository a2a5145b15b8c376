package id.padu.app.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a collection's duration, or until the user stops it (Ctrl-C, SIGTERM): a two-week
 * baseline stopped on day ten still writes its ten days. The shutdown hook holds the JVM until
 * the result is written.
 */
final class RunUntil implements AutoCloseable {

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook = new Thread(() -> {
        stop.countDown();
        try {
            done.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }, "padu-collect-stop");

    RunUntil() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Returns after the duration, or earlier when the process is asked to stop. */
    void await(Duration duration) throws InterruptedException {
        stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The result is written: let a pending shutdown go on. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and now returns
        }
    }
}
