package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

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
 * candidate pairs scored by a Fellegi–Sunter model estimated by EM, and connected components over both.
 * Records need a {@code long} {@code record_id} and the standardised columns the plan names; a cluster's
 * id is the smallest record id in it.
 */
public final class IdentityResolver {

    /** What one field contributes to a pair's comparison. */
    public enum Kind { EXACT, JARO_WINKLER, LEVENSHTEIN, PHONETIC, DATE }

    public record Comparison(String field, Kind kind) {

        public Comparison {
            Objects.requireNonNull(field, "field is null");
            Objects.requireNonNull(kind, "kind is null");
        }

        int levels() {
            return switch (kind) {
                case EXACT -> 2;
                case PHONETIC -> 3;
                case JARO_WINKLER, LEVENSHTEIN, DATE -> 4;
            };
        }
    }

    /**
     * The plan, as a spec declares it. {@code guarded} columns (emails, phones, cards...) lose every value
     * that more than {@code maxIdentifierRecords} records share: test addresses and dummy numbers are
     * treated as missing in links, blocks and comparisons, and reported.
     */
    public record Plan(List<String> guarded, List<String> deterministicKeys, long maxIdentifierRecords, List<List<String>> blockingRules,
            long maxBlockSize, List<Comparison> comparisons, double threshold) {

        public Plan {
            guarded = List.copyOf(guarded);
            deterministicKeys = List.copyOf(deterministicKeys);
            blockingRules = blockingRules.stream().map(List::copyOf).toList();
            comparisons = List.copyOf(comparisons);
            if (!(threshold > 0 && threshold < 1)) {
                throw new IllegalArgumentException("threshold must be a probability between 0 and 1, cannot be: "
                        + threshold);
            }
        }
    }

    /** Clusters, the scored pairs with their per-field weights, the model and the junk identifiers found. */
    public record Result(Dataset<Row> clusters, Dataset<Row> scoredPairs, MatchModel model, Dataset<Row> junk,
            int componentRounds) {
    }

    private static final String NEW = "strata_is_new";

    private final SparkSession spark;
    private final Plan plan;
    private final ComparisonLevels levels;

    public IdentityResolver(SparkSession spark, Plan plan) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.plan = Objects.requireNonNull(plan, "plan is null");
        this.levels = new ComparisonLevels(spark);
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
        List<Dataset<Row>> edges = new ArrayList<>();
        List<Dataset<Row>> junk = new ArrayList<>();
        Dataset<Row> records = input;
        for (String column : plan.guarded()) {
            Dataset<Row> shared = records.where(col(column).isNotNull()).groupBy(col(column))
                    .agg(count(lit(1)).as("records")).where(col("records").gt(plan.maxIdentifierRecords()))
                    .localCheckpoint(true);
            junk.add(shared.select(lit(column).as("identifier"), col(column).cast("string").as("value"),
                    col("records")));
            Dataset<Row> marked = shared.select(col(column).as("junk_value"), lit(true).as("junk_flag"));
            records = records.join(org.apache.spark.sql.functions.broadcast(marked),
                    records.col(column).equalTo(marked.col("junk_value")), "left")
                    .withColumn(column, org.apache.spark.sql.functions.when(col("junk_flag"), lit(null)
                            .cast(records.schema().apply(column).dataType())).otherwise(col(column)))
                    .drop("junk_value", "junk_flag");
        }
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
        records = records.localCheckpoint(true);
        for (String key : plan.deterministicKeys()) {
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

        Dataset<Row> candidates = new CandidatePairs(plan.blockingRules(), plan.maxBlockSize()).pairs(records, newFlag);
        Dataset<Row> compared = compare(candidates, records).localCheckpoint(true);
        MatchModel model;
        if (prior.isPresent() && prior.get().model().isPresent()) {
            model = prior.get().model().get();
        } else {
            model = estimate(records, compared);
        }
        Dataset<Row> scored = model.score(compared);
        edges.add(scored.where(col("match_probability").geq(plan.threshold()))
                .select(col("id_l").as("src"), col("id_r").as("dst")));

        Dataset<Row> allEdges = edges.stream().reduce(Dataset::union).orElseThrow();
        ConnectedComponents.Result components = new ConnectedComponents().apply(allEdges);
        Dataset<Row> linked = components.components();
        Dataset<Row> clusters = records.select(col("record_id"))
                .join(linked, records.col("record_id").equalTo(linked.col("node")), "left")
                .select(col("record_id"), coalesce(col("component"), col("record_id")).as("cluster_id"));
        Dataset<Row> junkValues = junk.stream().reduce(Dataset::union).orElse(spark.emptyDataFrame());
        return new Result(clusters, scored, model, junkValues, components.rounds());
    }

