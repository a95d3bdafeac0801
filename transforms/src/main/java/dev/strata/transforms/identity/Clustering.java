package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import dev.strata.transforms.identity.IdentityResolver.Comparison;
import dev.strata.transforms.spark.Checkpoints;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The cluster phase: connected components over the links, the components holding records in conflict split
 * ({@link ResolutionPlan#conflicts}, or two records of one data set in a linkage), then the clusters that alone
 * hold a full name linked ({@link ResolutionPlan#uniqueNames}).
 */
final class Clustering {

    /** The clusters ({@code record_id, cluster_id}, the smallest record id) and the components' rounds. */
    record Clusters(Dataset<Row> clusters, int componentRounds) {
    }

    private final ResolutionPlan plan;
    private final PairComparison comparison;

    Clustering(ResolutionPlan plan, PairComparison comparison) {
        this.plan = Objects.requireNonNull(plan, "plan is null");
        this.comparison = Objects.requireNonNull(comparison, "comparison is null");
    }

    /**
     * The clusters of {@code records} linked by {@code edges} ({@code src, dst, strength}), {@code scored} being
     * the compared pairs with their levels.
     */
    Clusters apply(Dataset<Row> records, Dataset<Row> edges, Dataset<Row> scored) {
        ConnectedComponents.Result components = new ConnectedComponents().apply(edges.select("src", "dst"));
        Dataset<Row> linked = components.components();
        if (!plan.conflicts().isEmpty() || plan.linkAcross().isPresent()) {
            linked = separateConflicts(linked.transform(Checkpoints.CUT), edges, records, scored.where(conflict()));
        }
        Dataset<Row> clusters = records.select(col("record_id"))
                .join(linked, records.col("record_id").equalTo(linked.col("node")), "left")
                .select(col("record_id"), coalesce(col("component"), col("record_id")).as("cluster_id"));
        if (plan.uniqueNames().isPresent()) {
            clusters = new UniqueNameLinks(plan.uniqueNames().get()).apply(clusters.transform(Checkpoints.CUT),
                    records);
        }
        return new Clusters(clusters.transform(Checkpoints.CUT), components.rounds());
    }

    /** Components above this size are split on the conflicts among their compared pairs only. */
    private static final long MAX_CHECKED_COMPONENT = 500;

    /**
     * Splits the components that hold records in conflict: every pair of records within a component (up to
     * {@link #MAX_CHECKED_COMPONENT} records; beyond, the pairs compared) is checked on the conflict fields.
     */
    private Dataset<Row> separateConflicts(Dataset<Row> components, Dataset<Row> edges, Dataset<Row> records,
            Dataset<Row> comparedConflicts) {
        Dataset<Row> sizes = components.groupBy(col("component").as("c")).agg(count(lit(1)).as("size"))
                .where(col("size").geq(3));
        Dataset<Row> members = components.join(sizes, col("component").equalTo(col("c")))
                .where(col("size").leq(MAX_CHECKED_COMPONENT)).select(col("node"), col("component"));
        Dataset<Row> within = members.select(col("node").as("id_l"), col("component"))
                .join(members.select(col("node").as("id_r"), col("component")), "component")
                .where(col("id_l").lt(col("id_r"))).select(col("id_l"), col("id_r"));
        List<Comparison> checked = plan.comparisons().stream().filter(c -> plan.conflicts().contains(c.field())).toList();
        Dataset<Row> inConflict = comparison.levels(within, records, checked).where(conflict()).select(col("id_l"), col("id_r"));
        if (plan.linkAcross().isPresent()) {
            // two records of one data set are two entities
            String source = plan.linkAcross().get();
            Dataset<Row> sources = records.select(col("record_id"), col(source).as("strata_source"));
            inConflict = within.join(sources.toDF("id_l", "s_l"), "id_l").join(sources.toDF("id_r", "s_r"), "id_r")
                    .where(col("s_l").equalTo(col("s_r"))).select(col("id_l"), col("id_r")).union(inConflict);
        }
        Dataset<Row> found = inConflict
                .union(comparedConflicts.select(col("id_l"), col("id_r"))).distinct().transform(Checkpoints.CUT);
        Dataset<Row> split = ConstrainedClustering.split(components, edges, found);
        return components.join(split, "node", "left")
                .select(col("node"), coalesce(col("cluster"), col("component")).as("component"));
    }

    /** True when a conflict field's comparison is at its lowest level (both values there and different). */
    Column conflict() {
        Column any = lit(false);
        for (Comparison c : plan.comparisons()) {
            if (plan.conflicts().contains(c.field())) {
                any = any.or(col(IdentityResolver.levelColumn(c)).equalTo(0));
            }
        }
        return any;
    }
}
