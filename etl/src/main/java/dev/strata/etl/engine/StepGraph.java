package dev.strata.etl.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs steps that depend on one another with up to {@code parallelism} at a time: a step starts once
 * every step it depends on has ended. Results come back in the steps' declared order. The first failure
 * stops new steps from starting, waits for the running ones and is thrown.
 *
 * @param <S> a step
 * @param <R> what a step gives
 */
public final class StepGraph<S, R> {

    private final List<S> steps;
    private final Map<S, Set<S>> dependencies;

    /**
     * @param steps the steps in declared order
     * @param dependsOn for a step, the earlier steps it must wait for
     */
    public StepGraph(List<S> steps, Function<S, Set<S>> dependsOn) {
        this.steps = List.copyOf(Objects.requireNonNull(steps, "steps is null"));
        this.dependencies = new LinkedHashMap<>();
        for (S step : this.steps) {
            Set<S> before = new HashSet<>(dependsOn.apply(step));
            before.retainAll(this.steps.subList(0, this.steps.indexOf(step)));
            dependencies.put(step, before);
        }
    }

    /** Steps in order where each waits for all earlier steps that produce a table it reads. */
    public static <S, R> StepGraph<S, R> byTables(List<S> steps, Function<S, Set<String>> produces,
            Function<S, Set<String>> reads) {
        return new StepGraph<>(steps, step -> {
            Set<S> before = new HashSet<>();
            for (S other : steps) {
                if (other == step) {
                    break;
                }
                Set<String> made = produces.apply(other);
                if (reads.apply(step).stream().anyMatch(made::contains)) {
                    before.add(other);
                }
            }
            return before;
        });
    }

    public Set<S> dependencies(S step) {
        return Set.copyOf(dependencies.get(step));
    }

    public List<R> run(int parallelism, Function<S, R> work) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, cannot be: " + parallelism);
        }
        Map<S, R> done = new LinkedHashMap<>();
        if (parallelism == 1 || steps.size() < 2) {
            for (S step : steps) {
                done.put(step, work.apply(step));
            }
            return ordered(done);
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "strata-step");
            thread.setDaemon(true);
            return thread;
        });
        ExecutorCompletionService<Map.Entry<S, R>> completion = new ExecutorCompletionService<>(pool);
        Set<S> started = new HashSet<>();
        int running = 0;
        RuntimeException failure = null;
        try {
            while (true) {
                if (failure == null) {
                    // at most `parallelism` at once, the earliest declared first, so that a step others wait
                    // for is not queued behind steps that became ready before it
                    for (S step : steps) {
                        if (running >= parallelism) {
                            break;
                        }
                        if (!started.contains(step) && done.keySet().containsAll(dependencies.get(step))) {
                            started.add(step);
                            running++;
                            completion.submit(() -> Map.entry(step, work.apply(step)));
                        }
                    }
                }
                if (running == 0) {
                    break;
                }
                Future<Map.Entry<S, R>> next = completion.take();
                running--;
                try {
                    Map.Entry<S, R> result = next.get();
                    done.put(result.getKey(), result.getValue());
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running steps", e);
        } finally {
            pool.shutdownNow();
        }
        if (failure != null) {
            throw failure;
        }
        return ordered(done);
    }

    private List<R> ordered(Map<S, R> done) {
        List<R> results = new ArrayList<>();
        for (S step : steps) {
            if (done.containsKey(step)) {
                results.add(done.get(step));
            }
        }
        return results;
    }
}
