package id.padu.app.planning;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Service;

/**
 * The one queue of planner searches in the server. The search is CPU-bound and uses the time
 * it is given, and a regency's server has few cores: two searches side by side would each get
 * half a machine and reach a worse plan in the same time. So every feature that runs the planner
 * (planning scenarios, the gateway's working plan, the migration's computed plan) hands its job
 * to this queue, and jobs run one after the other in the order they were submitted.
 */
@Service
public class PlannerQueue {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "padu-planner");
        t.setDaemon(true);
        return t;
    });

    /**
     * Queues {@code job} (which runs the planner and whatever must follow it at once, such as
     * storing the result) behind the jobs already submitted. The future completes with the job's
     * result, or exceptionally with what it threw.
     */
    public <T> CompletableFuture<T> submit(Callable<T> job) {
        CompletableFuture<T> result = new CompletableFuture<>();
        thread.submit(() -> {
            try {
                result.complete(job.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
