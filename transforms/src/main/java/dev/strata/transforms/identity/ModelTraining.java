package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.strata.transforms.identity.IdentityResolver.Comparison;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The train phase: the Fellegi–Sunter model of a plan estimated without labels, u from random pairs of records
 * and m by EM, over all candidates or, with training rules, one session per rule (see
 * {@link ResolutionPlan#training}).
 */
final class ModelTraining {

    private final ResolutionPlan plan;
    private final PairComparison comparison;

    ModelTraining(ResolutionPlan plan, PairComparison comparison) {
        this.plan = Objects.requireNonNull(plan, "plan is null");
        this.comparison = Objects.requireNonNull(comparison, "comparison is null");
    }

    /** The model of {@code records}, whose candidate pairs' levels are {@code compared}. */
    MatchModel estimate(Dataset<Row> records, Dataset<Row> compared) {
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
                    em.patterns(comparison.levels(pairs, records, plan.comparisons())), blocked);
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
        Dataset<Row> left = records.select(PairComparison.prefixed(fields, "l_", "id_l"));
        Dataset<Row> right = records.select(PairComparison.prefixed(fields, "r_", "id_r"));
        return em.patterns(comparison.withLevels(left.crossJoin(right).where(col("id_l").lt(col("id_r"))), levelColumns))
                .stream().map(p -> new ExpectationMaximisation.Pattern(p.levels(), 2 * p.count())).toList();
    }

    /**
     * About {@value #RANDOM_SIDE} squared pairs of records drawn at random, with their comparison levels.
     * The draw hashes the record ids, so the same records give the same pairs however they are ordered or
     * partitioned.
     */
    Dataset<Row> randomPairs(Dataset<Row> records, long n, List<String> fields, List<String> levelColumns) {
        double fraction = Math.min(1.0, (double) RANDOM_SIDE / n);
        Dataset<Row> left = drawn(records, fraction, 11).select(PairComparison.prefixed(fields, "l_", "id_l"));
        Dataset<Row> right = drawn(records, fraction, 13).select(PairComparison.prefixed(fields, "r_", "id_r"));
        return comparison.withLevels(left.crossJoin(right).where(col("id_l").notEqual(col("id_r"))), levelColumns);
    }

    /** The records whose id hashes (with {@code seed}) below {@code fraction} of the hash range. */
    private static Dataset<Row> drawn(Dataset<Row> records, double fraction, long seed) {
        long scale = 1L << 40;
        Column bucket = org.apache.spark.sql.functions.pmod(
                org.apache.spark.sql.functions.xxhash64(lit(seed), col("record_id")), lit(scale));
        return records.where(bucket.lt(lit((long) (fraction * scale))));
    }

}
