package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import dev.strata.transforms.spark.Checkpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Links records into clusters: deterministic links on strong identifiers (values shared by more than
 * {@code maxIdentifierRecords} records are junk and link nothing), probabilistic links from blocked
 * candidate pairs scored by a Fellegi–Sunter model estimated by EM, and connected components over both;
 * with conflict fields (or linkage), components holding records known to be different people are split
 * by {@link ConstrainedClustering}.
 * Records need a {@code long} {@code record_id} and the standardised columns the plan names; a cluster's
 * id is the smallest record id in it.
 */
public final class IdentityResolver {

    /** What one field contributes to a pair's comparison. */
    public enum Kind {
        EXACT, JARO_WINKLER, LEVENSHTEIN, PHONETIC, DATE,
        /** Person names: exact, nickname or close (Jaro–Winkler 0.92), similar (0.80), different; see {@link ComparisonLevels#name}. */
        NAME
    }

    /**
     * One field's comparison.
     *
     * @param crossField for {@link Kind#NAME}, the other name field of the same records (given for family,
     *     family for given): records whose two names were swapped compare crosswise; null for none
     */
    public record Comparison(String field, Kind kind, String crossField) {

        public Comparison {
            Objects.requireNonNull(field, "field is null");
            Objects.requireNonNull(kind, "kind is null");
            if (crossField != null && kind != Kind.NAME) {
                throw new IllegalArgumentException("only a NAME comparison compares crosswise, " + field + " is "
                        + kind);
            }
        }

        public Comparison(String field, Kind kind) {
            this(field, kind, null);
        }

        int levels() {
            return switch (kind) {
                case EXACT -> 2;
                case PHONETIC -> 3;
                case JARO_WINKLER, LEVENSHTEIN, DATE, NAME -> 4;
            };
        }

        /** The record fields the comparison reads. */
        List<String> reads() {
            return crossField == null ? List.of(field) : List.of(field, crossField);
        }
    }

