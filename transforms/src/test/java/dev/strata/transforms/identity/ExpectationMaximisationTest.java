package dev.strata.transforms.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strata.transforms.SparkTestSession;
import dev.strata.transforms.spark.DataFrameAssertions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ExpectationMaximisationTest {

    private static final List<String> FIELDS = List.of("name", "dob", "email");
    private static final int[] LEVELS = {3, 3, 2};
    private static final double[][] TRUE_M = {{0.05, 0.15, 0.80}, {0.03, 0.07, 0.90}, {0.30, 0.70}};
    private static final double[][] TRUE_U = {{0.90, 0.09, 0.01}, {0.95, 0.045, 0.005}, {0.999, 0.001}};

    /** Exact expected pattern counts for 2,000 matches and 50,000 non-matches under the true model. */
    private static List<ExpectationMaximisation.Pattern> patterns(double matches, double nonMatches) {
        List<ExpectationMaximisation.Pattern> patterns = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                for (int c = 0; c < 2; c++) {
                    double count = matches * TRUE_M[0][a] * TRUE_M[1][b] * TRUE_M[2][c]
                            + nonMatches * TRUE_U[0][a] * TRUE_U[1][b] * TRUE_U[2][c];
                    patterns.add(new ExpectationMaximisation.Pattern(new int[] {a, b, c}, Math.round(count)));
                }
            }
        }
        return patterns;
    }

    @Test
    void recoversMAndUAndTheShareOfMatchesWithoutLabels() {
        ExpectationMaximisation em = new ExpectationMaximisation(FIELDS, LEVELS, 500, 1e-9);
        MatchModel model = em.fit(patterns(2_000, 50_000), em.neutralStart(0.1), Optional.empty());
        assertThat(model.lambda()).isCloseTo(2_000.0 / 52_000, within(0.003));
        for (int f = 0; f < FIELDS.size(); f++) {
            for (int l = 0; l < LEVELS[f]; l++) {
                assertThat(model.m()[f][l]).as("m %s %d", FIELDS.get(f), l).isCloseTo(TRUE_M[f][l], within(0.02));
                assertThat(model.u()[f][l]).as("u %s %d", FIELDS.get(f), l).isCloseTo(TRUE_U[f][l], within(0.01));
            }
        }
        assertThat(model.iterations()).isGreaterThan(1).isLessThan(500);
    }

    @Test
    void uFromRandomPairsStaysFixed() {
        ExpectationMaximisation em = new ExpectationMaximisation(FIELDS, LEVELS, 500, 1e-9);
        double[][] u = em.uFromRandomPairs(patterns(0, 1_000_000));
        assertThat(u[0][0]).isCloseTo(0.90, within(0.001));
        MatchModel model = em.fit(patterns(2_000, 50_000), em.neutralStart(0.1), Optional.of(u));
        assertThat(model.u()).isDeepEqualTo(u);
        assertThat(model.m()[1][2]).isCloseTo(0.90, within(0.02));
    }

    @Test
    void patternsAreCountedInSparkWithMissingValuesAsMinusOne() {
        SparkSession spark = SparkTestSession.get();
        StructType schema = new StructType().add("name", DataTypes.IntegerType).add("dob", DataTypes.IntegerType)
                .add("email", DataTypes.IntegerType);
        Dataset<Row> pairs = spark.createDataFrame(List.of(RowFactory.create(2, 2, 1), RowFactory.create(2, 2, 1),
                RowFactory.create(0, null, 0)), schema);
        List<ExpectationMaximisation.Pattern> patterns = new ExpectationMaximisation(FIELDS, LEVELS, 10, 1e-6)
                .patterns(pairs);
        assertThat(patterns).extracting(p -> java.util.Arrays.toString(p.levels()) + "x" + p.count())
                .containsExactlyInAnyOrder("[2, 2, 1]x2", "[0, -1, 0]x1");
    }

    @Test
    void scoresPairsWithPerFieldWeightsAndAProbability() {
        SparkSession spark = SparkTestSession.get();
        MatchModel model = new MatchModel(FIELDS, 0.5, TRUE_M, TRUE_U, 1);
        StructType schema = new StructType().add("name", DataTypes.IntegerType).add("dob", DataTypes.IntegerType)
                .add("email", DataTypes.IntegerType);
        Dataset<Row> scored = model.score(spark.createDataFrame(List.of(RowFactory.create(2, -1, 1)), schema))
                .select("w_name", "w_dob", "w_email", "match_weight", "match_probability");
        double name = MatchModel.log2(0.80 / 0.01);
        double email = MatchModel.log2(0.70 / 0.001);
        double odds = Math.pow(2, name + email);
        Dataset<Row> expected = spark.createDataFrame(List.of(RowFactory.create(name, 0.0, email, name + email,
                odds / (1 + odds))), scored.schema());
        DataFrameAssertions.over(spark).assertApproximatelyEquals(expected, scored, 1e-9);
    }
}
