package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strata.transforms.SparkTestSession;
import dev.strata.transforms.identity.IdentityResolver.Comparison;
import dev.strata.transforms.identity.IdentityResolver.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class IdentityResolverTest {

    private final SparkSession spark = SparkTestSession.get();

    private static final String[] GIVEN = {"anna", "boris", "carla", "david", "elena", "frank", "greta", "hugo",
        "irene", "jonas", "karin", "lukas", "marta", "nils", "olga", "paul", "rosa", "sven", "tina", "uwe"};
    private static final String[] FAMILY = {"keller", "meyer", "schulz", "wagner", "becker", "hoffmann", "koch",
        "richter", "klein", "wolf"};

    /** 60 people, three records each with small differences, and a junk email on ten unrelated records. */
    private Dataset<Row> records() {
        List<Row> rows = new ArrayList<>();
        long id = 1;
        for (int p = 0; p < 60; p++) {
            String given = GIVEN[p % GIVEN.length];
            String family = FAMILY[(p * 7) % FAMILY.length] + (p / 20 == 0 ? "" : p / 20 == 1 ? "er" : "mann");
            String dob = String.format("19%02d-%02d-%02d", 50 + p % 40, 1 + p % 12, 1 + p % 28);
            String postcode = String.valueOf(80200 + p % 15);
            String email = given + "." + family + "@mail.test";
            rows.add(RowFactory.create(id++, given, family, dob, postcode, email, "P" + p));
            rows.add(RowFactory.create(id++, given.substring(0, given.length() - 1) + "x", family, dob, postcode,
                    p % 10 == 0 ? "test@test.com" : null, "P" + p));               // a typo, no email
            rows.add(RowFactory.create(id++, given, family, null, postcode, email, "P" + p)); // no birth date
        }
        StructType schema = new StructType().add("record_id", DataTypes.LongType).add("given", DataTypes.StringType)
                .add("family", DataTypes.StringType).add("dob_text", DataTypes.StringType)
                .add("postcode", DataTypes.StringType).add("email", DataTypes.StringType)
                .add("truth", DataTypes.StringType);
        return spark.createDataFrame(rows, schema).withColumn("dob", to_date(col("dob_text")));
    }

    @Test
    void linksEveryPersonsRecordsAndNothingElse() {
        ResolutionPlan plan = ResolutionPlan.builder(List.of(new Comparison("given", Kind.JARO_WINKLER),
                        new Comparison("family", Kind.JARO_WINKLER), new Comparison("dob", Kind.DATE),
                        new Comparison("postcode", Kind.EXACT)))
                .guarded(List.of("email")).deterministic(List.of("email")).maxRecordsPerIdentifier(5)
                .blocking(List.of(List.of("postcode"), List.of("given", "dob"))).maxBlockSize(1000).threshold(0.9)
                .build();
        Dataset<Row> records = records();
        IdentityResolver.Result result = new IdentityResolver(spark, plan).resolve(records);

        assertThat(result.junk().collectAsList()).extracting(r -> r.getString(1) + "x" + r.getLong(2))
                .containsExactly("test@test.comx6");
        Dataset<Row> assignments = result.clusters().join(records, "record_id")
                .select(col("cluster_id").as("cluster"), col("truth"));
        LinkageEvaluation.Scores scores = new LinkageEvaluation().score(assignments);
        assertThat(scores.truePairs()).isEqualTo(180);
        assertThat(scores.precision()).as(scores.toString()).isEqualTo(1.0);
        assertThat(scores.recall()).as(scores.toString()).isEqualTo(1.0);
        assertThat(result.model().m()[0][3]).isGreaterThan(result.model().u()[0][3]);
        // every scored pair keeps its per-field weights for explanations
        assertThat(result.scoredPairs().columns()).contains("w_given_jaro_winkler", "w_dob_date", "match_probability");
    }

    @Test
    void randomPairsOfFewRecordsComparedOnceEachWayGiveTheSameCountsAsEveryOrderedPair() {
        List<Comparison> comparisons = List.of(new Comparison("given", Kind.NAME, "family"),
                new Comparison("family", Kind.JARO_WINKLER), new Comparison("given", Kind.LEVENSHTEIN),
                new Comparison("family", Kind.PHONETIC), new Comparison("dob", Kind.DATE),
                new Comparison("email", Kind.EXACT));
        ResolutionPlan plan = ResolutionPlan.builder(comparisons).guarded(List.of("email"))
                .deterministic(List.of("email")).maxRecordsPerIdentifier(5).blocking(List.of(List.of("postcode")))
                .maxBlockSize(1000).threshold(0.9).build();
        ModelTraining training = new ModelTraining(plan, new PairComparison(plan, new ComparisonLevels()));
        List<String> fields = List.of("given", "family", "dob", "email");
        List<String> levelColumns = comparisons.stream().map(IdentityResolver::levelColumn).toList();
        ExpectationMaximisation em = new ExpectationMaximisation(levelColumns,
                comparisons.stream().mapToInt(Comparison::levels).toArray(), 10, 1e-6);
        Dataset<Row> records = records();
        long n = records.count();

        Map<String, Long> halved = counts(training.randomPatterns(em, records, n, fields, levelColumns));
        Map<String, Long> ordered = counts(em.patterns(training.randomPairs(records, n, fields, levelColumns)));
        assertThat(halved).isEqualTo(ordered);
        assertThat(ordered.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(n * (n - 1));
        assertThat(ordered).hasSizeGreaterThan(10);
    }

    private static Map<String, Long> counts(List<ExpectationMaximisation.Pattern> patterns) {
        Map<String, Long> counts = new TreeMap<>();
        patterns.forEach(p -> counts.merge(java.util.Arrays.toString(p.levels()), p.count(), Long::sum));
        return counts;
    }

    @Test
    void anIncrementalRunComparesOnlyNewRecordsAndKeepsTheOldClusters() {
        ResolutionPlan plan = ResolutionPlan.builder(List.of(new Comparison("given", Kind.JARO_WINKLER),
                        new Comparison("family", Kind.JARO_WINKLER), new Comparison("dob", Kind.DATE),
                        new Comparison("postcode", Kind.EXACT)))
                .guarded(List.of("email")).deterministic(List.of("email")).maxRecordsPerIdentifier(3)
                .blocking(List.of(List.of("postcode"), List.of("given", "dob"))).maxBlockSize(1000).threshold(0.9)
                .build();
        Dataset<Row> records = records();
        // the first run sees records 1..120 (people 0..39, four holding test@test.com), the second all 180
        Dataset<Row> first = records.where(col("record_id").leq(120));
        IdentityResolver resolver = new IdentityResolver(spark, plan);
        IdentityResolver.Result before = resolver.resolve(first);
        Dataset<Row> priorClusters = before.clusters().localCheckpoint(true);

        IdentityResolver.Result after = resolver.resolve(records,
                java.util.Optional.of(new IdentityResolver.Prior(priorClusters, java.util.Optional.of(before.model()))));

        // no pair of two old records is compared again
        assertThat(after.scoredPairs().where(col("id_l").leq(120).and(col("id_r").leq(120))).count()).isZero();
        assertThat(after.scoredPairs().where(col("id_r").gt(120)).count()).isPositive();
        assertThat(after.model()).isEqualTo(before.model());
        LinkageEvaluation.Scores scores = new LinkageEvaluation().score(after.clusters().join(records, "record_id")
                .select(col("cluster_id").as("cluster"), col("truth")));
        assertThat(scores.precision()).as(scores.toString()).isEqualTo(1.0);
        assertThat(scores.recall()).as(scores.toString()).isEqualTo(1.0);
        // old records keep their clusters
        Map<Long, Long> was = new TreeMap<>();
        priorClusters.collectAsList().forEach(r -> was.put(r.getLong(0), r.getLong(1)));
        after.clusters().where(col("record_id").leq(120)).collectAsList()
                .forEach(r -> assertThat(r.getLong(1)).isEqualTo(was.get(r.getLong(0))));
    }

    @Test
    void conflictingGivenNamesKeepAHouseholdApart() {
        StructType schema = new StructType().add("record_id", DataTypes.LongType).add("given", DataTypes.StringType)
                .add("family", DataTypes.StringType).add("dob_text", DataTypes.StringType)
                .add("postcode", DataTypes.StringType).add("email", DataTypes.StringType)
                .add("truth", DataTypes.StringType);
        List<Row> household = List.of(
                RowFactory.create(1001L, "anna", "zorn", "1980-01-01", "80299", "zorn@home.test", "H1"),
                RowFactory.create(1002L, "anna", "zorn", null, "80299", "zorn@home.test", "H1"),
                RowFactory.create(1003L, "boris", "zorn", "1979-05-05", "80299", "zorn@home.test", "H2"),
                RowFactory.create(1004L, "boris", "zorn", "1979-05-05", "80299", "boris@mail.test", "H2"));
        Dataset<Row> records = records().drop("dob").union(spark.createDataFrame(household, schema))
                .withColumn("dob", to_date(col("dob_text")));
        ResolutionPlan plan = ResolutionPlan.builder(List.of(new Comparison("given", Kind.NAME, "family"),
                        new Comparison("family", Kind.NAME, "given"), new Comparison("dob", Kind.DATE),
                        new Comparison("email", Kind.EXACT), new Comparison("postcode", Kind.EXACT)))
                .guarded(List.of("email")).maxRecordsPerIdentifier(5)
                .blocking(List.of(List.of("postcode"), List.of("email"), List.of("given", "dob"))).maxBlockSize(1000)
                .threshold(0.9).conflicts(List.of("given", "dob"))
                .training(List.of(List.of("email"), List.of("postcode"))).frequencyAdjusted(List.of("family"))
                .build();
        IdentityResolver.Result result = new IdentityResolver(spark, plan).resolve(records);

        Map<Long, Long> cluster = new TreeMap<>();
        result.clusters().where(col("record_id").gt(1000)).collectAsList().forEach(r -> cluster.put(r.getLong(0), r.getLong(1)));
        assertThat(cluster.get(1001L)).isEqualTo(cluster.get(1002L));
        assertThat(cluster.get(1003L)).isEqualTo(cluster.get(1004L));
        assertThat(cluster.get(1001L)).isNotEqualTo(cluster.get(1003L));
        // the shared email and address alone score the pair of the couple above the threshold: only the
        // conflict of their given names keeps them apart
        assertThat(result.scoredPairs().where(col("id_l").equalTo(1001).and(col("id_r").equalTo(1003))).count()).isOne();
        assertThat(result.scoredPairs().columns()).contains("tf_family_name", "w_given_name");
        LinkageEvaluation.Scores scores = new LinkageEvaluation().score(result.clusters().join(records, "record_id")
                .select(col("cluster_id").as("cluster"), col("truth")));
        assertThat(scores.precision()).as(scores.toString()).isEqualTo(1.0);
        assertThat(scores.recall()).as(scores.toString()).isGreaterThan(0.9);
    }

    @Test
    void blankNamesAreReadFromEmailsThatSpellANameOtherRecordsHold() {
        StructType schema = new StructType().add("record_id", DataTypes.LongType).add("given", DataTypes.StringType)
                .add("family", DataTypes.StringType).add("email", DataTypes.StringType);
        Dataset<Row> records = spark.createDataFrame(List.of(
                RowFactory.create(1L, "mary", "hill", "m.hill@mail.test"),
                RowFactory.create(2L, null, null, "maryhill@mail.test"),       // both parts, spelt together
                RowFactory.create(3L, "mary", null, "mhill7@mail.test"),       // an initial and the family name
                RowFactory.create(4L, null, "hill", "mary0465@mail.test"),     // the given name alone
                RowFactory.create(5L, null, null, "mhill@mail.test"),          // an initial says nothing alone
                RowFactory.create(6L, "ann", "lee", null),
                RowFactory.create(7L, "lee", "ann", null),                     // annlee: either of two names
                RowFactory.create(8L, null, null, "annlee@mail.test"),
                RowFactory.create(9L, null, null, "tomfox@mail.test")), schema); // no record holds tom fox
        ResolutionPlan plan = ResolutionPlan.builder(List.of(new Comparison("given", Kind.NAME, "family"),
                        new Comparison("family", Kind.NAME, "given")))
                .guarded(List.of("email")).maxRecordsPerIdentifier(5).blocking(List.of(List.of("email")))
                .maxBlockSize(1000).threshold(0.9)
                .namesFromEmail(Optional.of(new NamesFromEmail("email", "given", "family"))).build();
        Dataset<Row> pairs = spark.createDataFrame(List.of(RowFactory.create(1L, 2L), RowFactory.create(1L, 3L),
                RowFactory.create(1L, 4L), RowFactory.create(1L, 5L), RowFactory.create(6L, 8L), RowFactory.create(1L, 9L)),
                new StructType().add("id_l", DataTypes.LongType).add("id_r", DataTypes.LongType));
        Map<Long, String> levels = new TreeMap<>();
        new IdentityResolver(spark, plan).compare(pairs, records).collectAsList().forEach(r -> levels.put(
                r.getLong(r.fieldIndex("id_r")), r.get(r.fieldIndex("given_name")) + "/" + r.get(r.fieldIndex("family_name"))));
        assertThat(levels).isEqualTo(Map.of(2L, "3/3", 3L, "3/3", 4L, "3/3", 5L, "-1/-1", 8L, "-1/-1",
                9L, "-1/-1"));
    }

    @Test
    void evaluationCountsPairsAndBcubed() {
        StructType schema = new StructType().add("cluster", DataTypes.LongType).add("truth", DataTypes.StringType);
        // truth {a1,a2,a3} {b1}; clusters {a1,a2} {a3,b1}
        Dataset<Row> assignments = spark.createDataFrame(List.of(RowFactory.create(1L, "a"), RowFactory.create(1L, "a"),
                RowFactory.create(2L, "a"), RowFactory.create(2L, "b")), schema);
        LinkageEvaluation.Scores scores = new LinkageEvaluation().score(assignments);
        assertThat(scores.truePairs()).isEqualTo(3);
        assertThat(scores.predictedPairs()).isEqualTo(2);
        assertThat(scores.correctPairs()).isEqualTo(1);
        assertThat(scores.precision()).isEqualTo(0.5);
        assertThat(scores.recall()).isCloseTo(1 / 3.0, within(1e-12));
        // B-cubed precision: (1 + 1 + 1/2 + 1/2) / 4; recall: (2/3 + 2/3 + 1/3 + 1) / 4
        assertThat(scores.bcubedPrecision()).isCloseTo(0.75, within(1e-12));
        assertThat(scores.bcubedRecall()).isCloseTo((2 / 3.0 + 2 / 3.0 + 1 / 3.0 + 1) / 4, within(1e-12));
    }
}
