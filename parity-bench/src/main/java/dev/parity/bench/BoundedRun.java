package dev.parity.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link CorpusRun} with a time limit: an init script or a load that hangs must not hold up the other
 * entries. At the limit its containers are removed (found by its label; Parity may still hold them inside
 * a start), which ends whatever it waits for, and its result says where it was when time ran out.
 */
final class BoundedRun {

    /** After removing the containers, how long the run may take to notice and return. */
    private static final Duration AFTER_REMOVAL = Duration.ofSeconds(90);

    private BoundedRun() {}

    static CorpusResult run(CorpusRun run, CorpusTarget target, Duration limit) {
        ExecutorService thread =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread worker = new Thread(r, "corpus-" + target.slug());
                            worker.setDaemon(
                                    true); // a run that never returns does not keep the JVM alive
                            return worker;
                        });
        Future<CorpusResult> result = thread.submit(run::run);
        try {
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String stage = run.stage();
            int removed = OwnContainers.remove(run.label());
            FirstProblem timedOut =
                    new FirstProblem(
                            "timeout",
                            String.format(
                                    Locale.ROOT,
                                    "still in stage '%s' after %d min: too costly at this scale",
                                    stage,
                                    limit.toMinutes()),
                            String.format(
                                    Locale.ROOT,
                                    "timed out after %d min in stage '%s'; %d container(s) removed",
                                    limit.toMinutes(),
                                    stage,
                                    removed));
            List<String> notes = List.of();
            try {
                notes =
                        result.get(AFTER_REMOVAL.toMillis(), TimeUnit.MILLISECONDS)
                                .notes(); // what it did before it was cut off
            } catch (TimeoutException | ExecutionException stillGoing) {
                result.cancel(true);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return new CorpusResult(
                    target,
                    0,
                    target.entry().rows().size(),
                    0,
                    0,
                    Double.NaN,
                    Optional.empty(),
                    "not measured: timed out",
                    Optional.of(timedOut),
                    notes);
        } catch (ExecutionException e) {
            return new CorpusResult(
                    target,
                    0,
                    target.entry().rows().size(),
                    0,
                    0,
                    Double.NaN,
                    Optional.empty(),
                    "not measured",
                    Optional.of(FirstProblem.of(run.stage(), e.getCause())),
                    List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            OwnContainers.remove(run.label());
            throw new IllegalStateException(
                    "interrupted while " + target.displayName() + " ran", e);
        } finally {
            thread.shutdownNow();
        }
    }
}
