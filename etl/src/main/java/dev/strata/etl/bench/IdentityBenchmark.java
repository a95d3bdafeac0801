package dev.strata.etl.bench;

import dev.strata.etl.engine.StepProfile;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.strata.samples.cdp.CustomerGenerator;
import dev.strata.etl.identity.IdentityPlan;
import dev.strata.etl.identity.IdentityRecords;
import dev.strata.etl.identity.ProfileBuilder;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.spec.IdentitySpec;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.transforms.identity.IdentityResolver;
import dev.strata.transforms.identity.LinkageEvaluation;
import dev.strata.transforms.identity.StableIds;
import dev.strata.transforms.spark.Checkpoints;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * {@code strata bench identity}: synthetic CDP sources for N people, resolved with the identity section of the
 * bundled {@code cdp} pipeline (the same standardisation, plan, stable ids and profile as {@code strata
 * identity run}, without the raw and clean zones), then scored against the generator's ground truth. Prints
 * the seconds of each phase, pairs compared, peak heap and pairwise and B-cubed precision, recall and F1;
 * the baseline is reading the four files with Spark.
 */
public final class IdentityBenchmark {

    private static final List<String> FILES = List.of("crm", "web", "transactions", "loyalty");

    private final SparkSession spark;
    private final IdentitySpec identity;
    private final PrintStream out;
    private final PrintStream progress;

    public IdentityBenchmark(SparkSession spark, PipelineSpec cdp, PrintStream out, PrintStream progress) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.identity = Objects.requireNonNull(cdp, "cdp is null").identity().orElseThrow(() ->
                new IllegalArgumentException("pipeline " + cdp.name() + " has no identity: section"));
        this.out = Objects.requireNonNull(out, "out is null");
        this.progress = Objects.requireNonNull(progress, "progress is null");
    }

    public void run(Path work, int people, long seed) throws IOException {
        Path sources = work.resolve("cdp");
        progress.printf(Locale.ROOT, "generating CDP sources for %,d people ...%n", people);
        new CustomerGenerator(seed).write(sources, people);
        try (HeapSampler heap = new HeapSampler(); StepProfile profile = StepProfile.start(spark)) {
            Map<String, Double> phases = new LinkedHashMap<>();
            long start = System.nanoTime();
            Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
            long records = 0;
            for (String file : FILES) {
                Dataset<Row> table = spark.read().option("header", "true").option("inferSchema", "false")
                        .option("escape", "\"").csv(sources.resolve(file + ".csv").toString()).transform(Checkpoints.CUT);
                records += table.count();
                tables.put(file, table);
            }
            long phase = lap(phases, "read (baseline: Spark CSV of the four files)", start);

            Dataset<Row> standardised = new IdentityRecords(spark, new Lake(work.resolve("lake").toString(),
                    spark.sparkContext().hadoopConfiguration())).fromTables(tables, identity).transform(Checkpoints.CUT);
            standardised.count();
            phase = lap(phases, "standardise", phase);

            IdentityPlan plan = IdentityPlan.of(identity);
            IdentityResolver.Result result = new IdentityResolver(spark, plan.resolverPlan())
                    .resolve(plan.withRuleColumns(standardised));
            result.phaseSeconds().forEach(phases::put);
            phase = System.nanoTime();
            StableIds.Assignment ids = new StableIds(spark).assign(result.clusters(), spark.createDataFrame(List.of(),
                    new StructType().add("record_id", "long").add("customer_id", "long")), 1);
            Dataset<Row> xref = ids.xref().transform(Checkpoints.CUT);
            long customers = xref.select("customer_id").distinct().count();
            phase = lap(phases, "stable ids", phase);

            Lake scratch = new Lake(work.resolve("lake").toString(), spark.sparkContext().hadoopConfiguration());
            long profiles = new ProfileBuilder(spark, scratch, "bench-salt").build(identity, standardised, xref,
                    identity.orders().map(o -> tables.get(o.source()))).count();
            phase = lap(phases, "profile", phase);
            double total = (System.nanoTime() - start) / 1e9;

            LinkageEvaluation.Scores scores = new LinkageEvaluation().score(xref.join(truth(tables), "record_id")
                    .select(col("customer_id").as("cluster"), col("person_id").as("truth")));
            long pairs = result.scoredPairs().count();

            out.printf(Locale.ROOT, "bench identity: %,d people, %,d records in 4 sources, %d cores%n", people,
                    records, Runtime.getRuntime().availableProcessors());
            phases.forEach((name, seconds) -> out.printf(Locale.ROOT, "  %-46s %8.1f s%n", name, seconds));
            out.printf(Locale.ROOT, "total %.1f s (read to profile), peak heap %d MB%n", total, heap.peakBytes() >> 20);
            out.printf(Locale.ROOT, "%,d pairs compared, %d component rounds, %,d customers, %,d profiles%n", pairs,
                    result.componentRounds(), customers, profiles);
            out.println(scores);
            out.println("junk identifiers left out: " + result.junk().count());
            out.println("model: " + result.model().describe());
            profile.print(out);
        }
    }

    /** The generator's ground truth: every record's person_id, under the record ids the identity stage uses. */
    private Dataset<Row> truth(Map<String, Dataset<Row>> tables) {
        Dataset<Row> all = null;
        for (IdentitySpec.RecordSource source : identity.records()) {
            Dataset<Row> table = tables.get(source.source());
            Dataset<Row> part = table.select(IdentityRecords.recordId(lit(source.source()), col(source.key()))
                    .as("record_id"), col("person_id"));
            all = all == null ? part : all.union(part);
        }
        return all;
    }

    private static long lap(Map<String, Double> phases, String name, long since) {
        long now = System.nanoTime();
        phases.put(name, (now - since) / 1e9);
        return now;
    }
}
