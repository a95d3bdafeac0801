package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;

import dev.strata.transforms.spark.Checkpoints;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Connected components of an undirected graph on the Dataset API, by alternating the large-star and
 * small-star operations (Kiveris et al., "Connected Components in MapReduce and Beyond", SoCC 2014):
 * each round makes every node point closer to the smallest id of its component, and a chain of n nodes
 * needs O(log n) rounds rather than the n rounds of plain min-label propagation; lineage is cut every round.
 * A graph of at most {@code localEdges} distinct edges is solved on the driver instead, by union-find in one
 * pass (same result: every node with the smallest id of its component), which spares a small graph the
 * several Spark jobs of each round.
 *
 * <p>Input: edges with two {@code long} columns {@code src} and {@code dst} (self loops and duplicates
 * allowed). Output: {@code node, component} for every node that has an edge, where {@code component} is
 * the smallest node id of its component. Nodes without edges are the caller's to add (as their own
 * component).
 */
public final class ConnectedComponents {

    /** Graphs up to this many distinct edges are solved on the driver (about 50 MB of it at the most). */
    public static final long LOCAL_EDGES = 500_000;

    private final int maxRounds;
    private final long localEdges;

    /**
     * @param maxRounds a bound on the rounds, reached only by a bug or an absurd graph
     * @param localEdges graphs with at most this many distinct edges are solved on the driver (0: never)
     */
    public ConnectedComponents(int maxRounds, long localEdges) {
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds must be at least 1, cannot be: " + maxRounds);
        }
        if (localEdges < 0) {
            throw new IllegalArgumentException("localEdges cannot be negative: " + localEdges);
        }
        this.maxRounds = maxRounds;
        this.localEdges = localEdges;
    }

    public ConnectedComponents(int maxRounds) {
        this(maxRounds, LOCAL_EDGES);
    }

    public ConnectedComponents() {
        this(200);
    }

    /** The result: node to component, and the rounds it took (0 when solved on the driver). */
    public record Result(Dataset<Row> components, int rounds) {

        public Result {
            Objects.requireNonNull(components, "components is null");
        }
    }

    public Result apply(Dataset<Row> edges) {
        Objects.requireNonNull(edges, "edges is null");
        // each undirected edge once, as (u, v) with u > v; self loops carry no information
        Dataset<Row> current = edges.select(greatest(col("src"), col("dst")).as("u"), least(col("src"), col("dst")).as("v"))
                .where(col("u").notEqual(col("v")))
                .distinct()
                .transform(Checkpoints.CUT);
        if (localEdges > 0 && current.count() <= localEdges) {
            return new Result(onTheDriver(current), 0);
        }
        int rounds = 0;
        while (true) {
            if (rounds == maxRounds) {
                throw new IllegalStateException("connected components did not converge in " + maxRounds + " rounds");
            }
            rounds++;
            Dataset<Row> next = smallStar(largeStar(current)).transform(Checkpoints.CUT);
            boolean unchanged = next.count() == current.count() && next.except(current).isEmpty();
            current = next;
            if (unchanged) {
                break;
            }
        }
        // converged: every edge joins a node (u) to the smallest id of its component (v)
        Dataset<Row> members = current.select(col("u").as("node"), col("v").as("component"));
        Dataset<Row> roots = current.select(col("v").as("node"), col("v").as("component"));
        return new Result(members.union(roots).distinct(), rounds);
    }

    /**
     * Union-find over the collected edges (u, v), each root the smallest id of its set: every node with the
     * smallest id of its component, as the rounds would give.
     */
    private static Dataset<Row> onTheDriver(Dataset<Row> edges) {
        java.util.Map<Long, Long> parent = new java.util.HashMap<>();
        for (Row edge : edges.collectAsList()) {
            long a = root(parent, edge.getLong(0));
            long b = root(parent, edge.getLong(1));
            if (a != b) {
                parent.put(Math.max(a, b), Math.min(a, b));
            }
        }
        java.util.List<Row> out = new java.util.ArrayList<>(parent.size());
        for (long node : parent.keySet()) {
            out.add(org.apache.spark.sql.RowFactory.create(node, root(parent, node)));
        }
        org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
                .add("node", org.apache.spark.sql.types.DataTypes.LongType, false)
                .add("component", org.apache.spark.sql.types.DataTypes.LongType, false);
        org.apache.spark.api.java.JavaSparkContext context = org.apache.spark.api.java.JavaSparkContext
                .fromSparkContext(edges.sparkSession().sparkContext());
        int slices = Math.max(1, Math.min(context.defaultParallelism(), out.size() / 10_000 + 1));
        return edges.sparkSession().createDataFrame(context.parallelize(out, slices), schema);
    }

    /** The root of a node's set (a new node is its own), halving the path on the way. */
    private static long root(java.util.Map<Long, Long> parent, long node) {
        long at = node;
        Long up = parent.putIfAbsent(at, at);
        while (up != null && up != at) {
            Long grand = parent.get(up);
            parent.put(at, grand);
            at = up;
            up = grand;
        }
        return at;
    }

    /**
     * Large star: every node connects its larger neighbours to the smallest id among itself and its
     * neighbours. Edges arrive and leave as (u, v) with u > v.
     */
    static Dataset<Row> largeStar(Dataset<Row> edges) {
        Dataset<Row> both = edges.select(col("u").as("node"), col("v").as("neighbour"))
                .union(edges.select(col("v").as("node"), col("u").as("neighbour")));
        Dataset<Row> smallest = both.groupBy(col("node")).agg(min(col("neighbour")).as("m"))
                .select(col("node").as("n"), least(col("node"), col("m")).as("m"));
        return both.join(smallest, both.col("node").equalTo(smallest.col("n")))
                .where(col("neighbour").gt(col("node")))
                .select(col("neighbour").as("u"), col("m").as("v"))
                .where(col("u").notEqual(col("v")))
                .distinct();
    }

    /**
     * Small star: every node connects itself and its smaller neighbours to the smallest id among them.
     * Edges arrive and leave as (u, v) with u > v.
     */
    static Dataset<Row> smallStar(Dataset<Row> edges) {
        Dataset<Row> smallest = edges.groupBy(col("u")).agg(min(col("v")).as("m"))
                .select(col("u").as("n"), col("m"));
        Dataset<Row> joined = edges.join(smallest, edges.col("u").equalTo(smallest.col("n")));
        Dataset<Row> neighbours = joined.select(col("v").as("a"), col("m").as("b"));
        Dataset<Row> self = joined.select(col("u").as("a"), col("m").as("b"));
        return neighbours.union(self)
                .select(greatest(col("a"), col("b")).as("u"), least(col("a"), col("b")).as("v"))
                .where(col("u").notEqual(col("v")))
                .distinct();
    }
}
