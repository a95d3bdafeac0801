package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.substring_index;

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

    public IdentityResolver(SparkSession spark, ResolutionPlan plan) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.plan = Objects.requireNonNull(plan, "plan is null");
        this.levels = new ComparisonLevels();
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
        List<Dataset<Row>> junk = new ArrayList<>();
        Dataset<Row> records = input;
        for (String column : plan.guarded()) {
            Dataset<Row> shared = records.where(col(column).isNotNull()).groupBy(col(column))
                    .agg(count(lit(1)).as("records")).where(col("records").gt(plan.maxRecordsPerIdentifier()))
                    .transform(Checkpoints.CUT);
            junk.add(shared.select(lit(column).as("identifier"), col(column).cast("string").as("value"),
                    col("records")));
            Dataset<Row> marked = shared.select(col(column).as("junk_value"), lit(true).as("junk_flag"));
            records = records.join(org.apache.spark.sql.functions.broadcast(marked),
                    records.col(column).equalTo(marked.col("junk_value")), "left")
                    .withColumn(column, org.apache.spark.sql.functions.when(col("junk_flag"), lit(null)
                            .cast(records.schema().apply(column).dataType())).otherwise(col(column)))
                    .drop("junk_value", "junk_flag");
        }
        // names read from emails once junk addresses are gone
        records = prepared(records, records);
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

        Dataset<Row> candidates = new CandidatePairs(plan.blocking(), plan.maxBlockSize(), plan.linkAcross().orElse(null))
                .pairs(records, newFlag);
        Dataset<Row> compared = levels(candidates, records, plan.comparisons()).transform(Checkpoints.CUT);
        phase = lap(phases, "block and compare", phase);
        MatchModel model;
        if (prior.isPresent() && prior.get().model().isPresent()) {
            model = prior.get().model().get();
        } else {
            model = estimate(records, compared);
        }
        phase = lap(phases, "EM", phase);
        Dataset<Row> scored = model.score(compared);
        Column conflict = conflict();
        edges.replaceAll(e -> e.withColumn("strength", lit(ConstrainedClustering.MUST)));
        edges.add(scored.where(col("match_probability").geq(plan.threshold()).and(org.apache.spark.sql.functions.not(conflict)))
                .select(col("id_l").as("src"), col("id_r").as("dst"), col("match_weight").as("strength")));

        Dataset<Row> allEdges = edges.stream().reduce(Dataset::union).orElseThrow().transform(Checkpoints.CUT);
        phase = lap(phases, "score", phase);
        ConnectedComponents.Result components = new ConnectedComponents().apply(allEdges.select("src", "dst"));
        Dataset<Row> linked = components.components();
        if (!plan.conflicts().isEmpty() || plan.linkAcross().isPresent()) {
            linked = separateConflicts(linked.transform(Checkpoints.CUT), allEdges, records, scored.where(conflict));
        }
        Dataset<Row> clusters = records.select(col("record_id"))
                .join(linked, records.col("record_id").equalTo(linked.col("node")), "left")
                .select(col("record_id"), coalesce(col("component"), col("record_id")).as("cluster_id"));
        if (plan.uniqueNames().isPresent()) {
            clusters = new UniqueNameLinks(plan.uniqueNames().get()).apply(clusters.transform(Checkpoints.CUT),
                    records);
        }
        clusters = clusters.transform(Checkpoints.CUT);
        lap(phases, "cluster", phase);
        Dataset<Row> junkValues = junk.stream().reduce(Dataset::union).orElse(spark.emptyDataFrame());
        return new Result(clusters, scored, model, junkValues, components.rounds(), phases);
    }

    /** Components above this size are split on the conflicts among their compared pairs only. */
    private static final long MAX_CHECKED_COMPONENT = 500;

    /**
     * Splits the components that hold records in conflict: every pair of records within a component (up to
     * {@link #MAX_CHECKED_COMPONENT} records; beyond, the pairs compared) is checked on the conflict fields.
     */
    private Dataset<Row> separateConflicts(Dataset<Row> components, Dataset<Row> edges, Dataset<Row> records,
            Dataset<Row> comparedConflicts) {
        Dataset<Row> sizes = components.groupBy(col("component").as("c")).agg(count(lit(1)).as("size"))
                .where(col("size").geq(3));
        Dataset<Row> members = components.join(sizes, col("component").equalTo(col("c")))
                .where(col("size").leq(MAX_CHECKED_COMPONENT)).select(col("node"), col("component"));
        Dataset<Row> within = members.select(col("node").as("id_l"), col("component"))
                .join(members.select(col("node").as("id_r"), col("component")), "component")
                .where(col("id_l").lt(col("id_r"))).select(col("id_l"), col("id_r"));
        List<Comparison> checked = plan.comparisons().stream().filter(c -> plan.conflicts().contains(c.field())).toList();
        Dataset<Row> inConflict = levels(within, records, checked).where(conflict()).select(col("id_l"), col("id_r"));
        if (plan.linkAcross().isPresent()) {
            // two records of one data set are two entities
            String source = plan.linkAcross().get();
            Dataset<Row> sources = records.select(col("record_id"), col(source).as("strata_source"));
            inConflict = within.join(sources.toDF("id_l", "s_l"), "id_l").join(sources.toDF("id_r", "s_r"), "id_r")
                    .where(col("s_l").equalTo(col("s_r"))).select(col("id_l"), col("id_r")).union(inConflict);
        }
        Dataset<Row> found = inConflict
                .union(comparedConflicts.select(col("id_l"), col("id_r"))).distinct().transform(Checkpoints.CUT);
        Dataset<Row> split = ConstrainedClustering.split(components, edges, found);
        return components.join(split, "node", "left")
                .select(col("node"), coalesce(col("cluster"), col("component")).as("component"));
    }

    /** True when a conflict field's comparison is at its lowest level (both values there and different). */
    private Column conflict() {
        Column any = lit(false);
        for (Comparison c : plan.comparisons()) {
            if (plan.conflicts().contains(c.field())) {
                any = any.or(col(levelColumn(c)).equalTo(0));
            }
        }
        return any;
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
        return levels(pairs, prepared(records, population), plan.comparisons());
    }

    /**
     * The records as the resolver matches them: with {@link ResolutionPlan#namesFromEmail}, a name part missing is
     * taken from the email when it spells the other part with it; then a record still missing a part takes
     * the full name of records of {@code population} that its email's letters spell, when they spell no
     * other: both parts in either order for a record with neither ({@code maryhill}), the initial and the
     * family name for a record with the given name ({@code mhill7}), the given name alone for a record with
     * the family name ({@code mary0465}). Idempotent: a record with both parts is left as it is.
     */
    private Dataset<Row> prepared(Dataset<Row> records, Dataset<Row> population) {
        if (plan.namesFromEmail().isEmpty()) {
            return records;
        }
        NamesFromEmail names = plan.namesFromEmail().get();
        Column given = col(names.given());
        Column family = col(names.family());
        Dataset<Row> filled = oneNameFromEmail(records, names);
        Dataset<Row> known = (population == records ? filled : oneNameFromEmail(population, names))
                .where(given.isNotNull().and(family.isNotNull()))
                .select(given.as("strata_g"), family.as("strata_f")).distinct();
        Column g = regexp_replace(col("strata_g"), "[^a-z]", "");
        Column f = regexp_replace(col("strata_f"), "[^a-z]", "");
        known = known.where(length(g).geq(2).and(length(f).geq(2)));
        // the ways an address spells a known full name, and what a record must hold for it to count
        Dataset<Row> spellings = known.select(concat(g, f).as("strata_spelled"), lit(FULL).as("strata_form"),
                        col("strata_g"), col("strata_f"))
                .union(known.select(concat(f, g), lit(FULL), col("strata_g"), col("strata_f")))
                .union(known.select(concat(substring(g, 1, 1), f), lit(INITIAL_AND_FAMILY), col("strata_g"),
                        col("strata_f")))
                .union(known.select(g, lit(GIVEN_ALONE), col("strata_g"), col("strata_f")));
        Column ownGiven = col("strata_own_g");
        Column ownFamily = col("strata_own_f");
        Column form = col("strata_form");
        Dataset<Row> read = filled.where(given.isNull().or(family.isNull()).and(col(names.email()).isNotNull()))
                .select(col("record_id"), given.as("strata_own_g"), family.as("strata_own_f"),
                        regexp_replace(substring_index(substring_index(col(names.email()), "@", 1), "+", 1),
                                "[^a-z]", "").as("strata_spelled"))
                .join(spellings, "strata_spelled")
                .where(ownGiven.isNull().or(ownGiven.equalTo(col("strata_g")))
                        .and(ownFamily.isNull().or(ownFamily.equalTo(col("strata_f"))))
                        .and(form.equalTo(FULL).and(ownGiven.isNull()).and(ownFamily.isNull())
                                .or(form.equalTo(INITIAL_AND_FAMILY).and(ownGiven.isNotNull()))
                                .or(form.equalTo(GIVEN_ALONE).and(ownFamily.isNotNull()))))
                .groupBy(col("record_id"))
                .agg(countDistinct(col("strata_g"), col("strata_f")).as("strata_names"),
                        first(col("strata_g")).as("strata_g"), first(col("strata_f")).as("strata_f"))
                .where(col("strata_names").equalTo(1)).drop("strata_names");
        Column[] columns = java.util.Arrays.stream(filled.columns()).map(c -> col(c)).toArray(Column[]::new);
        return filled.join(read, "record_id", "left")
                .withColumn(names.given(), coalesce(given, col("strata_g")))
                .withColumn(names.family(), coalesce(family, col("strata_f")))
                .select(columns);
    }

    /** Spellings of a full name in an address: both parts (either order), for a record with neither. */
    private static final String FULL = "full";
    /** The given name's initial and the family name ({@code dharris}), for a record with the given name. */
    private static final String INITIAL_AND_FAMILY = "initial";
    /** The given name alone ({@code robert0465}), for a record with the family name. */
    private static final String GIVEN_ALONE = "given";

    private Dataset<Row> oneNameFromEmail(Dataset<Row> records, NamesFromEmail names) {
        Column given = col(names.given());
        Column family = col(names.family());
        Column email = col(names.email());
        return records.withColumn("strata_given_from_email", levels.nameFromEmail(given, family, email))
                .withColumn(names.family(), levels.nameFromEmail(family, given, email))
                .withColumn(names.given(), col("strata_given_from_email")).drop("strata_given_from_email");
    }

    private Dataset<Row> levels(Dataset<Row> pairs, Dataset<Row> records, List<Comparison> comparisons) {
        List<String> fields = comparisons.stream().flatMap(c -> c.reads().stream()).distinct().toList();
        Dataset<Row> left = records.select(prefixed(fields, "l_", "id_l"));
        Dataset<Row> right = records.select(prefixed(fields, "r_", "id_r"));
        Dataset<Row> compared = pairs.join(left, "id_l").join(right, "id_r");
        List<String> kept = new ArrayList<>();
        for (String column : pairs.columns()) {
            if (!column.equals("id_l") && !column.equals("id_r")) {
                kept.add(column);
            }
        }
        for (Comparison c : comparisons) {
            compared = compared.withColumn(levelColumn(c), level(c, "l_", "r_"));
            kept.add(levelColumn(c));
        }
        for (String field : plan.frequencyAdjusted()) {
            List<Comparison> adjusted = comparisons.stream().filter(c -> c.field().equals(field)).toList();
            if (adjusted.isEmpty()) {
                continue;
            }
            Dataset<Row> frequencies = frequencies(records, field);
            compared = compared.join(frequencies, compared.col("l_" + field).equalTo(frequencies.col("tf_value")), "left");
            for (Comparison c : adjusted) {
                // the share of the value both records hold; only an exact agreement is adjusted
                compared = compared.withColumn("tf_" + levelColumn(c), org.apache.spark.sql.functions.when(
                        col("l_" + field).equalTo(col("r_" + field)), col("tf_share")));
                kept.add("tf_" + levelColumn(c));
            }
            compared = compared.drop("tf_value", "tf_share");
        }
        return compared.select(columnsOf(col("id_l"), col("id_r"), kept));
    }

    /** Per value of {@code field}, the share of the records (with a value) that hold it: tf_value, tf_share. */
    private Dataset<Row> frequencies(Dataset<Row> records, String field) {
        Dataset<Row> counts = records.where(col(field).isNotNull()).groupBy(col(field).as("tf_value"))
                .agg(count(lit(1)).as("tf_count"));
        return counts.crossJoin(counts.agg(org.apache.spark.sql.functions.sum(col("tf_count")).as("tf_total")))
                .select(col("tf_value"), col("tf_count").divide(col("tf_total")).as("tf_share"));
    }

    /** The name of a comparison's level column: {@code <field>_<kind>}. */
    public static String levelColumn(Comparison c) {
        return c.field() + "_" + c.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    private MatchModel estimate(Dataset<Row> records, Dataset<Row> compared) {
        List<String> fields = plan.comparisons().stream().flatMap(c -> c.reads().stream()).distinct().toList();
        List<String> levelColumns = plan.comparisons().stream().map(IdentityResolver::levelColumn).toList();
        int[] levelCounts = plan.comparisons().stream().mapToInt(Comparison::levels).toArray();
        ExpectationMaximisation em = new ExpectationMaximisation(levelColumns, levelCounts, 200, 1e-6);
        // u from random pairs, which are almost all non-matches; with training rules it is held fixed:
        // estimated over the candidates, u learns that the people of a block (a household) agree on their
        // shared values, and EM takes the household for the person
        long recordCount = Math.max(1, records.count());
        List<ExpectationMaximisation.Pattern> random = randomPatterns(em, records, recordCount, fields, levelColumns);
        double[][] u = em.uFromRandomPairs(random);
        MatchModel neutral = em.neutralStart(0.1);
        MatchModel start = new MatchModel(neutral.fields(), neutral.lambda(), neutral.m(), u, 0);
        List<ExpectationMaximisation.Pattern> candidates = em.patterns(compared);
        if (plan.training().isEmpty()) {
            // one EM over the candidates, u refined too from its random-pair start (the plan without
            // training rules, as before them)
            return em.fit(candidates, start, Optional.empty());
        }
        int n = plan.comparisons().size();
        double[][] m = new double[n][];
        int[] sessions = new int[n];
        int iterations = 0;
        for (List<String> rule : plan.training()) {
            java.util.Set<Integer> blocked = new java.util.HashSet<>();
            for (int f = 0; f < n; f++) {
                if (rule.contains(plan.comparisons().get(f).field())) {
                    blocked.add(f);
                }
            }
            Dataset<Row> pairs = new CandidatePairs(List.of(rule), plan.maxBlockSize(), plan.linkAcross().orElse(null)).pairs(records);
            List<ExpectationMaximisation.Pattern> patterns = ExpectationMaximisation.without(
                    em.patterns(levels(pairs, records, plan.comparisons())), blocked);
            MatchModel session = em.fit(patterns, start, Optional.of(u));
            iterations += session.iterations();
            for (int f = 0; f < n; f++) {
                if (blocked.contains(f)) {
                    continue;
                }
                if (m[f] == null) {
                    m[f] = new double[levelCounts[f]];
                }
                for (int l = 0; l < levelCounts[f]; l++) {
                    m[f][l] += session.m()[f][l];
                }
                sessions[f]++;
            }
        }
        for (int f = 0; f < n; f++) {
            if (sessions[f] == 0) {
                throw new IllegalArgumentException("no training rule estimates " + levelColumns.get(f)
                        + ": add a rule that does not block on " + plan.comparisons().get(f).field());
            }
            for (int l = 0; l < levelCounts[f]; l++) {
                m[f][l] /= sessions[f];
            }
        }
        long candidateCount = candidates.stream().mapToLong(ExpectationMaximisation.Pattern::count).sum();
        long randomCount = Math.max(1, random.stream().mapToLong(ExpectationMaximisation.Pattern::count).sum());
        double records2 = Math.max(2, recordCount);
        double allPairs = records2 * (records2 - 1) / 2;
        double[][] randomU = u;
        double prior = 0.5;
        for (int round = 0; round < 3; round++) {
            double share = em.matchShare(candidates, new MatchModel(levelColumns, 0.1, m, u, iterations));
            prior = Math.min(0.5, Math.max(1e-15, share * candidateCount / allPairs));
            // random pairs hold matches too (a share of about prior): among a few thousand records they are
            // most of the random pairs that agree on an email, so u is what is left when they are taken out
            u = withoutMatches(randomU, m, prior, 0.5 / randomCount);
        }
        return new MatchModel(levelColumns, prior, m, u, iterations);
    }

    /** u of all pairs (random pairs) made u of non-matches: (u - prior m) / (1 - prior), floored, normalised. */
    private static double[][] withoutMatches(double[][] u, double[][] m, double prior, double floor) {
        double[][] out = new double[u.length][];
        for (int f = 0; f < u.length; f++) {
            out[f] = new double[u[f].length];
            double total = 0;
            for (int l = 0; l < u[f].length; l++) {
                out[f][l] = Math.max(floor, (u[f][l] - prior * m[f][l]) / (1 - prior));
                total += out[f][l];
            }
            for (int l = 0; l < u[f].length; l++) {
                out[f][l] /= total;
            }
        }
        return out;
    }

    /** Records on each side of the random pairs (about their square of pairs). */
    static final int RANDOM_SIDE = 1500;

    /**
     * The patterns of the random pairs of the {@code n} records. When the data has no more than {@value #RANDOM_SIDE} records, both
     * sides are all of them, and the pairs are every ordered pair of two records: every comparison level is
     * symmetric (the same for a pair either way round), so each unordered pair is compared once and counted
     * twice, the same counts for half the comparisons.
     */
    List<ExpectationMaximisation.Pattern> randomPatterns(ExpectationMaximisation em, Dataset<Row> records, long n,
            List<String> fields, List<String> levelColumns) {
        if (n > RANDOM_SIDE) {
            return em.patterns(randomPairs(records, n, fields, levelColumns));
        }
        Dataset<Row> left = records.select(prefixed(fields, "l_", "id_l"));
        Dataset<Row> right = records.select(prefixed(fields, "r_", "id_r"));
        return em.patterns(withLevels(left.crossJoin(right).where(col("id_l").lt(col("id_r"))), levelColumns))
                .stream().map(p -> new ExpectationMaximisation.Pattern(p.levels(), 2 * p.count())).toList();
    }

    /**
     * About {@value #RANDOM_SIDE} squared pairs of records drawn at random, with their comparison levels.
     * The draw hashes the record ids, so the same records give the same pairs however they are ordered or
     * partitioned.
     */
    Dataset<Row> randomPairs(Dataset<Row> records, long n, List<String> fields, List<String> levelColumns) {
        double fraction = Math.min(1.0, (double) RANDOM_SIDE / n);
        Dataset<Row> left = drawn(records, fraction, 11).select(prefixed(fields, "l_", "id_l"));
        Dataset<Row> right = drawn(records, fraction, 13).select(prefixed(fields, "r_", "id_r"));
        return withLevels(left.crossJoin(right).where(col("id_l").notEqual(col("id_r"))), levelColumns);
    }

    /** The level columns of pairs of prefixed fields ({@code l_}, {@code r_}), and nothing else. */
    private Dataset<Row> withLevels(Dataset<Row> pairs, List<String> levelColumns) {
        for (int i = 0; i < plan.comparisons().size(); i++) {
            pairs = pairs.withColumn(levelColumns.get(i), level(plan.comparisons().get(i), "l_", "r_"));
        }
        return pairs.select(levelColumns.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    }

    /** The records whose id hashes (with {@code seed}) below {@code fraction} of the hash range. */
    private static Dataset<Row> drawn(Dataset<Row> records, double fraction, long seed) {
        long scale = 1L << 40;
        Column bucket = org.apache.spark.sql.functions.pmod(
                org.apache.spark.sql.functions.xxhash64(lit(seed), col("record_id")), lit(scale));
        return records.where(bucket.lt(lit((long) (fraction * scale))));
    }

    private Column level(Comparison c, String leftPrefix, String rightPrefix) {
        Column l = col(leftPrefix + c.field());
        Column r = col(rightPrefix + c.field());
        return switch (c.kind()) {
            case NAME -> c.crossField() == null ? levels.name(l, r, lit(null).cast("string"), lit(null).cast("string"))
                    : levels.name(l, r, col(leftPrefix + c.crossField()), col(rightPrefix + c.crossField()));
            case EXACT -> levels.exact(l, r);
            case JARO_WINKLER -> levels.jaroWinkler(l, r, 0.92, 0.80);
            case LEVENSHTEIN -> levels.levenshteinBands(l, r, 1, 3);
            case PHONETIC -> levels.phonetic(l, r);
            case DATE -> levels.date(l, r);
        };
    }

    private static Column[] columnsOf(Column a, Column b, List<String> more) {
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
