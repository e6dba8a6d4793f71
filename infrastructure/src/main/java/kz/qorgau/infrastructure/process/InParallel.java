package kz.qorgau.infrastructure.process;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Runs one blocking step (start a process, wait for it) on several items at once: the brokers of a cluster,
 * which answer only once a majority runs, and services that start side by side.
 */
public final class InParallel {

    private InParallel() {}

    /**
     * Runs {@code action} on every item at once and waits for all; a failure is thrown as the action threw it
     * (a runtime exception), after every item's action has ended.
     */
    public static <T> void forEach(Collection<T> items, Consumer<? super T> action) {
        try {
            CompletableFuture.allOf(items.stream()
                            .map(item -> CompletableFuture.runAsync(() -> action.accept(item)))
                            .toArray(CompletableFuture[]::new))
                    .join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
