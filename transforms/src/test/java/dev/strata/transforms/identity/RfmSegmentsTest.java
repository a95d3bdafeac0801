package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.transforms.SparkTestSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class RfmSegmentsTest {

    private final SparkSession spark = SparkTestSession.get();

    private static final StructType SCHEMA = new StructType().add("customer", DataTypes.StringType)
            .add("days", DataTypes.IntegerType).add("orders", DataTypes.LongType)
            .add("spent", DataTypes.createDecimalType(12, 2));

    private static final RfmSegments RFM = new RfmSegments("days", "orders", "spent");

    private Dataset<Row> frame(List<Row> rows) {
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static Row customer(String id, Integer days, Long orders, Integer spent) {
        return RowFactory.create(id, days, orders, spent == null ? null : new java.math.BigDecimal(spent));
    }

    private static Map<String, String> scored(Dataset<Row> result) {
        Map<String, String> out = new TreeMap<>();
        result.select("customer", "r_score", "f_score", "m_score", "rfm_score", "segment").collectAsList()
                .forEach(r -> out.put(r.getString(0), r.toSeq().drop(1).mkString("|")));
        return out;
    }

    /**
     * Ten buyers: cut points are the 2nd, 4th, 6th and 8th smallest values (rank ceil(p * 10)).
     * Recency 1..10 → cuts 2, 4, 6, 8: days 1-2 score 5, 3-4 score 4, 5-6 3, 7-8 2, 9-10 1.
     * Orders 1,1,1,1,1,1,2,2,3,5 → cuts 1, 1, 1, 2: 1 order scores 1 (no cut below it), 2 orders 4
     * (three cuts below), 3 and 5 orders 5. Spent 10..100 → cuts 20, 40, 60, 80: 10-20 score 1 ... 90-100 5.
     * The two customers without purchases (recency 400 and spent 0 would move every cut) are left out.
     */
    @Test
    void scoresAndSegmentsOfAHandWorkedExample() {
        Dataset<Row> customers = frame(List.of(
                customer("b01", 1, 5L, 100), customer("b02", 2, 1L, 10), customer("b03", 3, 3L, 90),
                customer("b04", 4, 1L, 20), customer("b05", 5, 2L, 70), customer("b06", 6, 1L, 50),
                customer("b07", 7, 2L, 80), customer("b08", 8, 1L, 30), customer("b09", 9, 1L, 60),
                customer("b10", 10, 1L, 40), customer("n01", 400, 0L, 0), customer("n02", null, null, null)));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("b01", "5|5|5|555|Champions");            // fm 5
        expected.put("b02", "5|1|1|511|New Customers");        // fm 1
        expected.put("b03", "4|5|5|455|Champions");            // r 4, fm 5
        expected.put("b04", "4|1|1|411|Promising");
        expected.put("b05", "3|4|4|344|Loyal Customers");
        expected.put("b06", "3|1|3|313|About To Sleep");       // fm (1 + 3 + 1) / 2 = 2
        expected.put("b07", "2|4|4|244|At Risk");
        expected.put("b08", "2|1|2|212|Hibernating");          // fm 2 (1.5 rounded half up)
        expected.put("b09", "1|1|3|113|Lost");                 // fm 2
        expected.put("b10", "1|1|2|112|Lost");
        expected.put("n01", "null|null|null|null|No purchases");
        expected.put("n02", "null|null|null|null|No purchases");
        Dataset<Row> result = RFM.apply(customers);
        assertThat(scored(result)).containsExactlyInAnyOrderEntriesOf(expected);
        // the input columns are kept, the scores added after them
        assertThat(result.columns()).containsExactly("customer", "days", "orders", "spent", "r_score", "f_score",
                "m_score", "rfm_score", "segment");
        assertThat(result.schema().apply("r_score").dataType()).isEqualTo(DataTypes.IntegerType);
        assertThat(result.schema().apply("rfm_score").dataType()).isEqualTo(DataTypes.StringType);
    }

    @Test
    void equalValuesAlwaysGetEqualScoresAndBetterValuesNeverWorse() {
        Random random = new Random(5);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            // most customers have one order; recency and spend with many repeats
            long orders = random.nextInt(10) < 6 ? 1 : 1 + random.nextInt(6);
            rows.add(customer("c" + i, random.nextInt(30), random.nextInt(20) == 0 ? 0 : orders,
                    10 * random.nextInt(12)));
        }
        List<Row> result = RFM.apply(frame(rows).repartition(3)).collectAsList();
        Map<Integer, Set<Integer>> rByDays = new TreeMap<>();
        Map<Long, Set<Integer>> fByOrders = new TreeMap<>();
        Map<Integer, Set<Integer>> mBySpent = new TreeMap<>();
        int buyers = 0;
        for (Row r : result) {
            if (r.getLong(2) == 0) {
                assertThat(r.isNullAt(4) && r.isNullAt(5) && r.isNullAt(6) && r.isNullAt(7)).isTrue();
                assertThat(r.getString(8)).isEqualTo("No purchases");
                continue;
            }
            buyers++;
            rByDays.computeIfAbsent(r.getInt(1), k -> new TreeSet<>()).add(r.getInt(4));
            fByOrders.computeIfAbsent(r.getLong(2), k -> new TreeSet<>()).add(r.getInt(5));
            mBySpent.computeIfAbsent(r.getDecimal(3).intValue(), k -> new TreeSet<>()).add(r.getInt(6));
            assertThat(r.getString(7)).isEqualTo("" + r.getInt(4) + r.getInt(5) + r.getInt(6));
            assertThat(r.getString(8)).isEqualTo(RfmSegments.segment(r.getInt(4),
                    RfmSegments.fm(r.getInt(5), r.getInt(6))));
        }
        assertThat(buyers).isGreaterThan(500);
        for (Map<?, Set<Integer>> scores : List.of(rByDays, fByOrders, mBySpent)) {
            assertThat(scores.values()).allSatisfy(s -> assertThat(s).hasSize(1));
        }
        // fewer days is better; more orders and more spend are better
        assertThat(firstScores(rByDays)).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(firstScores(fByOrders)).isSorted();
        assertThat(firstScores(mBySpent)).isSorted();
        assertThat(firstScores(rByDays)).contains(1, 5);
        assertThat(firstScores(mBySpent)).contains(1, 5);
        // the 1-order majority all share the lowest frequency score
        assertThat(fByOrders.get(1L)).containsExactly(1);
    }

    private static List<Integer> firstScores(Map<?, Set<Integer>> byValue) {
        return byValue.values().stream().map(s -> s.iterator().next()).toList();
    }

    @Test
    void customersWithoutPurchasesOnly() {
        Dataset<Row> customers = frame(List.of(customer("a", 3, 0L, 0), customer("b", null, null, 12)));
        assertThat(scored(RFM.apply(customers)).values()).containsOnly("null|null|null|null|No purchases");
    }

    @Test
    void buyerWithoutARecencyHasNoRecencyScoreAndNoSegment() {
        Dataset<Row> customers = frame(List.of(customer("a", 3, 1L, 10), customer("b", 5, 2L, 20),
                customer("c", null, 4L, 30)));
        Map<String, String> scores = scored(RFM.apply(customers));
        // recency cuts from 3 and 5 only: 3, 3, 5, 5; orders 1, 2, 4: 1, 2, 2, 4; spent 10, 20, 30: 10, 20, 20, 30
        assertThat(scores.get("a")).isEqualTo("5|1|1|511|New Customers");
        assertThat(scores.get("b")).isEqualTo("3|2|2|322|About To Sleep");
        assertThat(scores.get("c")).isEqualTo("null|4|4|null|null");
    }

    @Test
    void emptyInputGivesEmptyOutputWithTheAddedColumns() {
        Dataset<Row> result = RFM.apply(frame(List.of()));
        assertThat(result.count()).isZero();
        assertThat(result.columns()).endsWith("r_score", "f_score", "m_score", "rfm_score", "segment");
        assertThat(result.schema().apply("segment").dataType()).isEqualTo(DataTypes.StringType);
    }

    @Test
    void everyCombinationOfRecencyAndFmHasExactlyOneSegmentAsDocumented() {
        // the scheme as the class documentation states it, one rule per segment
        Map<String, BiPredicate<Integer, Integer>> rules = new LinkedHashMap<>();
        rules.put("Champions", (r, fm) -> r == 5 && fm >= 4 || r == 4 && fm == 5);
        rules.put("Loyal Customers", (r, fm) -> (r == 3 || r == 4) && fm >= 4 && !(r == 4 && fm == 5));
        rules.put("Potential Loyalists", (r, fm) -> r >= 4 && (fm == 2 || fm == 3));
        rules.put("New Customers", (r, fm) -> r == 5 && fm == 1);
        rules.put("Promising", (r, fm) -> r == 4 && fm == 1);
        rules.put("Need Attention", (r, fm) -> r == 3 && fm == 3);
        rules.put("About To Sleep", (r, fm) -> r == 3 && fm <= 2);
        rules.put("Can't Lose Them", (r, fm) -> r == 1 && fm == 5);
        rules.put("At Risk", (r, fm) -> r <= 2 && fm >= 3 && !(r == 1 && fm == 5));
        rules.put("Hibernating", (r, fm) -> r == 2 && fm <= 2);
        rules.put("Lost", (r, fm) -> r == 1 && fm <= 2);

        List<Row> grid = new ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            for (int fm = 1; fm <= 5; fm++) {
                grid.add(RowFactory.create(r, fm));
            }
        }
        StructType schema = new StructType().add("r", DataTypes.IntegerType).add("fm", DataTypes.IntegerType);
        List<Row> segmented = spark.createDataFrame(grid, schema)
                .select(col("r"), col("fm"), RfmSegments.segment(col("r"), col("fm")).as("segment")).collectAsList();
        assertThat(segmented).hasSize(25);
        Map<String, Integer> cells = new HashMap<>();
        for (Row row : segmented) {
            int r = row.getInt(0);
            int fm = row.getInt(1);
            List<String> matching = rules.entrySet().stream().filter(e -> e.getValue().test(r, fm))
                    .map(Map.Entry::getKey).toList();
            assertThat(matching).as("r %d fm %d", r, fm).hasSize(1);
            assertThat(row.getString(2)).as("r %d fm %d", r, fm).isEqualTo(matching.get(0))
                    .isEqualTo(RfmSegments.segment(r, fm));
            cells.merge(matching.get(0), 1, Integer::sum);
        }
        assertThat(cells.keySet()).isEqualTo(rules.keySet().stream().collect(Collectors.toSet()));
        assertThat(cells).containsEntry("Champions", 3).containsEntry("Loyal Customers", 3)
                .containsEntry("Potential Loyalists", 4).containsEntry("At Risk", 5);
    }

    @Test
    void fmIsTheAverageRoundedHalfUp() {
        assertThat(RfmSegments.fm(1, 1)).isEqualTo(1);
        assertThat(RfmSegments.fm(1, 2)).isEqualTo(2);
        assertThat(RfmSegments.fm(4, 4)).isEqualTo(4);
        assertThat(RfmSegments.fm(4, 5)).isEqualTo(5);
        assertThat(RfmSegments.fm(1, 5)).isEqualTo(3);
        List<Row> rows = spark.createDataFrame(List.of(RowFactory.create(4, 5), RowFactory.create(1, 2),
                RowFactory.create(3, 3)), new StructType().add("f", DataTypes.IntegerType).add("m", DataTypes.IntegerType))
                .coalesce(1).select(RfmSegments.fm(col("f"), col("m"))).collectAsList();
        assertThat(rows).extracting(r -> r.getInt(0)).containsExactly(5, 2, 3);
    }

    @Test
    void inputIsValidated() {
        assertThatThrownBy(() -> RFM.apply(frame(List.of()).drop("orders")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orders")
                .hasMessageContaining("required: [days, orders, spent]");
        assertThatThrownBy(() -> RFM.apply(frame(List.of()).withColumn("spent", col("spent").cast("string"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spent must be numeric");
        assertThatThrownBy(() -> new RfmSegments("days", "days", "spent")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RfmSegments("days", null, "spent")).hasMessage("frequencyColumn is null");
        assertThatThrownBy(() -> RfmSegments.segment(0, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