    /**
     * Clusters, the scored pairs with their per-field weights, the model, the junk identifiers found, and the
     * seconds of each phase (junk guard, block and compare, EM, score, cluster) in the order they ran.
     */
    public record Result(Dataset<Row> clusters, Dataset<Row> scoredPairs, MatchModel model, Dataset<Row> junk,
            int componentRounds, java.util.Map<String, Double> phaseSeconds) {

        public Result {
            phaseSeconds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phaseSeconds));
        }
    }

    private static final String NEW = "strata_is_new";

    private final SparkSession spark;
    private final ResolutionPlan plan;
    private final ComparisonLevels levels;
    private final PairComparison comparison;

    public IdentityResolver(SparkSession spark, ResolutionPlan plan) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.plan = Objects.requireNonNull(plan, "plan is null");
        this.levels = new ComparisonLevels();
        this.comparison = new PairComparison(plan, levels);
    }

    /**
     * What an incremental run knows from the runs before it: the clusters of the records already resolved
     * ({@code record_id, cluster_id}; any id scheme) and, when there is one, the model they were scored with
     * (reused as is, so scores do not drift with the size of a batch).
     */
    public record Prior(Dataset<Row> clusters, Optional<MatchModel> model) {

        public Prior {
            Objects.requireNonNull(clusters, "clusters is null");
            Objects.requireNonNull(model, "model is null");
        }
    }

    /** Resolves every record against every other (a full run). */
    public Result resolve(Dataset<Row> input) {
        return resolve(input, Optional.empty());
    }

    /**
     * Resolves records. With a prior, only pairs with at least one record that is not in its clusters are
     * compared, and the prior clusters stay linked (a new record can join or merge them, never split them).
     */
    public Result resolve(Dataset<Row> input, Optional<Prior> prior) {
        java.util.Map<String, Double> phases = new java.util.LinkedHashMap<>();
        long phase = System.nanoTime();
        List<Dataset<Row>> edges = new ArrayList<>();
        JunkGuard.Guarded guarded = new JunkGuard(plan).apply(input);
        // names read from emails once junk addresses are gone
        Dataset<Row> records = prepared(guarded.records(), guarded.records());
        Optional<String> newFlag = Optional.empty();
        if (prior.isPresent()) {
            Dataset<Row> known = prior.get().clusters().select(col("record_id").as("known_id"), lit(false).as(NEW));
            records = records.join(known, records.col("record_id").equalTo(known.col("known_id")), "left")
                    .withColumn(NEW, coalesce(col(NEW), lit(true))).drop("known_id");
            newFlag = Optional.of(NEW);
            // the prior clusters as stars: every known record to the smallest record of its cluster
            Dataset<Row> hubs = prior.get().clusters().groupBy(col("cluster_id")).agg(min(col("record_id")).as("hub"));
            edges.add(prior.get().clusters().join(hubs, "cluster_id").select(col("record_id").as("src"),
                    col("hub").as("dst")));
        }
        records = records.transform(Checkpoints.CUT);
        phase = lap(phases, "junk guard", phase);
        for (String key : plan.deterministic()) {
            Dataset<Row> keyed = records.where(col(key).isNotNull());
            if (newFlag.isPresent()) {
                // only values a new record holds: the others linked their records in an earlier run
                Dataset<Row> touched = keyed.where(col(NEW)).select(col(key)).distinct();
                keyed = keyed.join(touched, key);
            }
            Dataset<Row> hubs = keyed.groupBy(col(key)).agg(min(col("record_id")).as("hub"));
            // a star per identifier value: k - 1 edges to its smallest record, never k squared
            edges.add(keyed.join(hubs, key).select(col("record_id").as("src"), col("hub").as("dst")));
        }

        Dataset<Row> candidates = new CandidatePairs(plan.blocking(), plan.maxBlockSize(),
                plan.linkAcross().orElse(null)).pairs(records, newFlag);
        Dataset<Row> compared = comparison.levels(candidates, records, plan.comparisons()).transform(Checkpoints.CUT);
        phase = lap(phases, "block and compare", phase);
        MatchModel model;
        if (prior.isPresent() && prior.get().model().isPresent()) {
            model = prior.get().model().get();
        } else {
            model = new ModelTraining(plan, comparison).estimate(records, compared);
        }
        phase = lap(phases, "EM", phase);
        Dataset<Row> scored = model.score(compared);
        Clustering clustering = new Clustering(plan, comparison);
        Column conflict = clustering.conflict();
        edges.replaceAll(e -> e.withColumn("strength", lit(ConstrainedClustering.MUST)));
        edges.add(scored.where(col("match_probability").geq(plan.threshold()).and(org.apache.spark.sql.functions.not(conflict)))
                .select(col("id_l").as("src"), col("id_r").as("dst"), col("match_weight").as("strength")));

        Dataset<Row> allEdges = edges.stream().reduce(Dataset::union).orElseThrow().transform(Checkpoints.CUT);
        phase = lap(phases, "score", phase);
        Clustering.Clusters clusters = clustering.apply(records, allEdges, scored);
        lap(phases, "cluster", phase);
        Dataset<Row> junkValues = guarded.junk().stream().reduce(Dataset::union).orElse(spark.emptyDataFrame());
        return new Result(clusters.clusters(), scored, model, junkValues, clusters.componentRounds(), phases);
    }

    private static long lap(java.util.Map<String, Double> phases, String name, long since) {
        long now = System.nanoTime();
        phases.put(name, (now - since) / 1e9);
        return now;
    }

    /**
     * The comparison levels of pairs ({@code id_l, id_r} and any other columns) of records: one integer
     * column per comparison, named {@link #levelColumn}, in the plan's order; the records are read as
     * {@link #resolve} reads them (names from emails, if the plan says so).
     */
    public Dataset<Row> compare(Dataset<Row> pairs, Dataset<Row> records) {
        return compare(pairs, records, records);
    }

    /**
     * As {@link #compare(Dataset, Dataset)}, with the names of {@code population} (all the records of a run)
     * known when a record's blank name is read from its email, as the run knows them.
     */
    public Dataset<Row> compare(Dataset<Row> pairs, Dataset<Row> records, Dataset<Row> population) {
        return comparison.levels(pairs, prepared(records, population), plan.comparisons());
    }

    /** The records with blank name parts read from emails, when the plan says so (see {@link EmailNameFill}). */
    private Dataset<Row> prepared(Dataset<Row> records, Dataset<Row> population) {
        return plan.namesFromEmail().map(names -> new EmailNameFill(names, levels).apply(records, population))
                .orElse(records);
    }

    /** The name of a comparison's level column: {@code <field>_<kind>}. */
    public static String levelColumn(Comparison c) {
        return c.field() + "_" + c.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
}
