package dev.strata.transforms.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

class ConnectedComponentsTest {

    private final SparkSession spark = SparkTestSession.get();

    /** Never on the driver: the rounds, whatever the graph's size. */
    private static final ConnectedComponents DISTRIBUTED = new ConnectedComponents(200, 0);

    private Dataset<Row> edges(long[][] pairs) {
        List<Row> rows = new ArrayList<>();
        for (long[] p : pairs) {
            rows.add(RowFactory.create(p[0], p[1]));
        }
        StructType schema = new StructType().add("src", DataTypes.LongType).add("dst", DataTypes.LongType);
        return spark.createDataFrame(rows, schema);
    }

    private static Map<Long, Long> asMap(Dataset<Row> components) {
        Map<Long, Long> result = new TreeMap<>();
        for (Row row : components.collectAsList()) {
            assertThat(result.put(row.getLong(0), row.getLong(1))).as("node %s appears once", row.getLong(0)).isNull();
        }
        return result;
    }

    @Test
    void separateGroupsGetTheirSmallestId() {
        Dataset<Row> graph = edges(new long[][] {
                {5, 3}, {3, 9}, {9, 5}, {3, 3}, {5, 3},   // a triangle, a self loop and a repeated edge
                {20, 11}, {11, 14},                        // a path
                {7, 8}});
        Map<Long, Long> expected = Map.of(3L, 3L, 5L, 3L, 9L, 3L, 11L, 11L, 14L, 11L, 20L, 11L, 7L, 7L, 8L, 7L);
        assertThat(asMap(DISTRIBUTED.apply(graph).components())).isEqualTo(expected);
        ConnectedComponents.Result local = new ConnectedComponents().apply(graph);
        assertThat(local.rounds()).as("a small graph is solved on the driver").isZero();
        assertThat(asMap(local.components())).isEqualTo(expected);
    }

    @Test
    void aLongChainConvergesInFewRounds() {
        int n = 2000;
        long[][] chain = new long[n - 1][];
        for (int i = 0; i < n - 1; i++) {
            // ids shuffled along the chain so that the smallest is in the middle, the hard case for labels
            chain[i] = new long[] {(i * 7919L) % n + 1, ((i + 1) * 7919L) % n + 1};
        }
        ConnectedComponents.Result result = DISTRIBUTED.apply(edges(chain));
        Map<Long, Long> components = asMap(result.components());
        assertThat(components).hasSize(n);
        assertThat(components.values()).containsOnly(1L);
        assertThat(result.rounds()).isLessThan(40);
        assertThat(asMap(new ConnectedComponents().apply(edges(chain)).components())).isEqualTo(components);
    }

    @Test
    void aStarAroundALargeIdIsOneComponent() {
        long[][] star = new long[50][];
        for (int i = 0; i < 50; i++) {
            star[i] = new long[] {1000, i + 1};
        }
        assertThat(asMap(DISTRIBUTED.apply(edges(star)).components()).values()).hasSize(51).containsOnly(1L);
        assertThat(asMap(new ConnectedComponents().apply(edges(star)).components()).values()).hasSize(51)
                .containsOnly(1L);
    }

    @Test
    void onTheDriverAndInRoundsGiveTheSameComponentsOfRandomGraphs() {
        java.util.Random random = new java.util.Random(42);
        for (int graph = 0; graph < 3; graph++) {
            int nodes = 300 + graph * 200;
            long[][] pairs = new long[nodes * (graph + 1) / 2][];
            for (int i = 0; i < pairs.length; i++) {
                pairs[i] = new long[] {1 + random.nextInt(nodes), 1 + random.nextInt(nodes)};
            }
            Dataset<Row> edges = edges(pairs);
            assertThat(asMap(new ConnectedComponents().apply(edges).components()))
                    .isEqualTo(asMap(DISTRIBUTED.apply(edges).components()));
        }
    }

    @Test
    void refusesANonsenseBound() {
        assertThatThrownBy(() -> new ConnectedComponents(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxRounds must be at least 1, cannot be: 0");
        assertThatThrownBy(() -> new ConnectedComponents(5, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("localEdges cannot be negative: -1");
    }
}
