package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.transforms.SparkTestSession;
import java.util.ArrayList;
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

class StableIdsTest {

    private final SparkSession spark = SparkTestSession.get();
    private final StableIds ids = new StableIds(spark);

    private Dataset<Row> pairs(String a, String b, long... values) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i += 2) {
            rows.add(RowFactory.create(values[i], values[i + 1]));
        }
        return spark.createDataFrame(rows, new StructType().add(a, DataTypes.LongType).add(b, DataTypes.LongType));
    }

    private Dataset<Row> clusters(long... values) {
        return pairs("record_id", "cluster_id", values);
    }

    private Dataset<Row> previous(long... values) {
        return pairs("record_id", "customer_id", values);
    }

    private static Map<Long, Long> xref(StableIds.Assignment a) {
        Map<Long, Long> out = new TreeMap<>();
        a.xref().collectAsList().forEach(r -> out.put(r.getLong(0), r.getLong(1)));
        return out;
    }

    private static List<String> events(StableIds.Assignment a) {
        return a.events().orderBy(col("customer_id")).collectAsList().stream()
                .map(r -> r.getLong(0) + " " + r.getString(1) + " " + (r.isNullAt(2) ? "-" : r.getLong(2)) + " "
                        + r.getLong(3)).toList();
    }

    @Test
    void theFirstRunNumbersClustersInOrder() {
        StableIds.Assignment a = ids.assign(clusters(1, 1, 2, 1, 3, 3, 4, 4, 5, 4), previous(), 1);
        assertThat(xref(a)).isEqualTo(Map.of(1L, 1L, 2L, 1L, 3L, 2L, 4L, 3L, 5L, 3L));
        assertThat(events(a)).containsExactly("1 created - 2", "2 created - 1", "3 created - 2");
    }

    @Test
    void aNewRecordJoinsItsClusterAndAMergeKeepsTheOldestId() {
        // before: {1,2} -> 1, {3} -> 2, {4,5} -> 3; now 6 is new and links 3 to 1
        StableIds.Assignment a = ids.assign(clusters(1, 1, 2, 1, 3, 1, 6, 1, 4, 4, 5, 4, 7, 7),
                previous(1, 1, 2, 1, 3, 2, 4, 3, 5, 3), 4);
        assertThat(xref(a)).isEqualTo(Map.of(1L, 1L, 2L, 1L, 3L, 1L, 6L, 1L, 4L, 3L, 5L, 3L, 7L, 4L));
        assertThat(events(a)).containsExactly("2 merged 1 1", "4 created - 1");
    }

    @Test
    void aSplitGetsANewIdAndAnIdIsNeverReused() {
        // before: 1..4 -> 5, 7 -> 6; now {1,2,3} and {4}; 7 is gone; ids up to 8 were handed out already
        StableIds.Assignment a = ids.assign(clusters(1, 1, 2, 1, 3, 1, 4, 4), previous(1, 5, 2, 5, 3, 5, 4, 5, 7, 6), 9);
        assertThat(xref(a)).isEqualTo(Map.of(1L, 5L, 2L, 5L, 3L, 5L, 4L, 9L));
        assertThat(events(a)).containsExactly("6 retired - 1", "9 split 5 1");
    }

    @Test
    void aTieGoesToTheSmallestClusterAndTheRestIsDeterministic() {
        // old id 1 has two records in cluster 10 and two in cluster 20: cluster 10 keeps it
        StableIds.Assignment a = ids.assign(clusters(1, 10, 2, 10, 3, 20, 4, 20), previous(1, 1, 2, 1, 3, 1, 4, 1), 2);
        assertThat(xref(a)).isEqualTo(Map.of(1L, 1L, 2L, 1L, 3L, 2L, 4L, 2L));
        assertThat(events(a)).containsExactly("2 split 1 2");
    }

    @Test
    void manyNewClustersGetConsecutiveIdsWhateverThePartitioning() {
        List<Long> values = new ArrayList<>();
        for (long r = 1; r <= 3000; r++) {
            values.add(r);
            values.add(((r - 1) / 3) * 3 + 1);   // clusters of three: 1, 4, 7, ...
        }
        long[] flat = values.stream().mapToLong(Long::longValue).toArray();
        Dataset<Row> c = clusters(flat);
        Map<Long, Long> one = xref(ids.assign(c.repartition(1), previous(), 100));
        Map<Long, Long> many = xref(ids.assign(c.repartition(7, col("record_id")), previous(), 100));
        assertThat(many).isEqualTo(one);
        for (long r = 1; r <= 3000; r++) {
            assertThat(one.get(r)).isEqualTo(100 + (r - 1) / 3);
        }
    }
}
