package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.arrays_overlap;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Links two clusters that are the only two holding a full name, unless they disagree on a field that tells
 * people apart. Records with nothing but a name and a card (in-store orders), a second web account under
 * a made-up address, or a contact with another email of the same person end up in clusters of their own
 * when no comparison pairs them; a name that only one other cluster holds joins them. A full name three or
 * more clusters hold links nothing: which one it belongs to is unknown. The name is compared without regard
 * to the order of its parts, so a record with first and last names swapped still counts.
 *
 * <p>With {@code evidence} fields, at least one of the two clusters must hold no value of any of them: it
 * has nothing but names (and identifiers outside that list) to be linked by. Two clusters <em>conflict</em> when, for one of the {@code conflicts} fields (date of birth, say), both
 * hold values and share none. Input: clusters ({@code record_id, cluster_id}, the cluster id being its
 * smallest record id) and the records with the name and conflict fields; output: the same clusters with
 * the linked ones merged under the smaller cluster id (chains are closed by connected components).
 */
public final class UniqueNameLinks {

    private final List<String> names;
    private final List<String> evidence;
    private final List<String> conflicts;

    /**
     * @param names the fields of a full name
     * @param evidence fields of which at least one of the two clusters must hold no value (empty: no such
     *     condition)
     * @param conflicts fields on which the two clusters must not disagree
     */
    public UniqueNameLinks(List<String> names, List<String> evidence, List<String> conflicts) {
        this.names = List.copyOf(Objects.requireNonNull(names, "names is null"));
        this.evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence is null"));
        this.conflicts = List.copyOf(Objects.requireNonNull(conflicts, "conflicts is null"));
        if (names.size() < 2) {
            throw new IllegalArgumentException("a full name has at least two fields, cannot be: " + names);
        }
        for (String field : names) {
            if (conflicts.contains(field)) {
                throw new IllegalArgumentException("a name field cannot also be a conflict field: " + field);
            }
        }
    }

    /** The clusters, those linked by a unique full name merged. */
    public Dataset<Row> apply(Dataset<Row> clusters, Dataset<Row> records) {
        List<Column> fields = new ArrayList<>();
        fields.add(col("record_id"));
        names.forEach(n -> fields.add(col(n)));
        conflicts.forEach(c -> fields.add(col(c)));
        Dataset<Row> joined = clusters.join(records.select(fields.toArray(Column[]::new)), "record_id");

        Column fullName = lit(true);
        for (String n : names) {
            fullName = fullName.and(col(n).isNotNull());
        }
        // the name's parts in sorted order: "jane doe" and "doe jane" are one name
        Column key = concat_ws(" ", array_sort(array(names.stream().map(n -> col(n).cast("string"))
                .toArray(Column[]::new))));
        Dataset<Row> named = joined.where(fullName).select(col("cluster_id"), key.as("name")).distinct();
        Dataset<Row> twice = named.groupBy(col("name")).agg(countDistinct(col("cluster_id")).as("clusters"),
                min(col("cluster_id")).as("a"), max(col("cluster_id")).as("b")).where(col("clusters").equalTo(2));

        List<Column> valueSets = new ArrayList<>();
        for (String c : conflicts) {
            valueSets.add(collect_set(col(c)).as("set_" + c));
        }
        Dataset<Row> candidates = twice.select(col("a"), col("b"));
        if (!evidence.isEmpty()) {
            // at least one of the two must hold none of the evidence fields: it has nothing else to go by
            Column any = lit(false);
            for (String e : evidence) {
                any = any.or(col(e).isNotNull());
            }
            Dataset<Row> bare = clusters.join(records.select(evidenceColumns()), "record_id")
                    .groupBy(col("cluster_id")).agg(max(when(any, lit(1)).otherwise(lit(0))).as("held"));
            candidates = candidates.join(bare.select(col("cluster_id").as("a"), col("held").as("a_held")), "a")
                    .join(bare.select(col("cluster_id").as("b"), col("held").as("b_held")), "b")
                    .where(col("a_held").equalTo(0).or(col("b_held").equalTo(0))).select(col("a"), col("b"));
        }
        if (!valueSets.isEmpty()) {
            Dataset<Row> sets = joined.groupBy(col("cluster_id")).agg(valueSets.get(0),
                    valueSets.subList(1, valueSets.size()).toArray(Column[]::new));
            Dataset<Row> setsA = sets.select(prefixed(sets, "a_"));
            Dataset<Row> setsB = sets.select(prefixed(sets, "b_"));
            Column conflict = lit(false);
            for (String c : conflicts) {
                Column left = col("a_set_" + c);
                Column right = col("b_set_" + c);
                conflict = conflict.or(size(left).gt(0).and(size(right).gt(0)).and(not(arrays_overlap(left, right))));
            }
            candidates = candidates.join(setsA, col("a").equalTo(col("a_cluster_id")))
                    .join(setsB, col("b").equalTo(col("b_cluster_id"))).where(not(conflict)).select(col("a"), col("b"));
        }
        Dataset<Row> edges = candidates.select(col("a").as("src"), col("b").as("dst")).distinct().localCheckpoint(true);
        Dataset<Row> merged = new ConnectedComponents().apply(edges).components();
        return clusters.join(merged, clusters.col("cluster_id").equalTo(merged.col("node")), "left")
                .select(col("record_id"), coalesce(col("component"), col("cluster_id")).as("cluster_id"));
    }

    private Column[] evidenceColumns() {
        List<Column> out = new ArrayList<>(List.of(col("record_id")));
        evidence.forEach(e -> out.add(col(e)));
        return out.toArray(Column[]::new);
    }

    private static Column[] prefixed(Dataset<Row> data, String prefix) {
        return java.util.Arrays.stream(data.columns()).map(c -> col(c).as(prefix + c)).toArray(Column[]::new);
    }
}
