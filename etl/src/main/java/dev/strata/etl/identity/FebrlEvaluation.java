package dev.strata.etl.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import dev.strata.etl.spec.SpecLoader;
import dev.strata.transforms.identity.IdentityResolver;
import dev.strata.transforms.identity.LinkageEvaluation;
import dev.strata.transforms.identity.ResolutionPlan;
import dev.strata.transforms.identity.Standardisation;
import dev.strata.transforms.spark.Checkpoints;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Measures the identity resolver on files in the FEBRL record-linkage format (the format of the FEBRL3
 * deduplication and FEBRL4 linkage data sets): a header
 * {@code rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state,
 * date_of_birth, soc_sec_id}, values separated by a comma and a space, blanks allowed. A record's entity is
 * the {@code rec-<n>} part of its id ({@code rec-12-org}, {@code rec-12-dup-0}). One file is deduplicated;
 * two files are linked: only pairs across the two files are compared, and two records of one file never
 * share a cluster.
 */
public final class FebrlEvaluation {

    /** The header a FEBRL file starts with. */
    public static final String HEADER = "rec_id, given_name, surname, street_number, address_1, address_2, suburb, "
            + "postcode, state, date_of_birth, soc_sec_id";

    /** The outcome: deduplication or linkage, records read, pairs compared, scores and the seconds it took. */
    public record Result(String mode, long records, long pairsCompared, LinkageEvaluation.Scores scores,
            double seconds) {
    }

    private final SparkSession spark;

    public FebrlEvaluation(SparkSession spark) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
    }

    /** The bundled identity plan for FEBRL records, a YAML spec like any user's. */
    public static final String PLAN = "identity/febrl.yaml";

    /**
     * The plan for FEBRL records, read from {@link #PLAN}: blocking on the social security id, on the names, and
     * on names or birth date with postcode; names compared crosswise (swapped given name and surname) with
     * nicknames, the birth date tolerating a day-month swap or one part changed, the id and the street by edit
     * distance; m estimated on the id and name blocks, name agreement weighed by how common the name is.
     *
     * @param linkage whether two files are linked (the {@code source} column tells them apart)
     */
    public static ResolutionPlan plan(boolean linkage) {
        ResolutionPlan plan = IdentityPlan.of(new SpecLoader().loadIdentityPlan(PLAN)).resolverPlan();
        return linkage ? plan.linkingAcross("source") : plan;
    }

    /**
     * Reads, standardises, resolves and scores one file (deduplication) or two (linkage).
     *
     * @throws IllegalArgumentException when there are not one or two files, or a file does not start with
     *     {@link #HEADER}
     */
    public Result evaluate(List<Path> files) {
        Objects.requireNonNull(files, "files is null");
        if (files.isEmpty() || files.size() > 2) {
            throw new IllegalArgumentException("give one FEBRL file to deduplicate or two to link, cannot be: "
                    + files.size() + " files");
        }
        files.forEach(FebrlEvaluation::checkHeader);
        long start = System.nanoTime();
        boolean linkage = files.size() == 2;
        Dataset<Row> raw = null;
        for (int i = 0; i < files.size(); i++) {
            Dataset<Row> one = read(files.get(i)).withColumn("source", lit(i));
            raw = raw == null ? one : raw.union(one);
        }
        Dataset<Row> records = standardise(raw).transform(Checkpoints.CUT);
        long count = records.count();
        IdentityResolver.Result result = new IdentityResolver(spark, plan(linkage)).resolve(records);
        Dataset<Row> clusters = result.clusters().transform(Checkpoints.CUT);
        long pairs = result.scoredPairs().count();
        LinkageEvaluation.Scores scores = new LinkageEvaluation().score(clusters.join(records, "record_id")
                .select(col("cluster_id").as("cluster"), col("entity").as("truth")));
        return new Result(linkage ? "linkage" : "deduplication", count, pairs, scores,
                (System.nanoTime() - start) / 1e9);
    }

    /** FEBRL rows standardised: record_id, entity, source, given, family, street, suburb, postcode, dob, soc_sec_id. */
    Dataset<Row> standardise(Dataset<Row> raw) {
        Standardisation standard = new Standardisation(spark);
        return standard.formalGivenName(raw, "given_name", "given")
                .withColumn("family", standard.name(col("surname")))
                .withColumn("street", standard.address(concat_ws(" ", col("street_number"), col("address_1"))))
                .withColumn("suburb", standard.name(col("suburb")))
                .withColumn("postcode", standard.postcode(col("postcode")))
                .withColumn("dob", date(col("date_of_birth")))
                .withColumn("soc_sec_id", standard.postcode(col("soc_sec_id")))
                .select(col("record_id"), col("entity"), col("source"), col("given"), col("family"), col("street"),
                        col("suburb"), col("postcode"), col("dob"), col("soc_sec_id"));
    }

    /** yyyyMMdd as a date; null when blank or not a day of the calendar (a changed digit can make one). */
    private static Column date(Column text) {
        Column digits = regexp_extract(text, "^(\\d{8})$", 1);
        return when(digits.equalTo(""), lit(null).cast("date")).otherwise(make_date(digits.substr(1, 4).cast("int"),
                digits.substr(5, 2).cast("int"), digits.substr(7, 2).cast("int")));
    }

    private Dataset<Row> read(Path file) {
        Dataset<Row> rows = spark.read().option("header", "true").option("inferSchema", "false")
                .option("ignoreLeadingWhiteSpace", "true").option("ignoreTrailingWhiteSpace", "true")
                .option("mode", "FAILFAST").csv(file.toString());
        return rows.select(xxhash64(lit(file.getFileName().toString()), col("rec_id")).bitwiseAND(lit(Long.MAX_VALUE))
                        .as("record_id"),
                regexp_extract(col("rec_id"), "^(rec-\\d+)", 1).as("entity"), col("given_name"), col("surname"),
                col("street_number"), col("address_1"), col("address_2"), col("suburb"), col("postcode"), col("state"),
                col("date_of_birth"), col("soc_sec_id"));
    }

    private static void checkHeader(Path file) {
        String first;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<String> got = new ArrayList<>();
        if (first != null) {
            for (String name : first.split(",", -1)) {
                got.add(name.strip());
            }
        }
        List<String> expected = List.of(HEADER.split(", "));
        if (!got.equals(expected)) {
            throw new IllegalArgumentException(file + " is not a FEBRL file: its header must be '" + HEADER
                    + "', cannot be: '" + first + "'");
        }
    }
}
