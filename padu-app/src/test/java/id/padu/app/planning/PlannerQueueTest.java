package id.padu.app.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One search at a time, in the order asked: a second planner job waits for the first. */
class PlannerQueueTest {

    @Test
    void jobsRunOneAfterTheOtherInOrder() throws Exception {
        PlannerQueue queue = new PlannerQueue();
        try {
            CountDownLatch firstMayEnd = new CountDownLatch(1);
            CountDownLatch firstStarted = new CountDownLatch(1);
            List<String> events = new CopyOnWriteArrayList<>();
            CompletableFuture<String> first = queue.submit(() -> {
                events.add("first started");
                firstStarted.countDown();
                firstMayEnd.await(30, TimeUnit.SECONDS);
                events.add("first ended");
                return "a";
            });
            CompletableFuture<String> second = queue.submit(() -> {
                events.add("second started");
                return "b";
            });
            assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(second).isNotDone();
            firstMayEnd.countDown();
            assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("b");
            assertThat(first.get()).isEqualTo("a");
            assertThat(events).containsExactly("first started", "first ended", "second started");
        } finally {
            queue.stop();
        }
    }

    @Test
    void aFailedJobFailsItsFutureAndTheQueueGoesOn() throws Exception {
        PlannerQueue queue = new PlannerQueue();
        try {
            CompletableFuture<Object> bad = queue.submit(() -> {
                throw new IllegalStateException("no plan");
            });
            CompletableFuture<String> next = queue.submit(() -> "next");
            assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasRootCauseMessage("no plan");
            assertThat(next.get(30, TimeUnit.SECONDS)).isEqualTo("next");
        } finally {
            queue.stop();
        }
    }
}
