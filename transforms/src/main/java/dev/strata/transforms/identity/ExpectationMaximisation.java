package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Estimates a {@link MatchModel} without labels by expectation maximisation over the comparison
 * patterns of candidate pairs. The pairs are reduced in Spark to the count of each distinct pattern of
 * levels, which is bounded by the product of the fields' level counts and not by the data, and the
 * iterations run on those counts. u can be seeded (from random pairs, which are almost all non-matches)
 * and then held fixed, as the Fellegi–Sunter literature advises when blocking makes matches common.
 */
public final class ExpectationMaximisation {

    private final List<String> fields;
    private final int[] levels;
    private final int maxIterations;
    private final double tolerance;

    /**
     * @param fields the level columns of the pairs
     * @param levels per field, how many levels it has (0 .. levels-1; -1 marks a missing value)
     */
    public ExpectationMaximisation(List<String> fields, int[] levels, int maxIterations, double tolerance) {
        this.fields = List.copyOf(Objects.requireNonNull(fields, "fields is null"));
        this.levels = Objects.requireNonNull(levels, "levels is null").clone();
        if (levels.length != fields.size()) {
            throw new IllegalArgumentException("one level count per field (" + fields.size() + "), cannot be: "
                    + levels.length);
        }
        for (int n : levels) {
            if (n < 2) {
                throw new IllegalArgumentException("a field needs at least 2 levels, cannot be: " + n);
            }
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, cannot be: " + maxIterations);
        }
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /** The comparison patterns of the pairs with their counts: small, so it is brought to the driver. */
    public List<Pattern> patterns(Dataset<Row> pairs) {
        List<Column> columns = fields.stream().map(f -> col(f)).toList();
        List<Pattern> result = new ArrayList<>();
        for (Row row : pairs.groupBy(columns.toArray(Column[]::new)).count().collectAsList()) {
            int[] values = new int[fields.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.isNullAt(i) ? -1 : ((Number) row.get(i)).intValue();
                if (values[i] >= levels[i] || values[i] < -1) {
                    throw new IllegalArgumentException("field " + fields.get(i) + " has level " + values[i]
                            + ", outside -1.." + (levels[i] - 1));
                }
            }
            result.add(new Pattern(values, row.getLong(fields.size())));
        }
        return result;
    }

    /**
     * Runs EM from a start model.
     *
     * @param fixedU u probabilities to keep as they are (e.g. from random pairs), or empty to estimate u too
     */
    public MatchModel fit(List<Pattern> patterns, MatchModel start, Optional<double[][]> fixedU) {
        double lambda = start.lambda();
        double[][] m = copy(start.m());
        double[][] u = fixedU.map(ExpectationMaximisation::copy).orElse(copy(start.u()));
        int iteration = 0;
        while (iteration < maxIterations) {
            iteration++;
            double matches = 0;
            double total = 0;
            double[][] mCount = new double[fields.size()][];
            double[][] uCount = new double[fields.size()][];
            for (int f = 0; f < fields.size(); f++) {
                mCount[f] = new double[levels[f]];
                uCount[f] = new double[levels[f]];
            }
            for (Pattern p : patterns) {
                double pm = lambda;
                double pu = 1 - lambda;
                for (int f = 0; f < fields.size(); f++) {
                    if (p.levels()[f] >= 0) {
                        pm *= m[f][p.levels()[f]];
                        pu *= u[f][p.levels()[f]];
                    }
                }
                double posterior = pm + pu == 0 ? 0 : pm / (pm + pu);
                matches += posterior * p.count();
                total += p.count();
                for (int f = 0; f < fields.size(); f++) {
                    if (p.levels()[f] >= 0) {
                        mCount[f][p.levels()[f]] += posterior * p.count();
                        uCount[f][p.levels()[f]] += (1 - posterior) * p.count();
                    }
                }
            }
            double nextLambda = clamp(matches / total);
            double change = Math.abs(nextLambda - lambda);
            double[][] nextM = normalise(mCount);
            double[][] nextU = fixedU.isPresent() ? u : normalise(uCount);
            for (int f = 0; f < fields.size(); f++) {
                for (int l = 0; l < levels[f]; l++) {
                    change = Math.max(change, Math.abs(nextM[f][l] - m[f][l]));
                    change = Math.max(change, Math.abs(nextU[f][l] - u[f][l]));
                }
            }
            lambda = nextLambda;
            m = nextM;
            u = nextU;
            if (change < tolerance) {
                break;
            }
        }
        return new MatchModel(fields, lambda, m, u, iteration);
    }

    /**
     * The share of matches among the pairs of {@code patterns} under a model whose m and u are kept as they
     * are (EM on lambda alone).
     */
    public double matchShare(List<Pattern> patterns, MatchModel model) {
        double lambda = model.lambda();
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            double matches = 0;
            double total = 0;
            for (Pattern p : patterns) {
                double pm = lambda;
                double pu = 1 - lambda;
                for (int f = 0; f < fields.size(); f++) {
                    if (p.levels()[f] >= 0) {
                        pm *= model.m()[f][p.levels()[f]];
                        pu *= model.u()[f][p.levels()[f]];
                    }
                }
                matches += (pm + pu == 0 ? 0 : pm / (pm + pu)) * p.count();
                total += p.count();
            }
            double next = clamp(total == 0 ? lambda : matches / total);
            boolean done = Math.abs(next - lambda) < tolerance;
            lambda = next;
            if (done) {
                break;
            }
        }
        return lambda;
    }

