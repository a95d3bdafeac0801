package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.transforms.SparkTestSession;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ComparisonAndBlockingTest {

    private final SparkSession spark = SparkTestSession.get();
    private final ComparisonLevels levels = new ComparisonLevels();

    private Dataset<Row> pairs(String... leftRight) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < leftRight.length; i += 2) {
            rows.add(RowFactory.create(leftRight[i], leftRight[i + 1]));
        }
        return spark.createDataFrame(rows, new StructType().add("l", DataTypes.StringType).add("r", DataTypes.StringType));
    }

    private static List<Integer> ints(Dataset<Row> rows) {
        return rows.collectAsList().stream().map(r -> r.getInt(0)).toList();
    }

    @Test
    void stringLevelsFromExactDownToDifferent() {
        Dataset<Row> names = pairs("martha", "martha", "martha", "marhta", "dwayne", "duane", "smith", "jones",
                null, "jones");
        assertThat(ints(names.select(levels.jaroWinkler(col("l"), col("r"), 0.92, 0.80))))
                .containsExactly(3, 2, 1, 0, -1);
        assertThat(ints(names.select(levels.levenshteinBands(col("l"), col("r"), 1, 2))))
                .containsExactly(3, 1, 1, 0, -1); // marhta and duane are two edits away: the second band
        assertThat(ints(names.select(levels.phonetic(col("l"), col("r"))))).containsExactly(2, 1, 1, 0, -1);
        assertThat(ints(names.select(levels.exact(col("l"), col("r"))))).containsExactly(1, 0, 0, 0, -1);
        assertThatThrownBy(() -> levels.jaroWinkler(col("l"), col("r"), 0.8, 0.9))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesKnowNicknamesAndSwappedFields() {
        StructType schema = new StructType().add("g1", DataTypes.StringType).add("f1", DataTypes.StringType)
                .add("g2", DataTypes.StringType).add("f2", DataTypes.StringType);
        Dataset<Row> pairs = spark.createDataFrame(List.of(
                RowFactory.create("robert", "smith", "robert", "smith"),    // the same
                RowFactory.create("kate", "smith", "katherine", "smith"),   // a nickname (of several names)
                RowFactory.create("smith", "robert", "robert", "smith"),    // swapped on one record
                RowFactory.create("lowe", "courtney", "courney", null),     // swapped, the other family name missing
                RowFactory.create("martha", "smith", "marhta", "smith"),    // a typo
                RowFactory.create("john", "smith", "mary", "smith"),        // another person
                RowFactory.create(null, "smith", "mary", "smith")), schema);
        assertThat(ints(pairs.select(levels.name(col("g1"), col("g2"), col("f1"), col("f2")))))
                .containsExactly(3, 2, 3, 2, 2, 0, -1);
        // without the other field, nothing is compared crosswise
        assertThat(ints(pairs.select(levels.name(col("g1"), col("g2"), lit(null).cast("string"), lit(null).cast("string")))))
                .containsExactly(3, 2, 0, 0, 2, 0, -1);
    }

    @Test
    void aShortNameOneTypoApartIsSimilarButALookAlikeIsAnotherName() {
        Dataset<Row> names = pairs("alan", "alvn", "alan", "alna", "mary", "amy", "john", "jon", "ann", "anna",
                "erin", "eric", "mary", "marty");
        // alvn and eric are one typo away (1); alna, jon, anna and marty are close enough (Jaro-Winkler 0.92 or
        // more) or nicknames (2); amy is two edits from mary although Jaro-Winkler gives them 0.81 (0)
        assertThat(ints(names.select(levels.name(col("l"), col("r"), lit(null).cast("string"), lit(null).cast("string")))))
                .containsExactly(1, 2, 0, 2, 2, 1, 2);
    }

    @Test
    void oneEditApartIsOneInsertDeleteReplaceOrNeighbourSwap() {
        assertThat(ComparisonLevels.oneEditApart("smith", "smith")).isTrue();
        assertThat(ComparisonLevels.oneEditApart("smith", "smyth")).isTrue();
        assertThat(ComparisonLevels.oneEditApart("smith", "smtih")).isTrue();
        assertThat(ComparisonLevels.oneEditApart("smith", "smiths")).isTrue();
        assertThat(ComparisonLevels.oneEditApart("smith", "mith")).isTrue();
        assertThat(ComparisonLevels.oneEditApart("smith", "smthi")).isFalse();
        assertThat(ComparisonLevels.oneEditApart("smith", "smitty")).isFalse();
        assertThat(ComparisonLevels.oneEditApart("mary", "amy")).isFalse();
        assertThat(ComparisonLevels.oneEditApart("ab", "ba")).isTrue();
    }

    @Test
    void theOtherNamePartIsReadFromAnEmailThatSpellsBoth() {
        assertThat(ComparisonLevels.otherNameInEmail("garcia", "brandon.garcia29@example.org")).isEqualTo("brandon");
        assertThat(ComparisonLevels.otherNameInEmail("garcia", "brandongarcia@gmail.com")).isEqualTo("brandon");
        assertThat(ComparisonLevels.otherNameInEmail("garcia", "garciaruth@yahoo.com")).isEqualTo("ruth");
        assertThat(ComparisonLevels.otherNameInEmail("brandon", "brandon_garcia+shop@gmail.com")).isEqualTo("garcia");
        assertThat(ComparisonLevels.otherNameInEmail("o brien", "shaneobrien@outlook.com")).isEqualTo("shane");
        // an initial, digits only, the name absent, or two other words: nothing
        assertThat(ComparisonLevels.otherNameInEmail("garcia", "bgarcia@yahoo.com")).isNull();
        assertThat(ComparisonLevels.otherNameInEmail("diane", "diane7971@gmail.com")).isNull();
        assertThat(ComparisonLevels.otherNameInEmail("garcia", "jdoe4821@outlook.com")).isNull();
        assertThat(ComparisonLevels.otherNameInEmail("garcia", "brandon.m.lee.garcia@example.org")).isNull();
        assertThat(ComparisonLevels.otherNameInEmail(null, "brandon.garcia@example.org")).isNull();
        assertThat(ComparisonLevels.otherNameInEmail("garcia", null)).isNull();
        // a blank part is filled, a present one kept
        Dataset<Row> records = spark.createDataFrame(List.of(
                RowFactory.create(null, "garcia", "brandon.garcia29@example.org"),
                RowFactory.create("ruth", "garcia", "brandon.garcia29@example.org")),
                new StructType().add("g", DataTypes.StringType).add("f", DataTypes.StringType).add("e", DataTypes.StringType));
        assertThat(records.select(levels.nameFromEmail(col("g"), col("f"), col("e"))).collectAsList().stream()
                .map(r -> r.getString(0)).toList()).containsExactly("brandon", "ruth");
    }

    @Test
    void datesCountPartialAgreement() {
        Dataset<Row> dates = pairs("1980-03-05", "1980-03-05", "1980-03-05", "1980-05-03", "1980-03-05", "1980-03-17",
                "1980-03-05", "1980-11-20", "1980-03-05", "1975-01-01", "1980-03-05", null);
        assertThat(ints(dates.select(levels.date(to_date(col("l")), to_date(col("r"))))))
                .containsExactly(3, 2, 2, 1, 0, -1);
    }

    @Test
    void blockingRulesUniteWithoutComparingAPairTwiceAndSkipHugeBlocks() {
        StructType schema = new StructType().add("record_id", DataTypes.LongType).add("email", DataTypes.StringType)
                .add("surname", DataTypes.StringType).add("postcode", DataTypes.StringType);
        List<Row> rows = new ArrayList<>(List.of(
                RowFactory.create(1L, "a@x.com", "smith", "80202"),
                RowFactory.create(2L, "a@x.com", "smith", "80202"),   // found by both rules: kept once, rule 0
                RowFactory.create(3L, null, "smith", "80202"),        // by surname + postcode only
                RowFactory.create(4L, null, null, "80202")));         // a missing value never blocks
        for (long id = 10; id < 20; id++) {
            rows.add(RowFactory.create(id, "test@test.com", "doe" + id, "1000" + id)); // a junk email
        }
        Dataset<Row> records = spark.createDataFrame(rows, schema);
        CandidatePairs blocking = new CandidatePairs(List.of(List.of("email"), List.of("surname", "postcode")), 5);
        List<String> found = blocking.pairs(records).orderBy("id_l", "id_r").collectAsList().stream()
                .map(r -> r.getLong(0) + "-" + r.getLong(1) + "@" + r.getInt(2)).toList();
        assertThat(found).containsExactly("1-2@0", "1-3@1", "2-3@1");
        // linkage: only records of different data sets are paired
        Dataset<Row> sourced = records.withColumn("source", org.apache.spark.sql.functions.when(col("record_id").leq(1),
                lit("a")).otherwise(lit("b")));
        List<String> across = new CandidatePairs(List.of(List.of("email"), List.of("surname", "postcode")), 5, "source")
                .pairs(sourced).orderBy("id_l", "id_r").collectAsList().stream()
                .map(r -> r.getLong(0) + "-" + r.getLong(1) + "@" + r.getInt(2)).toList();
        assertThat(across).containsExactly("1-2@0", "1-3@1");
        assertThat(blocking.oversizedBlocks(records).collectAsList()).extracting(r -> r.getInt(0) + ":"
                + r.getString(1) + ":" + r.getLong(2)).containsExactly("0:test@test.com:10");
    }
}
