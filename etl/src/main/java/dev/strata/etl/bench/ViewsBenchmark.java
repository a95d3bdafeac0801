package dev.strata.etl.bench;

import dev.strata.etl.engine.StepProfile;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.strata.catalog.LocalTableCatalog;
import dev.strata.catalog.TableCatalog;
import dev.strata.etl.UserError;
import dev.strata.etl.clean.CleanJob;
import dev.strata.samples.ServiceRequestGenerator;
import dev.strata.etl.lake.DeltaTables;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.raw.RawZone;
import dev.strata.etl.run.RunLog;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.etl.spec.SourceSpec;
import dev.strata.etl.spec.ViewSpec;
import dev.strata.etl.views.EventHistory;
import dev.strata.etl.views.ViewLayers;
import dev.strata.etl.views.ViewPlan;
import dev.strata.transforms.clean.RecordColumns;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.IntegralType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampType;

/**
 * {@code strata bench views}: the views of a spec (the bundled {@code service_requests} by default) over an
 * event history of generated 311 data that the engine's own ingest and clean stages build, delivery by
 * delivery: a history of 1× (a tenth of {@code events}), the batch layer, an increment and the speed layer,
 * then the history grown to 10× ({@code events}), the batch layer recomputed, the same-sized increment and the
 * speed layer again; then serving queries, and as the baseline every view computed by one plain GROUP BY over
 * the whole history, in the same JVM. Prints seconds, events/s and peak heap of each step and the speed
 * layer's growth from 1× to 10×.
 *
 * <p>The history grows from 1× to 10× either by the engine loading the generated rows ({@link Growth#ENGINE}) or,
 * where that takes too long, by {@link Growth#COPIES}: the 1× history appended again nine times in one commit,
 * each copy with its keys moved past every generated key and its dates and times moved on by the span of days
 * the 1× history covers, so that the copies continue it in time like later deliveries would.
 */
public final class ViewsBenchmark {

    /** How the history grows from 1× to 10×. */
    public enum Growth {
        /** the engine's ingest and clean of the generated rows, as a real delivery */
        ENGINE,
        /** the 1× history copied nine times, shifted in key and time, appended directly in the history's shape */
        COPIES
    }

    /** The growth of the speed layer's time from 1× to 10× that the views aim to stay under. */
    public static final double SPEED_GROWTH_TARGET = 1.5;
    private static final int QUERY_RUNS = 5;
    private static final int QUERY_ROWS = 100;
    private static final long ROWS_PER_FILE = 500_000;

    /**
     * One measured step: what it did, the history's rows after it, the rows it processed (0 when a rate means
     * nothing for it), how long it took, and the peak heap meanwhile.
     */
    public record Step(String name, long historyRows, long processedRows, double seconds, long peakHeapBytes) {
        double eventsPerSecond() {
            return processedRows / seconds;
        }
    }

    private final SparkSession spark;
    private final PipelineSpec spec;
    private final SourceSpec source;
    private final PrintStream out;
    private final PrintStream progress;