    /**
     * The comparison levels of pairs ({@code id_l, id_r} and any other columns) of records: one integer
     * column per comparison, named {@link #levelColumn}, in the plan's order.
     */
    public Dataset<Row> compare(Dataset<Row> pairs, Dataset<Row> records) {
        List<String> fields = plan.comparisons().stream().map(Comparison::field).distinct().toList();
        Dataset<Row> left = records.select(prefixed(fields, "l_", "id_l"));
        Dataset<Row> right = records.select(prefixed(fields, "r_", "id_r"));
        Dataset<Row> compared = pairs.join(left, "id_l").join(right, "id_r");
        List<String> kept = new ArrayList<>();
        for (String column : pairs.columns()) {
            if (!column.equals("id_l") && !column.equals("id_r")) {
                kept.add(column);
            }
        }
        for (Comparison c : plan.comparisons()) {
            compared = compared.withColumn(levelColumn(c), level(c, col("l_" + c.field()), col("r_" + c.field())));
            kept.add(levelColumn(c));
        }
        return compared.select(concat(col("id_l"), col("id_r"), kept));
    }

    /** The name of a comparison's level column: {@code <field>_<kind>}. */
    public static String levelColumn(Comparison c) {
        return c.field() + "_" + c.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    private MatchModel estimate(Dataset<Row> records, Dataset<Row> compared) {
        List<String> fields = plan.comparisons().stream().map(Comparison::field).distinct().toList();
        List<String> levelColumns = plan.comparisons().stream().map(IdentityResolver::levelColumn).toList();
        int[] levelCounts = plan.comparisons().stream().mapToInt(Comparison::levels).toArray();
        ExpectationMaximisation em = new ExpectationMaximisation(levelColumns, levelCounts, 200, 1e-6);
        // u starts from random pairs, which are almost all non-matches; EM then refines m, u and the
        // match share over the candidates (holding u fixed lets "same block" pass for "same person")
        double[][] u = em.uFromRandomPairs(em.patterns(randomPairs(records, fields, levelColumns)));
        MatchModel neutral = em.neutralStart(0.1);
        MatchModel start = new MatchModel(neutral.fields(), neutral.lambda(), neutral.m(), u, 0);
        return em.fit(em.patterns(compared), start, Optional.empty());
    }

    /** About 200,000 pairs of records drawn at random (with a fixed seed), with their comparison levels. */
    private Dataset<Row> randomPairs(Dataset<Row> records, List<String> fields, List<String> levelColumns) {
        long n = Math.max(1, records.count());
        double fraction = Math.min(1.0, 500.0 / n);
        Dataset<Row> left = records.sample(false, fraction, 11).select(prefixed(fields, "l_", "id_l"));
        Dataset<Row> right = records.sample(false, fraction, 13).select(prefixed(fields, "r_", "id_r"));
        Dataset<Row> pairs = left.crossJoin(right).where(col("id_l").notEqual(col("id_r")));
        for (int i = 0; i < plan.comparisons().size(); i++) {
            Comparison c = plan.comparisons().get(i);
            pairs = pairs.withColumn(levelColumns.get(i), level(c, col("l_" + c.field()), col("r_" + c.field())));
        }
        return pairs.select(levelColumns.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    }

    private Column level(Comparison c, Column l, Column r) {
        return switch (c.kind()) {
            case EXACT -> levels.exact(l, r);
            case JARO_WINKLER -> levels.jaroWinkler(l, r, 0.92, 0.80);
            case LEVENSHTEIN -> levels.levenshteinBands(l, r, 1, 3);
            case PHONETIC -> levels.phonetic(l, r);
            case DATE -> levels.date(l, r);
        };
    }

    private static Column[] concat(Column a, Column b, List<String> more) {
        List<Column> out = new ArrayList<>(List.of(a, b));
        more.forEach(m -> out.add(col(m)));
        return out.toArray(Column[]::new);
    }

    private static Column[] prefixed(List<String> fields, String prefix, String id) {
        List<Column> out = new ArrayList<>();
        out.add(col("record_id").as(id));
        fields.forEach(f -> out.add(col(f).as(prefix + f)));
        return out.toArray(Column[]::new);
    }
}
