package dev.strata.transforms.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.transforms.SparkTestSession;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class UniqueNameLinksTest {

    private final SparkSession spark = SparkTestSession.get();

    private static final StructType RECORDS = new StructType().add("record_id", DataTypes.LongType)
            .add("given", DataTypes.StringType).add("family", DataTypes.StringType)
            .add("phone", DataTypes.StringType).add("dob", DataTypes.StringType);

    private Map<Long, Long> link(List<Row> records, long... clusters) {
        return link(new UniqueNameLinks(UniqueNames.of(List.of("given", "family"), List.of("phone", "dob"), List.of("dob"))), records,
                clusters);
    }

    /** Up to four clusters per name, typos counting, kept apart by phone or birth date. */
    private Map<Long, Long> linkFew(List<Row> records, long... clusters) {
        return link(new UniqueNameLinks(new UniqueNames(List.of("given", "family"), List.of(), List.of("phone", "dob"), List.of(), 4,
                true)), records,
                clusters);
    }

    private Map<Long, Long> link(UniqueNameLinks links, List<Row> records, long... clusters) {
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < clusters.length; i += 2) {
            rows.add(RowFactory.create(clusters[i], clusters[i + 1]));
        }
        Dataset<Row> c = spark.createDataFrame(rows, new StructType().add("record_id", DataTypes.LongType)
                .add("cluster_id", DataTypes.LongType));
        Map<Long, Long> out = new TreeMap<>();
        links.apply(c, spark.createDataFrame(records, RECORDS)).collectAsList()
                .forEach(r -> out.put(r.getLong(0), r.getLong(1)));
        return out;
    }

    @Test
    void aBareClusterJoinsTheOnlyOtherClusterWithItsNameInEitherOrder() {
        Map<Long, Long> clusters = link(List.of(
                RowFactory.create(1L, "ann", "lee", "+1303", "1980-01-02"),
                RowFactory.create(2L, "ann", "lee", null, "1980-01-02"),
                RowFactory.create(3L, "lee", "ann", null, null),                 // swapped, nothing else: bare
                RowFactory.create(4L, "bob", "ray", "+1404", null),
                RowFactory.create(5L, "bob", "ray", "+1505", null)),            // both hold a phone: not bare
                1, 1, 2, 1, 3, 3, 4, 4, 5, 5);
        assertThat(clusters).isEqualTo(Map.of(1L, 1L, 2L, 1L, 3L, 1L, 4L, 4L, 5L, 5L));
    }

    @Test
    void aNameThreeClustersHoldLinksNothingAndConflictsKeepApart() {
        Map<Long, Long> clusters = link(List.of(
                RowFactory.create(1L, "cy", "fox", null, null),
                RowFactory.create(2L, "cy", "fox", null, null),
                RowFactory.create(3L, "cy", "fox", null, null),                  // three clusters: ambiguous
                RowFactory.create(4L, "di", "gao", "+1606", "1970-05-05"),
                RowFactory.create(5L, "di", "gao", null, "1971-06-06"),         // bare of phone, but another dob
                RowFactory.create(6L, "ed", null, null, null),                    // no full name
                RowFactory.create(7L, "ed", "hu", "+1707", null)),
                1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7);
        assertThat(clusters).isEqualTo(Map.of(1L, 1L, 2L, 2L, 3L, 3L, 4L, 4L, 5L, 5L, 6L, 6L, 7L, 7L));
    }

    @Test
    void aFewCompatibleClustersOfANameAreOneAndTyposCount() {
        Map<Long, Long> clusters = linkFew(List.of(
                RowFactory.create(1L, "isaac", "alvarado", "+1303", null),
                RowFactory.create(2L, "isaac", "alvarado", null, "1980-01-02"),
                RowFactory.create(3L, "alvarado", "isaac", null, null),           // swapped
                RowFactory.create(4L, "isaac", "alvardo", null, null),            // a letter left out
                RowFactory.create(5L, "hunter", "weber", "+1404", null),
                RowFactory.create(6L, "hunter", "webre", "+1505", null)),         // a typo, but another phone
                1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6);
        assertThat(clusters).isEqualTo(Map.of(1L, 1L, 2L, 1L, 3L, 1L, 4L, 1L, 5L, 5L, 6L, 6L));
    }

    @Test
    void aClusterThatCouldBeEitherOfTwoNamesakesJoinsNeither() {
        Map<Long, Long> clusters = linkFew(List.of(
                RowFactory.create(1L, "karen", "smith", "+1303", null),
                RowFactory.create(2L, "karen", "smith", "+1404", null),            // another karen smith
                RowFactory.create(3L, "karen", "smith", null, null),               // a bare order: whose?
                RowFactory.create(4L, "karen", "smith", "+1404", "1990-01-01"),    // the second one again
                RowFactory.create(5L, "lee", "ann", null, null),
                RowFactory.create(6L, "lee", "ann", null, null),
                RowFactory.create(7L, "lee", "ann", null, null),
                RowFactory.create(8L, "lee", "ann", null, null),
                RowFactory.create(9L, "lee", "ann", null, null)),                  // five clusters: too common
                1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9);
        assertThat(clusters).isEqualTo(Map.of(1L, 1L, 2L, 2L, 3L, 3L, 4L, 2L, 5L, 5L, 6L, 6L, 7L, 7L, 8L, 8L, 9L, 9L));
    }

    @Test
    void clustersEachUsingAnotherValueRegularlyAreApart() {
        // phone kept apart only when used regularly (on two records of a cluster or more)
        UniqueNameLinks regular = new UniqueNameLinks(new UniqueNames(List.of("given", "family"), List.of(),
                List.of("dob"), List.of("phone"), 4, false));
        Map<Long, Long> clusters = link(regular, List.of(
                RowFactory.create(1L, "jane", "doe", "+1101", null),
                RowFactory.create(2L, "jane", "doe", "+1101", null),
                RowFactory.create(3L, "jane", "doe", "+1202", null),
                RowFactory.create(4L, "jane", "doe", "+1202", null),               // each its own, again: apart
                RowFactory.create(5L, "joe", "roe", "+1303", null),
                RowFactory.create(6L, "joe", "roe", "+1303", null),
                RowFactory.create(7L, "joe", "roe", "+1404", null),                // another, but once: one person
                RowFactory.create(8L, "amy", "poe", "+1505", null),
                RowFactory.create(9L, "amy", "poe", "+1505", null),
                RowFactory.create(10L, "amy", "poe", "+1606", null),
                RowFactory.create(11L, "amy", "poe", "+1606", null),
                RowFactory.create(12L, "amy", "poe", "+1505", "1990-01-01")),      // shares one: one person
                1, 1, 2, 1, 3, 3, 4, 3, 5, 5, 6, 5, 7, 7, 8, 8, 9, 8, 10, 10, 11, 10, 12, 10);
        assertThat(clusters).isEqualTo(Map.ofEntries(Map.entry(1L, 1L), Map.entry(2L, 1L), Map.entry(3L, 3L),
                Map.entry(4L, 3L), Map.entry(5L, 5L), Map.entry(6L, 5L), Map.entry(7L, 5L), Map.entry(8L, 8L),
                Map.entry(9L, 8L), Map.entry(10L, 8L), Map.entry(11L, 8L), Map.entry(12L, 8L)));
        assertThatThrownBy(() -> new UniqueNames(List.of("given", "family"), List.of(), List.of("phone"),
                List.of("phone"), 4, false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phone");
    }

    @Test
    void typoKeysHoldTheNameAndItsDeletionsButOfTheFirstLetter() {
        assertThat(UniqueNameLinks.typoKeys(List.of("ann", "lee"))).containsExactly("ann lee");
        assertThat(UniqueNameLinks.typoKeys(List.of("hunter", "lee"))).containsExactlyInAnyOrder(
                "hunter lee", "hnter lee", "huter lee", "huner lee", "huntr lee", "hunte lee")
                .doesNotContain("unter lee");
        assertThat(UniqueNameLinks.typoKeys(List.of("alvarado", "isaac"))).contains("alvardo isaac", "alvarado isaac");
    }

    @Test
    void aFullNameHasTwoFieldsThatAreNotConflictFields() {
        assertThatThrownBy(() -> UniqueNames.of(List.of("given"), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two fields");
        assertThatThrownBy(() -> UniqueNames.of(List.of("given", "dob"), List.of(), List.of("dob")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dob");
        assertThatThrownBy(() -> new UniqueNames(List.of("given", "family"), List.of(), List.of(), List.of(), 21, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 to 20");
    }
}
