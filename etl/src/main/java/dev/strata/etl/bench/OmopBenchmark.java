package dev.strata.etl.bench;

import dev.strata.etl.engine.StepProfile;

import dev.strata.catalog.LocalTableCatalog;
import dev.strata.etl.curate.SqlRoot;
import dev.strata.etl.engine.Pipelines;
import dev.strata.etl.engine.Pipelines.Stage;
import dev.strata.samples.mimic.GenerationSummary;
import dev.strata.samples.mimic.MimicGenerator;
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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * {@code strata bench omop}: MIMIC-III-shaped data for N patients converted to OMOP CDM v5.4 end to end
 * (raw, clean, CDM tables, staging, reports), with the time and rows of every table and the peak heap;
 * beside it, in the same process, a baseline that only reads every MIMIC file with Spark and writes it as
 * Parquet, the least any conversion of these files has to do.
 */
public final class OmopBenchmark {

    private final SparkSession spark;
    private final PipelineSpec spec;
    private final PrintStream out;
    private final PrintStream progress;

    public OmopBenchmark(SparkSession spark, PipelineSpec spec, PrintStream out, PrintStream progress) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.spec = Objects.requireNonNull(spec, "spec is null");
        this.out = Objects.requireNonNull(out, "out is null");
        this.progress = Objects.requireNonNull(progress, "progress is null");
    }

    public void run(Path work, int patients, long seed) throws IOException {
        Path mimic = work.resolve("mimic");
        progress.printf(Locale.ROOT, "generating MIMIC-III-shaped data for %,d patients ...%n", patients);
        GenerationSummary generated = new MimicGenerator(seed).write(mimic, patients, MimicGenerator.Options.defaults());
        long inputRows = generated.rows().values().stream().mapToLong(Long::longValue).sum();
        long inputBytes;
        try (Stream<Path> files = Files.list(mimic)) {
            inputBytes = files.mapToLong(f -> f.toFile().length()).sum();
        }

        progress.println("baseline: read every file with Spark CSV and write it as Parquet ...");
        double baselineSeconds;
        long baselineHeap;
        try (HeapSampler heap = new HeapSampler()) {
            long start = System.nanoTime();
            try (Stream<Path> files = Files.list(mimic)) {
                for (Path file : files.sorted().toList()) {
                    Dataset<Row> rows = spark.read().option("header", "true").option("multiLine", "true")
                            .option("escape", "\"").csv(file.toString());
                    rows.write().mode(SaveMode.Overwrite).parquet(work.resolve("baseline")
                            .resolve(file.getFileName().toString().replace(".csv", "")).toString());
                }
            }
            baselineSeconds = (System.nanoTime() - start) / 1e9;
            baselineHeap = heap.peakBytes();
        }

        progress.println("conversion: strata omop (raw, clean, OMOP tables, staging, reports) ...");
        Lake lake = new Lake(work.resolve("lake").toString(), spark.sparkContext().hadoopConfiguration());
        PipelineSpec bench = spec.withVariables(Map.of("mimic", mimic.toString()));
        RunLog log = new RunLog("bench", "bench omop", spec.name(), spec.origin(), lake.root(), Clock.systemUTC(),
                progress);
        List<StageResult> stages;
        double seconds;
        long heapPeak;
        StepProfile profile = StepProfile.start(spark);
        try (HeapSampler heap = new HeapSampler()) {
            long start = System.nanoTime();
            stages = new Pipelines(spark, lake, new LocalTableCatalog(lake.root(), lake.conf()),
                    new SqlRoot(Optional.empty(), lake), Clock.systemUTC())
                    .run(bench, List.of(Stage.INGEST, Stage.CLEAN, Stage.CURATE), log);
            seconds = (System.nanoTime() - start) / 1e9;
            heapPeak = heap.peakBytes();
        } finally {
            profile.close();
        }

        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "bench omop: %,d patients, %,d MIMIC rows, %.1f MB of CSV, %d cores, max heap %d MB%n",
                patients, inputRows, inputBytes / 1e6, cores, Runtime.getRuntime().maxMemory() >> 20);
        String format = "%-8s %-36s %12s %9s%n";
        out.printf(Locale.ROOT, format, "stage", "table", "rows", "seconds");
        for (StageResult s : stages) {
            if (s.stage().equals("ingest") || s.target().startsWith("work.")) {
                continue;
            }
            out.printf(Locale.ROOT, format, s.stage(), s.target(), String.format(Locale.ROOT, "%,d", s.written()),
                    String.format(Locale.ROOT, "%.1f", s.seconds()));
        }
        for (String kind : List.of("ingest", "clean", "curate")) {
            double sum = stages.stream().filter(s -> s.stage().equals(kind)).mapToDouble(StageResult::seconds).sum();
            out.printf(Locale.ROOT, "sum of %s step times: %.1f s (steps run up to %s at a time)%n", kind, sum,
                    spark.conf().get("spark.strata.parallelSteps", "4"));
        }
        out.printf(Locale.ROOT, "baseline (Spark CSV -> Parquet, no transformation): %.1f s, %,.0f rows/s, peak heap %d MB%n",
                baselineSeconds, inputRows / baselineSeconds, baselineHeap >> 20);
        out.printf(Locale.ROOT, "conversion total: %.1f s, %,.0f input rows/s, peak heap %d MB, %.2fx the baseline%n",
                seconds, inputRows / seconds, heapPeak >> 20, seconds / baselineSeconds);
        out.printf(Locale.ROOT, "target: 10,000 patients in under 180 s on 2 cores%n");
        profile.print(out);
    }
}
