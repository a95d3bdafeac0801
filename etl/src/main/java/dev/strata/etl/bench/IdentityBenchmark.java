package dev.strata.etl.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.xxhash64;

import dev.strata.etl.generate.cdp.CustomerGenerator;
import dev.strata.transforms.identity.IdentityResolver;
import dev.strata.transforms.identity.IdentityResolver.Comparison;
import dev.strata.transforms.identity.IdentityResolver.Kind;
import dev.strata.transforms.identity.LinkageEvaluation;
import dev.strata.transforms.identity.Standardisation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code strata bench identity}: synthetic CDP sources for N people, standardised, linked (deterministic on
 * the card fingerprint, probabilistic on names, birth date, email, phone and address) and clustered, then
 * scored against the generator's ground truth. Prints the time of each phase, pairs compared, peak heap
 * and pairwise and B-cubed precision, recall and F1; the baseline is reading the four files with Spark.
 */
public final class IdentityBenchmark {

    private final SparkSession spark;
    private final PrintStream out;
    private final PrintStream progress;

    public IdentityBenchmark(SparkSession spark, PrintStream out, PrintStream progress) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.out = Objects.requireNonNull(out, "out is null");
        this.progress = Objects.requireNonNull(progress, "progress is null");
    }

    /** The plan the benchmark links with. */
    static IdentityResolver.Plan plan() {
        return new IdentityResolver.Plan(List.of("email", "phone", "card"), List.of("card"), 20,
                List.of(List.of("email"), List.of("phone"), List.of("family", "postcode"), List.of("given", "dob"),
                        List.of("family", "dob")), 2000,
                List.of(new Comparison("given", Kind.JARO_WINKLER), new Comparison("family", Kind.JARO_WINKLER),
                        new Comparison("dob", Kind.DATE), new Comparison("email", Kind.EXACT),
                        new Comparison("phone", Kind.EXACT), new Comparison("postcode", Kind.EXACT),
                        new Comparison("street", Kind.LEVENSHTEIN)), 0.95);
    }

    public void run(Path work, int people, long seed) throws IOException {
        Path sources = work.resolve("cdp");
        progress.printf(Locale.ROOT, "generating CDP sources for %,d people ...%n", people);
        new CustomerGenerator(seed).write(sources, people);
        try (HeapSampler heap = new HeapSampler()) {
            long start = System.nanoTime();
            Dataset<Row> raw = read(sources).localCheckpoint(true);
            long records = raw.count();
            double readSeconds = seconds(start);

            long phase = System.nanoTime();
            Standardisation standard = new Standardisation(spark);
            Dataset<Row> standardised = standard.formalGivenName(raw, "first_name", "given")
                    .withColumn("family", standard.name(col("last_name")))
                    .withColumn("email", standard.email(col("email_raw")))
                    .withColumn("phone", standard.phone(col("phone_raw")))
                    .withColumn("street", standard.address(col("street_raw")))
                    .withColumn("postcode", org.apache.spark.sql.functions.substring(col("postcode_raw"), 1, 5))
                    .withColumn("dob", to_date(col("dob_raw")))
                    .localCheckpoint(true);
            standardised.count();
            double standardiseSeconds = seconds(phase);

            phase = System.nanoTime();
            IdentityResolver.Result result = new IdentityResolver(spark, plan()).resolve(standardised);
            Dataset<Row> clusters = result.clusters().localCheckpoint(true);
            long clusterCount = clusters.select("cluster_id").distinct().count();
            long pairs = result.scoredPairs().count();
            double resolveSeconds = seconds(phase);

            phase = System.nanoTime();
            LinkageEvaluation.Scores scores = new LinkageEvaluation().score(clusters.join(standardised, "record_id")
                    .select(col("cluster_id").as("cluster"), col("person_id").as("truth")));
            double evaluateSeconds = seconds(phase);

            out.printf(Locale.ROOT, "bench identity: %,d people, %,d records in 4 sources, %d cores%n", people,
                    records, Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "read (baseline: Spark CSV of the four files)  %8.1f s%n", readSeconds);
            out.printf(Locale.ROOT, "standardise                                   %8.1f s%n", standardiseSeconds);
            out.printf(Locale.ROOT, "block, score, EM, cluster                     %8.1f s  (%,d pairs compared, "
                    + "%d component rounds, %,d clusters)%n", resolveSeconds, pairs, result.componentRounds(),
                    clusterCount);
            out.printf(Locale.ROOT, "evaluate                                      %8.1f s%n", evaluateSeconds);
            out.printf(Locale.ROOT, "total %.1f s, peak heap %d MB%n", seconds(start), heap.peakBytes() >> 20);
            out.println(scores);
            out.println("junk identifiers left out: " + result.junk().count());
            out.println("model: " + result.model().describe());
        }
    }

    private Dataset<Row> read(Path sources) {
        Dataset<Row> crm = csv(sources, "crm.csv").select(id("crm", "crm_id"), col("first_name"), col("last_name"),
                col("email").as("email_raw"), col("phone").as("phone_raw"), col("street").as("street_raw"),
                col("postcode").as("postcode_raw"), col("date_of_birth").as("dob_raw"), lit(null).cast("string").as("card"),
                col("person_id"));
        Dataset<Row> web = csv(sources, "web.csv").select(id("web", "web_user_id"), col("first_name"),
                col("last_name"), col("email").as("email_raw"), col("phone").as("phone_raw"),
                lit(null).cast("string").as("street_raw"), lit(null).cast("string").as("postcode_raw"),
                lit(null).cast("string").as("dob_raw"), lit(null).cast("string").as("card"), col("person_id"));
        Dataset<Row> orders = csv(sources, "transactions.csv").select(id("transactions", "order_id"),
                col("first_name"), col("last_name"), col("email").as("email_raw"), lit(null).cast("string").as("phone_raw"),
                col("billing_street").as("street_raw"), col("billing_postcode").as("postcode_raw"),
                lit(null).cast("string").as("dob_raw"), col("customer_ref").as("card"), col("person_id"));
        Dataset<Row> loyalty = csv(sources, "loyalty.csv").select(id("loyalty", "loyalty_id"), col("first_name"),
                col("last_name"), col("email").as("email_raw"), col("phone").as("phone_raw"),
                col("street").as("street_raw"), col("postcode").as("postcode_raw"), col("date_of_birth").as("dob_raw"),
                lit(null).cast("string").as("card"), col("person_id"));
        return crm.union(web).union(orders).union(loyalty);
    }

    private Dataset<Row> csv(Path dir, String file) {
        return spark.read().option("header", "true").option("inferSchema", "false").csv(dir.resolve(file).toString());
    }

    private static Column id(String source, String column) {
        return xxhash64(lit(source), col(column)).bitwiseAND(lit(Long.MAX_VALUE)).as("record_id");
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