    /** The patterns with the given fields' levels made missing (-1), as if those fields were not compared. */
    public static List<Pattern> without(List<Pattern> patterns, java.util.Set<Integer> fields) {
        List<Pattern> out = new ArrayList<>(patterns.size());
        for (Pattern p : patterns) {
            int[] levels = p.levels().clone();
            for (int f : fields) {
                levels[f] = -1;
            }
            out.add(new Pattern(levels, p.count()));
        }
        return out;
    }

    /** A start that says little: matches mostly agree exactly, non-matches mostly disagree. */
    public MatchModel neutralStart(double lambda) {
        double[][] m = new double[fields.size()][];
        double[][] u = new double[fields.size()][];
        for (int f = 0; f < fields.size(); f++) {
            m[f] = new double[levels[f]];
            u[f] = new double[levels[f]];
            for (int l = 0; l < levels[f]; l++) {
                m[f][l] = (l + 1.0) / sum(levels[f]);
                u[f][l] = (levels[f] - l + 0.0) / sum(levels[f]);
            }
        }
        return new MatchModel(fields, lambda, m, u, 0);
    }

    /** u from the patterns of random pairs: the share of each level among them. */
    public double[][] uFromRandomPairs(List<Pattern> randomPairs) {
        double[][] counts = new double[fields.size()][];
        for (int f = 0; f < fields.size(); f++) {
            counts[f] = new double[levels[f]];
            java.util.Arrays.fill(counts[f], 0.5); // a little smoothing: no level is impossible
        }
        for (Pattern p : randomPairs) {
            for (int f = 0; f < fields.size(); f++) {
                if (p.levels()[f] >= 0) {
                    counts[f][p.levels()[f]] += p.count();
                }
            }
        }
        return normalise(counts);
    }

    private static double sum(int n) {
        return n * (n + 1) / 2.0;
    }

    private static double clamp(double lambda) {
        return Math.min(1 - 1e-9, Math.max(1e-9, lambda));
    }

    private static double[][] normalise(double[][] counts) {
        double[][] out = new double[counts.length][];
        for (int f = 0; f < counts.length; f++) {
            double total = 0;
            for (double c : counts[f]) {
                total += c;
            }
            out[f] = new double[counts[f].length];
            for (int l = 0; l < counts[f].length; l++) {
                out[f][l] = total == 0 ? 1.0 / counts[f].length : counts[f][l] / total;
            }
        }
        return out;
    }

    private static double[][] copy(double[][] values) {
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].clone();
        }
        return out;
    }

    /** One comparison pattern (a level per field, -1 = missing) and how many pairs have it. */
    public record Pattern(int[] levels, long count) {

        public Pattern {
            levels = Objects.requireNonNull(levels, "levels is null").clone();
        }
    }
}
