package dev.strata.etl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StepGraphTest {

    private static final Map<String, Set<String>> READS = Map.of(
            "a", Set.of(), "b", Set.of("t.a"), "c", Set.of(), "d", Set.of("t.b", "t.c"), "e", Set.of());

    private static StepGraph<String, String> graph() {
        return StepGraph.byTables(List.of("a", "b", "c", "d", "e"), s -> Set.of("t." + s), READS::get);
    }

    @Test
    void eachStepWaitsOnlyForTheEarlierStepsWhoseTablesItReads() {
        StepGraph<String, String> graph = graph();
        assertThat(graph.dependencies("a")).isEmpty();
        assertThat(graph.dependencies("b")).containsExactly("a");
        assertThat(graph.dependencies("d")).containsExactlyInAnyOrder("b", "c");
        assertThat(graph.dependencies("e")).isEmpty();
    }

    @Test
    void runsInParallelWithinTheLimitAndReturnsResultsInDeclaredOrder() {
        List<String> ended = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        // the steps that read nothing wait for one another: two of them can only both pass if they run at once
        CountDownLatch twoRoots = new CountDownLatch(2);
        List<String> results = graph().run(2, step -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            if (READS.get(step).isEmpty()) {
                twoRoots.countDown();
                try {
                    assertThat(twoRoots.await(30, TimeUnit.SECONDS)).as("two independent steps ran at once").isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            running.decrementAndGet();
            ended.add(step);
            return step.toUpperCase();
        });
        assertThat(results).containsExactly("A", "B", "C", "D", "E");
        assertThat(most.get()).isEqualTo(2);
        assertThat(ended.indexOf("b")).isGreaterThan(ended.indexOf("a"));
        assertThat(ended.indexOf("d")).isGreaterThan(Math.max(ended.indexOf("b"), ended.indexOf("c")));
    }

    @Test
    void theFirstFailureStopsNewStepsAndIsThrown() {
        Set<String> started = Collections.newSetFromMap(new ConcurrentHashMap<>());
        assertThatThrownBy(() -> graph().run(1, step -> {
            started.add(step);
            if (step.equals("b")) {
                throw new IllegalStateException("b broke");
            }
            return step;
        })).isInstanceOf(IllegalStateException.class).hasMessage("b broke");
        assertThat(started).containsExactlyInAnyOrder("a", "b");
        assertThatThrownBy(() -> graph().run(2, step -> {
            if (step.equals("a")) {
                throw new IllegalArgumentException("a broke");
            }
            return step;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("a broke");
    }
}
