package dev.strata.etl.bench;

import dev.strata.etl.engine.StepProfile;

import dev.strata.catalog.LocalTableCatalog;
import dev.strata.etl.curate.SqlRoot;
import dev.strata.etl.engine.Pipelines;
import dev.strata.etl.engine.Pipelines.Stage;
import dev.strata.samples.ServiceRequestGenerator;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.run.RunLog;
import dev.strata.etl.run.StageResult;
import dev.strata.etl.spec.PipelineSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * {@code strata bench engine}: generates the 311 data, runs the engine's raw → clean → curated over it
 * and, in the same process and on the same files, the hand-written baseline job; prints both.
 */
public final class EngineBenchmark {

    /** Figures of one measured job. */
    public record Figures(String job, long rows, long bytes, double seconds, long peakHeapBytes) {
        double rowsPerSecond() {
            return rows / seconds;
        }

        double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    private final SparkSession spark;
    private final PipelineSpec spec;
    private final PrintStream out;
    private final PrintStream progress;

    public EngineBenchmark(SparkSession spark, PipelineSpec spec, PrintStream out, PrintStream progress) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.spec = Objects.requireNonNull(spec, "spec is null");
        this.out = Objects.requireNonNull(out, "out is null");
        this.progress = Objects.requireNonNull(progress, "progress is null");
    }

    public void run(Path work, long rows, int files, long seed) throws IOException {
        Path input = work.resolve("input");
        progress.printf(Locale.ROOT, "generating %,d rows in %d file(s) ...%n", rows, files);
        new ServiceRequestGenerator(seed).write(input, rows, files);
        long bytes = size(input);

        // warm up both code paths on a small input so that neither pays for JIT and class loading
        Path warmInput = work.resolve("warmup-input");
        new ServiceRequestGenerator(seed + 1).write(warmInput, 20_000, files);
        plain(warmInput, work.resolve("warmup-plain"), 20_000, 0);
        engine(warmInput, work.resolve("warmup-lake"), 20_000, 0);
        Optional<Figures> duck = Optional.empty();
        if (DuckDbServiceRequestJob.available()) {
            duckDb(warmInput, work.resolve("warmup-duckdb"), 20_000, 0);
            duck = Optional.of(duckDb(input, work.resolve("duckdb"), rows, bytes));
        } else {
            progress.println("the DuckDB driver is not on the class path (it is on the launcher's, not in the"
                    + " spark-submit jar): its baseline is left out");
        }

        Figures plain = plain(input, work.resolve("plain"), rows, bytes);
        StepProfile profile = StepProfile.start(spark);
        List<Object> engine;
        try {
            engine = engine(input, work.resolve("lake"), rows, bytes);
        } finally {
            profile.close();
        }
        Figures rawToClean = (Figures) engine.get(0);
        Figures total = (Figures) engine.get(1);

        int cores = Runtime.getRuntime().availableProcessors();
        out.println();
        out.printf(Locale.ROOT, "bench engine: %,d rows, %.1f MB of CSV in %d file(s), %d cores, max heap %d MB%n",
                rows, bytes / 1e6, files, cores, Runtime.getRuntime().maxMemory() >> 20);
        String format = "%-34s %12s %10s %12s %9s %13s %14s%n";
        out.printf(Locale.ROOT, format, "job", "rows", "seconds", "rows/s", "MB/s", "MB/s per core", "peak heap MB");
        List<Figures> all = new java.util.ArrayList<>(List.of(plain));
        duck.ifPresent(all::add);
        all.addAll(List.of(rawToClean, total));
        for (Figures f : all) {
            out.printf(Locale.ROOT, format, f.job(), String.format(Locale.ROOT, "%,d", f.rows()),
                    String.format(Locale.ROOT, "%.1f", f.seconds()),
                    String.format(Locale.ROOT, "%,.0f", f.rowsPerSecond()),
                    String.format(Locale.ROOT, "%.1f", f.megabytesPerSecond()),
                    String.format(Locale.ROOT, "%.1f", f.megabytesPerSecond() / cores),
                    Long.toString(f.peakHeapBytes() >> 20));
        }
        out.printf(Locale.ROOT, "ratio engine raw->clean / plain job: %.2fx (target <= 1.10x)%n",
                rawToClean.seconds() / plain.seconds());
        out.printf(Locale.ROOT, "engine raw->clean throughput: %.1f MB/s per core (target >= 40)%n",
                rawToClean.megabytesPerSecond() / cores);
        duck.ifPresent(d -> out.printf(Locale.ROOT, "ratio plain Spark job / DuckDB: %.2fx; engine raw->clean->curated"
                + " / DuckDB: %.2fx (DuckDB writes Parquet, the others Delta)%n", plain.seconds() / d.seconds(),
                total.seconds() / d.seconds()));
        out.println("the engine's measured run, step by step:");
        profile.print(out);
    }

    private Figures plain(Path input, Path output, long rows, long bytes) {
        spark.sparkContext().setJobGroup("bench-plain", "hand-written baseline", false);
        try (HeapSampler heap = new HeapSampler()) {
            long start = System.nanoTime();
            new PlainServiceRequestJob(spark).run(input.toString(), output.toUri().toString());
            return new Figures("plain Spark job (parse..write)", rows, bytes, (System.nanoTime() - start) / 1e9,
                    heap.peakBytes());
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    /** The DuckDB baseline, given all the cores (as Spark's local[*] has them). */
    private Figures duckDb(Path input, Path output, long rows, long bytes) throws IOException {
        try (HeapSampler heap = new HeapSampler()) {
            long start = System.nanoTime();
            DuckDbServiceRequestJob.Counts counts = new DuckDbServiceRequestJob(
                    Runtime.getRuntime().availableProcessors()).run(input, output);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (bytes > 0) {
                progress.printf(Locale.ROOT, "DuckDB: %,d valid rows written, %,d rejected%n", counts.valid(),
                        counts.rejected());
            }
            return new Figures("DuckDB (parse..write Parquet)", rows, bytes, seconds, heap.peakBytes());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the DuckDB baseline failed: " + e.getMessage(), e);
        }
    }

    private List<Object> engine(Path input, Path lakeRoot, long rows, long bytes) {
        Lake lake = new Lake(lakeRoot.toString(), spark.sparkContext().hadoopConfiguration());
        PipelineSpec bench = spec.withInputs(Map.of(spec.sources().get(0).name(), input.toString()));
        RunLog log = new RunLog("bench", "bench", bench.name(), bench.origin(), lake.root(), Clock.systemUTC(),
                progress);
        Pipelines pipelines = new Pipelines(spark, lake, new LocalTableCatalog(lake.root(), lake.conf()),
                new SqlRoot(Optional.empty(), lake), Clock.systemUTC());
        try (HeapSampler heap = new HeapSampler()) {
            long start = System.nanoTime();
            List<StageResult> first = pipelines.run(bench, List.of(Stage.INGEST, Stage.CLEAN), log);
            double rawToClean = (System.nanoTime() - start) / 1e9;
            long peakClean = heap.peakBytes();
            pipelines.run(bench, List.of(Stage.CURATE), log);
            double total = (System.nanoTime() - start) / 1e9;
            long read = first.stream().filter(s -> s.stage().equals("clean")).mapToLong(StageResult::read).sum();
            return List.of(new Figures("engine raw->clean (ingest+clean)", read, bytes, rawToClean, peakClean),
                    new Figures("engine raw->clean->curated", read, bytes, total, heap.peakBytes()));
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