    public ViewsBenchmark(SparkSession spark, PipelineSpec spec, PrintStream out, PrintStream progress) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.spec = Objects.requireNonNull(spec, "spec is null");
        this.out = Objects.requireNonNull(out, "out is null");
        this.progress = Objects.requireNonNull(progress, "progress is null");
        if (spec.views().isEmpty()) {
            throw new UserError("pipeline " + spec.name() + " (" + spec.origin() + ") has no views: section to measure");
        }
        List<String> sources = spec.views().stream().map(ViewSpec::source).distinct().toList();
        if (sources.size() != 1) {
            throw new UserError("bench views measures views of one source; the views of " + spec.name()
                    + " read " + String.join(", ", sources));
        }
        this.source = spec.source(sources.get(0)).orElseThrow();
    }

    /**
     * @param events the history at 10× (1× is a tenth of it), in generated rows
     * @param increment rows of each of the two increments the speed layer is timed on
     */
    public void run(Path work, long events, long increment, long seed, Growth growth) throws IOException {
        Objects.requireNonNull(growth, "growth is null");
        long small = events / 10;
        if (increment < 1 || increment >= small) {
            throw new UserError("--increment must be from 1 to less than a tenth of --events (" + small + "), not "
                    + increment);
        }
        // one generated sequence of events + increment rows, cut into deliveries; copies need no generated growth,
        // so the second increment follows the first at once (its updates then meet cases the history holds, as
        // with the engine) and the rest of the sequence is not written
        Map<String, Long> ends = new LinkedHashMap<>();
        ends.put("history-1x", small - increment);
        ends.put("warm-up-increment", small);
        ends.put("increment-1x", small + increment);
        if (growth == Growth.ENGINE) {
            ends.put("growth-to-10x", events);
            ends.put("increment-10x", events + increment);
        } else {
            ends.put("increment-10x", small + 2 * increment);
        }
        Map<String, Path> deliveries = generate(work.resolve("deliveries"), events + increment, ends, seed);

        Lake lake = new Lake(work.resolve("lake").toString(), spark.sparkContext().hadoopConfiguration());
        TableCatalog catalog = new LocalTableCatalog(lake.root(), lake.conf());
        RunLog log = new RunLog("bench-views", "bench views", spec.name(), spec.origin(), lake.root(),
                Clock.systemUTC(), progress);
        RawZone raw = new RawZone(lake, Clock.systemUTC());
        EventHistory history = new EventHistory(spark, lake);
        ViewLayers layers = new ViewLayers(spark, lake, catalog, spec);
        Map<String, Map<String, Double>> perView = new LinkedHashMap<>();
        spec.views().forEach(v -> perView.put(v.name(), new LinkedHashMap<>()));
        List<Step> steps = new ArrayList<>();
        StepProfile profile = StepProfile.start(spark);

        steps.add(load("engine: history 1× (ingest + clean)", deliveries.get("history-1x"), lake, catalog, raw,
                history, log));
        steps.add(layer("batch layer at 1×", "batch 1×", history, perView,
                v -> layers.batch(v, Optional.empty()), true));
        steps.add(layer("first speed run (no checkpoint yet), nothing new", null, history, perView,
                layers::speed, false));
        // the first increment warms the speed layer's code up (streaming, MERGE), so that 1× does not pay for it
        steps.add(load("engine: warm-up increment", deliveries.get("warm-up-increment"), lake, catalog, raw,
                history, log));
        steps.add(layer("speed: warm-up increment over 1×", null, history, perView, layers::speed, false));
        steps.add(load("engine: increment at 1×", deliveries.get("increment-1x"), lake, catalog, raw, history, log));
        Step speedSmall = layer("speed: increment over 1×", "speed 1×", history, perView, layers::speed, false);
        steps.add(speedSmall);
        if (growth == Growth.ENGINE) {
            steps.add(load("engine: grow history to 10×", deliveries.get("growth-to-10x"), lake, catalog, raw,
                    history, log));
        } else {
            steps.add(copies("history to 10×: 9 shifted copies, written directly", history, 9,
                    new DeltaTables(spark)));
        }
        steps.add(layer("speed after that growth (as a run does)", null, history, perView, layers::speed, false));
        Step batchLarge = layer("batch layer recomputed at 10×", "batch 10×", history, perView,
                v -> layers.batch(v, Optional.empty()), true);
        steps.add(batchLarge);
        steps.add(load("engine: increment at 10×", deliveries.get("increment-10x"), lake, catalog, raw, history,
                log));
        Step speedLarge = layer("speed: increment over 10×", "speed 10×", history, perView, layers::speed, false);
        steps.add(speedLarge);
        steps.add(layer("serving rebuilt whole at 10× (for comparison)", "serve whole", history, perView,
                layers::serve, false));
        Map<String, Long> baselineGroups = new LinkedHashMap<>();
        steps.add(baseline(work.resolve("baseline"), history, perView, baselineGroups));

        profile.close();
        List<List<String>> queries = queries(layers);

        int cores = Runtime.getRuntime().availableProcessors();
        out.println();
        out.printf(Locale.ROOT, "bench views: %d view(s) of %s over history.%s, %,d generated events at 10× (1× = %,d),"
                + " increments of %,d; history 1× and increments loaded by the engine (ingest + clean), grown to 10× %s;"
                + " %d cores, max heap %d MB%n",
                spec.views().size(), spec.name(), source.target().table(), events, small, increment,
                growth == Growth.ENGINE ? "by the engine" : "by 9 shifted copies of 1× written directly", cores,
                Runtime.getRuntime().maxMemory() >> 20);
        String format = "%-52s %14s %9s %12s %13s%n";
        out.printf(Locale.ROOT, format, "step", "history rows", "seconds", "rows/s", "peak heap MB");
        for (Step s : steps) {
            out.printf(Locale.ROOT, format, s.name(), String.format(Locale.ROOT, "%,d", s.historyRows()),
                    String.format(Locale.ROOT, "%.1f", s.seconds()),
                    s.processedRows() > 0 ? String.format(Locale.ROOT, "%,.0f", s.eventsPerSecond()) : "",
                    Long.toString(s.peakHeapBytes() >> 20));
        }
        double ratio = speedLarge.seconds() / speedSmall.seconds();
        out.printf(Locale.ROOT, "speed layer, same increment of %,d: %.1f s over 1×, %.1f s over 10×: growth %.2fx"
                + " (target < %.1fx: %s)%n", increment, speedSmall.seconds(), speedLarge.seconds(), ratio,
                SPEED_GROWTH_TARGET, ratio < SPEED_GROWTH_TARGET ? "met" : "NOT met");
        Step baseline = steps.get(steps.size() - 1);
        out.printf(Locale.ROOT, "batch recompute at 10×: %.1f s, %,.0f events/s; plain GROUP BY baseline: %.1f s,"
                + " %,.0f events/s (batch / baseline %.2fx)%n", batchLarge.seconds(), batchLarge.eventsPerSecond(),
                baseline.seconds(), baseline.eventsPerSecond(), batchLarge.seconds() / baseline.seconds());
        out.printf(Locale.ROOT, "peak heap %d MB%n", steps.stream().mapToLong(Step::peakHeapBytes).max().orElse(0)
                >> 20);

        out.println();
        out.println("seconds per view:");
        List<String> phases = new ArrayList<>(perView.values().iterator().next().keySet());
        String viewFormat = "%-26s" + " %12s".repeat(phases.size()) + " %14s %14s%n";
        List<Object> header = new ArrayList<>(List.of("view"));
        header.addAll(phases);
        header.addAll(List.of("served groups", "baseline groups"));
        out.printf(Locale.ROOT, viewFormat, header.toArray());
        for (ViewSpec view : spec.views()) {
            List<Object> row = new ArrayList<>(List.of(view.name()));
            perView.get(view.name()).values().forEach(s -> row.add(String.format(Locale.ROOT, "%.1f", s)));
            row.add(String.format(Locale.ROOT, "%,d", servedGroups(layers, view)));
            row.add(String.format(Locale.ROOT, "%,d", baselineGroups.get(view.name())));
            out.printf(Locale.ROOT, viewFormat, row.toArray());
        }

        out.println();
        out.printf(Locale.ROOT, "serving queries (views query; median of %d runs, first %d rows in order):%n",
                QUERY_RUNS, QUERY_ROWS);
        String queryFormat = "%-26s %8s %-44s %8s%n";
        out.printf(Locale.ROOT, queryFormat, "view", "ms", "filtered by", "ms");
        for (List<String> q : queries) {
            out.printf(Locale.ROOT, queryFormat, q.toArray());
        }
        out.println();
        profile.print(out);
    }

    /**
     * Writes the first rows of one generated sequence of {@code sequence} rows cut into the deliveries, each in its
     * own folder of one or more files.
     */
    private Map<String, Path> generate(Path root, long sequence, Map<String, Long> ends, long seed)
            throws IOException {
        long total = ends.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        progress.printf(Locale.ROOT, "generating %,d rows in %d deliveries ...%n", total, ends.size());
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, Path> folders = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        List<Long> fileEnds = new ArrayList<>();
        long start = 0;
        for (Map.Entry<String, Long> delivery : ends.entrySet()) {
            Path folder = Files.createDirectories(root.resolve(delivery.getKey()));
            folders.put(delivery.getKey(), folder);
            long rows = delivery.getValue() - start;
            // the source's records may span lines, so a file is parsed by one task: several files keep the cores busy
            long count = rows <= ROWS_PER_FILE ? 1 : ((rows + ROWS_PER_FILE - 1) / ROWS_PER_FILE + cores - 1)
                    / cores * cores;
            for (long f = 1; f <= count; f++) {
                files.add(folder.resolve(String.format(Locale.ROOT, "service_requests_part-%05d.csv", f - 1)));
                fileEnds.add(start + rows * f / count);
            }
            start = delivery.getValue();
        }
        new ServiceRequestGenerator(seed).writeDeliveries(files, sequence,
                fileEnds.stream().mapToLong(Long::longValue).toArray());
        return folders;
    }

    /** Ingests and cleans one delivery of the views' source with the engine, which appends to the history. */
    private Step load(String name, Path delivery, Lake lake, TableCatalog catalog, RawZone raw, EventHistory history,
            RunLog log) {
        progress.println(name + " ...");
        PipelineSpec delivered = spec.withInputs(Map.of(source.name(), delivery.toString()));
        SourceSpec from = delivered.source(source.name()).orElseThrow();
        spark.sparkContext().setJobGroup("bench-views-load", name, false);
        try (HeapSampler heap = new HeapSampler()) {
            long start = System.nanoTime();
            raw.ingest(from.name(), from.path(), from.files());
            long read = new CleanJob(spark, lake, catalog, raw).run(delivered, from, log).read();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Step(name, history.read(source).count(), read, seconds, heap.peakBytes());
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    /**
     * Appends the history as it is {@code copies} times more, in one commit: each copy's first key moved past every
     * key so far (a multiple of a power of ten above the largest, or a suffix for a text key), its dates and times
     * moved on by k times the days the history spans, and its own batch id; all of it arriving now.
     */
    private Step copies(String name, EventHistory history, int copies, DeltaTables delta) {
        progress.println(name + " ...");
        spark.sparkContext().setJobGroup("bench-views-copies", name, false);
        try (HeapSampler heap = new HeapSampler()) {
            long start = System.nanoTime();
            String location = history.location(source);
            Dataset<Row> base = spark.read().format("delta").option("versionAsOf", delta.version(location))
                    .load(location);
            String key = source.clean().keys().get(0);
            String time = spec.views().get(0).eventTime();
            DataType keyType = base.schema().apply(key).dataType();
            if (!(keyType instanceof IntegralType) && !(keyType instanceof StringType)) {
                throw new UserError("--history copies needs the first key of " + source.name()
                        + " to be a whole number or text, not " + keyType.simpleString());
            }
            Row bounds = base.agg(functions.min(functions.to_date(col("`" + time + "`"))),
                    functions.max(functions.to_date(col("`" + time + "`"))), functions.max(col(EventHistory.AT)),
                    keyType instanceof IntegralType ? functions.max(col("`" + key + "`")).cast("long") : lit(0L))
                    .first();
            long days = bounds.isNullAt(0) ? 1
                    : bounds.getDate(1).toLocalDate().toEpochDay() - bounds.getDate(0).toLocalDate().toEpochDay() + 1;
            long step = 10;
            while (!bounds.isNullAt(3) && step <= bounds.getLong(3)) {
                step *= 10;
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Instant latest = bounds.isNullAt(2) ? now : bounds.getTimestamp(2).toInstant();
            Timestamp at = Timestamp.from(now.isAfter(latest) ? now : latest.plus(1, ChronoUnit.MICROS));
            List<String> fields = source.clean().fieldNames();
            Dataset<Row> all = null;
            for (int k = 1; k <= copies; k++) {
                List<Column> columns = new ArrayList<>();
                for (StructField f : base.schema().fields()) {
                    Column c = col("`" + f.name() + "`");
                    if (f.name().equals(key)) {
                        c = keyType instanceof StringType ? functions.concat(c, lit("#" + k))
                                : c.plus(lit(k * step)).cast(keyType);
                    } else if (f.name().equals(RecordColumns.BATCH_ID)) {
                        c = functions.concat(c, lit("-copy" + k));
                    } else if (f.name().equals(EventHistory.AT)) {
                        c = lit(at);
                    } else if (fields.contains(f.name()) && f.dataType() instanceof DateType) {
                        c = functions.date_add(c, (int) (k * days));
                    } else if (fields.contains(f.name()) && f.dataType() instanceof TimestampType) {
                        c = functions.expr("timestampadd(DAY, " + k * days + ", `" + f.name() + "`)");
                    }
                    columns.add(c.as(f.name()));
                }
                Dataset<Row> copy = base.select(columns.toArray(Column[]::new));
                all = all == null ? copy : all.union(copy);
            }
            long written = delta.append(all, location, List.of()).rowsWritten();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Step(name, history.read(source).count(), written, seconds, heap.peakBytes());
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    /**
     * Runs one layer operation for every view; the step's time is the sum, each view's is kept under
     * {@code phase} (unless null).
     */
    private Step layer(String name, String phase, EventHistory history, Map<String, Map<String, Double>> perView,
            Function<ViewSpec, ViewLayers.LayerResult> operation, boolean rate) {
        progress.println(name + " ...");
        spark.sparkContext().setJobGroup("views bench: " + name, name, false);
        try (HeapSampler heap = new HeapSampler()) {
            long start = System.nanoTime();
            for (ViewSpec view : spec.views()) {
                long viewStart = System.nanoTime();
                operation.apply(view);
                if (phase != null) {
                    perView.get(view.name()).put(phase, (System.nanoTime() - viewStart) / 1e9);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long rows = history.read(source).count();
            return new Step(name, rows, rate ? rows : 0, seconds, heap.peakBytes());
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    /** Every view by one plain GROUP BY over the whole history, written to Delta like a batch layer. */
    private Step baseline(Path folder, EventHistory history, Map<String, Map<String, Double>> perView,
            Map<String, Long> groups) {
        String name = "baseline: one plain GROUP BY per view at 10×";
        progress.println(name + " ...");
        spark.sparkContext().setJobGroup("bench-views-baseline", name, false);
        try (HeapSampler heap = new HeapSampler()) {
            long start = System.nanoTime();
            for (ViewSpec view : spec.views()) {
                long viewStart = System.nanoTime();
                new PlainViewQuery(view, source.clean().keys()).apply(history.read(source)).write().format("delta")
                        .mode("overwrite").save(folder.resolve(view.name()).toUri().toString());
                perView.get(view.name()).put("baseline", (System.nanoTime() - viewStart) / 1e9);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (ViewSpec view : spec.views()) {
                groups.put(view.name(), spark.read().format("delta").load(folder.resolve(view.name()).toUri()
                        .toString()).count());
            }
            long rows = history.read(source).count();
            return new Step(name, rows, rows, seconds, heap.peakBytes());
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    private static long servedGroups(ViewLayers layers, ViewSpec view) {
        return layers.query(view, Optional.empty()).count();
    }

    /** The median time of {@code views query} of each view, whole and filtered on its first dimension. */
    private List<List<String>> queries(ViewLayers layers) {
        progress.println("serving queries ...");
        List<List<String>> rows = new ArrayList<>();
        for (ViewSpec view : spec.views()) {
            double whole = median(() -> layers.query(view, Optional.empty()).limit(QUERY_ROWS + 1).collectAsList());
            String dimension = new ViewPlan(view).dimensionNames().get(0);
            Row first = layers.query(view, Optional.empty()).select(col("`" + dimension + "`"))
                    .where(col("`" + dimension + "`").isNotNull()).first();
            String where = "`" + dimension + "` = " + functions.lit(first.get(0)).expr().sql();
            double filtered = median(() -> layers.query(view, Optional.of(where)).limit(QUERY_ROWS + 1)
                    .collectAsList());
            rows.add(List.of(view.name(), String.format(Locale.ROOT, "%.0f", whole), where,
                    String.format(Locale.ROOT, "%.0f", filtered)));
        }
        return rows;
    }

    private static double median(Runnable query) {
        query.run();
        double[] millis = new double[QUERY_RUNS];
        for (int i = 0; i < QUERY_RUNS; i++) {
            long start = System.nanoTime();
            query.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[QUERY_RUNS / 2];
    }
}
