package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Splits connected components that hold records known to be different people (cannot-link pairs): within
 * such a component, links are taken strongest first (links that must hold, such as a shared card or an
 * earlier run's cluster, before all others) and two groups are merged only when no record of one conflicts
 * with a record of the other, so a weak link through a record with few values (a sign-up with no name on
 * a couple's shared email) cannot glue two people together. Each component is settled on one executor; a
 * component is one entity or a few, so this stays small whatever the size of the data.
 */
final class ConstrainedClustering {

    /** The strength of a link that must hold. */
    static final double MUST = Double.MAX_VALUE;

    private ConstrainedClustering() {
    }

    /**
     * @param components {@code node, component} as {@link ConnectedComponents} gives them
     * @param edges {@code src, dst, strength} (the links the components were made of)
     * @param conflicts {@code id_l, id_r} pairs of records that must not share a cluster
     * @return {@code node, cluster} for the nodes of the components that hold a conflict (the cluster is the
     *     smallest node of its group); the other components are good as they are
     */
    static Dataset<Row> split(Dataset<Row> components, Dataset<Row> edges, Dataset<Row> conflicts) {
        // only conflicts within a component matter (records of two components are not linked anyway)
        Dataset<Row> left = components.select(col("node").as("id_l"), col("component"));
        Dataset<Row> right = components.select(col("node").as("id_r"), col("component"));
        Dataset<Row> conflicted = conflicts.join(left, "id_l").join(right,
                scala.collection.JavaConverters.asScalaBuffer(List.of("id_r", "component")).toSeq())
                .select(col("component"), col("id_l").as("a"), col("id_r").as("b"));
        Dataset<Row> affected = conflicted.select(col("component").as("c")).distinct();
        Dataset<Row> links = edges.join(components, edges.col("src").equalTo(components.col("node")))
                .join(affected, col("component").equalTo(col("c")))
                .select(col("component"), lit(0).as("kind"), col("src").as("a"), col("dst").as("b"),
                        col("strength"));
        Dataset<Row> items = links.union(conflicted.select(col("component"), lit(1).as("kind"), col("a"), col("b"),
                lit(0.0).as("strength")));
        Dataset<Tuple2<Long, Long>> settled = items
                .groupByKey((MapFunction<Row, Long>) r -> r.getLong(0), Encoders.LONG())
                .flatMapGroups((FlatMapGroupsFunction<Long, Row, Tuple2<Long, Long>>) ConstrainedClustering::settle,
                        Encoders.tuple(Encoders.LONG(), Encoders.LONG()));
        return settled.toDF("node", "cluster");
    }

    /** Greedy merging of one component; returns every node with its cluster (the group's smallest node). */
    static Iterator<Tuple2<Long, Long>> settle(Long component, Iterator<Row> rows) {
        List<long[]> links = new ArrayList<>();
        List<Double> strengths = new ArrayList<>();
        Map<Long, Set<Long>> enemies = new HashMap<>();
        UnionFind groups = new UnionFind();
        while (rows.hasNext()) {
            Row r = rows.next();
            long a = r.getLong(2);
            long b = r.getLong(3);
            groups.add(a);
            groups.add(b);
            if (r.getInt(1) == 0) {
                links.add(new long[] {a, b});
                strengths.add(r.getDouble(4));
            } else {
                enemies.computeIfAbsent(a, k -> new HashSet<>()).add(b);
                enemies.computeIfAbsent(b, k -> new HashSet<>()).add(a);
            }
        }
        Integer[] order = new Integer[links.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // strongest first; ties by the records' ids, so the result does not depend on the row order
        java.util.Arrays.sort(order, (x, y) -> {
            int c = Double.compare(strengths.get(y), strengths.get(x));
            if (c != 0) {
                return c;
            }
            c = Long.compare(links.get(x)[0], links.get(y)[0]);
            return c != 0 ? c : Long.compare(links.get(x)[1], links.get(y)[1]);
        });
        // per group root: the records its members conflict with
        Map<Long, Set<Long>> groupEnemies = new HashMap<>();
        enemies.forEach((node, set) -> groupEnemies.put(node, new HashSet<>(set)));
        for (int i : order) {
            long ra = groups.find(links.get(i)[0]);
            long rb = groups.find(links.get(i)[1]);
            if (ra == rb) {
                continue;
            }
            boolean must = strengths.get(i) >= MUST;
            if (!must && (conflicts(groups, groupEnemies.get(ra), rb) || conflicts(groups, groupEnemies.get(rb), ra))) {
                continue;
            }
            long root = groups.union(ra, rb);
            Set<Long> merged = new HashSet<>();
            if (groupEnemies.containsKey(ra)) {
                merged.addAll(groupEnemies.remove(ra));
            }
            if (groupEnemies.containsKey(rb)) {
                merged.addAll(groupEnemies.remove(rb));
            }
            if (!merged.isEmpty()) {
                groupEnemies.put(root, merged);
            }
        }
        List<Tuple2<Long, Long>> out = new ArrayList<>();
        for (long node : groups.nodes()) {
            out.add(new Tuple2<>(node, groups.find(node)));
        }
        return out.iterator();
    }

    private static boolean conflicts(UnionFind groups, Set<Long> enemies, long otherRoot) {
        if (enemies == null) {
            return false;
        }
        for (long enemy : enemies) {
            if (groups.find(enemy) == otherRoot) {
                return true;
            }
        }
        return false;
    }

    /** Union–find whose root is always the smallest node of its group. */
    private static final class UnionFind {

        private final Map<Long, Long> parent = new HashMap<>();

        void add(long node) {
            parent.putIfAbsent(node, node);
        }

        Set<Long> nodes() {
            return parent.keySet();
        }

        long find(long node) {
            long root = node;
            while (parent.get(root) != root) {
                root = parent.get(root);
            }
            long at = node;
            while (at != root) {
                long next = parent.get(at);
                parent.put(at, root);
                at = next;
            }
            return root;
        }

        long union(long a, long b) {
            long ra = find(a);
            long rb = find(b);
            long root = Math.min(ra, rb);
            parent.put(Math.max(ra, rb), root);
            return root;
        }
    }
}
