package dev.strata.etl.engine;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

/**
 * Where a run's seconds go, step by step: the Spark jobs each step started (by kind: Delta's snapshot and
 * log reads, stats, checkpoints, writes, MERGE, the step's own queries) with the seconds they ran, and the
 * timed operations the engine reports (Delta commits, the commit metrics, catalog and run-record writes).
 * A step is the job group the engine sets for it ({@code strata-clean-…}, {@code strata-curate-…}, …).
 *
 * <p>Listens on the context's listener bus from {@link #start} to {@link #close}; operations are posted as
 * events on the same bus by {@link #time}, so nothing is shared between threads but the bus.
 */
public final class StepProfile extends SparkListener implements AutoCloseable {

    /** One timed operation of the engine, posted on the listener bus. */
    public record Operation(String group, String what, double seconds) implements SparkListenerEvent {
        @Override
        public boolean logEvent() {
            return false;
        }
    }

    /** Count and seconds of one kind of work in one step. */
    public static final class Tally {
        private long count;
        private double seconds;

        synchronized void add(double s) {
            count++;
            seconds += s;
        }

        public synchronized long count() {
            return count;
        }

        public synchronized double seconds() {
            return seconds;
        }
    }

    private record Started(String group, String kind, long startMillis) {
    }

    private final SparkSession spark;
    private final Map<Integer, Started> running = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Tally>> steps = new ConcurrentHashMap<>();

    private StepProfile(SparkSession spark) {
        this.spark = spark;
    }

    /** Starts listening to {@code spark}'s context. */
    public static StepProfile start(SparkSession spark) {
        StepProfile profile = new StepProfile(Objects.requireNonNull(spark, "spark is null"));
        spark.sparkContext().addSparkListener(profile);
        return profile;
    }

    /**
     * Runs {@code work} and, when a profile listens, reports how long it took as {@code what} of the calling
     * thread's step. Costs one event on the bus.
     */
    public static <T> T time(SparkSession spark, String what, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            String group = spark.sparkContext().getLocalProperty("spark.jobGroup.id");
            spark.sparkContext().listenerBus().post(new Operation(group == null ? "-" : group, what,
                    (System.nanoTime() - start) / 1e9));
        }
    }

    public static void time(SparkSession spark, String what, Runnable work) {
        time(spark, what, () -> {
            work.run();
            return null;
        });
    }

    @Override
    public void onJobStart(SparkListenerJobStart event) {
        Properties properties = event.properties();
        String group = properties == null ? null : properties.getProperty("spark.jobGroup.id");
        String description = properties == null ? null : properties.getProperty("spark.job.description");
        String callSite = null;
        int last = -1;
        for (org.apache.spark.scheduler.StageInfo stage
                : scala.collection.JavaConverters.seqAsJavaList(event.stageInfos())) {
            if (stage.stageId() > last) {
                last = stage.stageId();
                callSite = stage.name();
            }
        }
        running.put(event.jobId(), new Started(group == null ? "-" : group, kind(description, callSite),
                event.time()));
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd event) {
        Started started = running.remove(event.jobId());
        if (started != null) {
            tally(started.group(), "job: " + started.kind(), (event.time() - started.startMillis()) / 1000.0);
        }
    }

    @Override
    public void onOtherEvent(SparkListenerEvent event) {
        if (event instanceof Operation op) {
            tally(op.group(), op.what(), op.seconds());
        }
    }

    private void tally(String group, String what, double seconds) {
        steps.computeIfAbsent(group, g -> new ConcurrentHashMap<>()).computeIfAbsent(what, w -> new Tally())
                .add(seconds);
    }

    /** The kind of a Spark job, from the description Delta gives its own jobs or the call site of the step's. */
    static String kind(String description, String callSite) {
        String text = (description == null ? "" : description).toLowerCase(Locale.ROOT);
        if (text.contains("snapshot") || text.contains("state reconstruction") || text.contains("log segment")) {
            return "delta snapshot";
        }
        if (text.contains("checkpoint")) {
            return "delta checkpoint";
        }
        if (text.contains("stats") || text.contains("statistics")) {
            return "delta stats";
        }
        if (text.contains("merge")) {
            return "delta merge";
        }
        if (text.contains("filtering files") || text.contains("delta")) {
            return "delta other";
        }
        // the action and where the engine called it, e.g. "collectAsList at CleanJob.java:150"
        String site = callSite == null || callSite.isBlank() ? "?" : callSite.trim();
        return "query " + site;
    }

    /** What was seen so far, by step and kind of work (waits for the bus to deliver what is posted). */
    public Map<String, Map<String, Tally>> steps() {
        try {
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } catch (Exception e) {
            // a bus that does not empty in time: what arrived is printed
        }
        Map<String, Map<String, Tally>> copy = new TreeMap<>();
        steps.forEach((group, kinds) -> copy.put(group, new TreeMap<>(kinds)));
        return copy;
    }

    /** Prints the breakdown: per step, the Spark jobs and timed operations with their counts and seconds. */
    public void print(PrintStream out) {
        Map<String, Map<String, Tally>> seen = steps();
        out.println("profile: per step, Spark jobs by kind and timed operations (count, seconds; jobs of steps"
                + " running side by side overlap)");
        String format = "  %-44s %-56s %6s %9s%n";
        out.printf(Locale.ROOT, format, "step", "work", "count", "seconds");
        for (Map.Entry<String, Map<String, Tally>> step : seen.entrySet()) {
            List<Map.Entry<String, Tally>> kinds = new ArrayList<>(step.getValue().entrySet());
            kinds.sort((a, b) -> Double.compare(b.getValue().seconds(), a.getValue().seconds()));
            long jobs = 0;
            for (Map.Entry<String, Tally> kind : kinds) {
                if (kind.getKey().startsWith("job: ")) {
                    jobs += kind.getValue().count();
                }
            }
            out.printf(Locale.ROOT, format, step.getKey(), "(Spark jobs)", Long.toString(jobs), "");
            for (Map.Entry<String, Tally> kind : kinds) {
                out.printf(Locale.ROOT, format, "", kind.getKey(), Long.toString(kind.getValue().count()),
                        String.format(Locale.ROOT, "%.2f", kind.getValue().seconds()));
            }
        }
    }

    @Override
    public void close() {
        spark.sparkContext().removeSparkListener(this);
    }
}
