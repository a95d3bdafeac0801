package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.udf;

import dev.strata.transforms.spark.Checkpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.Encoders;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import scala.Tuple2;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * Links clusters that share a full name no other cluster holds, unless they disagree on a field that tells
 * people apart. Records with nothing but a name and a card (in-store orders), a second web account under
 * a made-up address, or a contact with another email of the same person end up in clusters of their own
 * when no comparison pairs them; the few clusters holding a rare name are one person's when nothing says
 * otherwise. The name is compared without regard to the order of its parts, so a record with first and
 * last names swapped still counts, and optionally with one typo in one part.
 *
 * <p>Per name held by two to {@code maxClusters} clusters: two clusters are <em>compatible</em> unless, for
 * one of the {@code conflicts} fields (date of birth, phone...), both hold values and share none, or, for
 * one of the {@code regularConflicts} fields (email), both hold a value on two or more of their records and
 * share none (and, with {@code evidence} fields, unless both hold some of them). A cluster compatible with two clusters that are
 * not compatible with each other is <em>ambiguous</em> (a bare in-store order of one of two namesakes):
 * it is linked to none. Compatible clusters that are not ambiguous are linked. A name more clusters hold
 * links nothing: which one a record belongs to is unknown.
 *
 * <p>Input: clusters ({@code record_id, cluster_id}, the cluster id being its smallest record id) and the
 * records with the name and conflict fields; output: the same clusters with the linked ones merged under
 * the smaller cluster id (chains are closed by connected components).
 */
public final class UniqueNameLinks {

    private final List<String> names;
    private final List<String> evidence;
    private final List<String> conflicts;
    private final List<String> regularConflicts;
    private final int maxClusters;
    private final boolean typos;

    /** The links {@code settings} (a spec's {@code unique_names:}) make. */
    public UniqueNameLinks(UniqueNames settings) {
        Objects.requireNonNull(settings, "settings is null");
        this.names = settings.names();
        this.evidence = settings.whenOneLacksAll();
        this.conflicts = settings.apartWhenDifferent();
        this.regularConflicts = settings.apartWhenRegularDifferent();
        this.maxClusters = settings.maxCustomers();
        this.typos = settings.typos();
    }

    /** How many of a cluster's records must hold a value for it to be the cluster's regular value. */
    static final int REGULAR_USES = 2;

    /** The clusters, those linked by a unique full name merged. */
    public Dataset<Row> apply(Dataset<Row> clusters, Dataset<Row> records) {
        List<Column> fields = new ArrayList<>();
        fields.add(col("record_id"));
        names.forEach(n -> fields.add(col(n)));
        conflicts.forEach(c -> fields.add(col(c).cast("string").as(c)));
        regularConflicts.forEach(c -> fields.add(col(c).cast("string").as(c)));
        evidence.forEach(e -> fields.add(col(e).isNotNull().as("held_" + e)));
        Dataset<Row> joined = clusters.join(records.select(fields.toArray(Column[]::new)), "record_id");

        Column fullName = lit(true);
        for (String n : names) {
            fullName = fullName.and(col(n).isNotNull());
        }
        // the name's parts in sorted order: "jane doe" and "doe jane" are one name; with typos, a name also
        // stands for its one-letter deletions
        Column parts = array(names.stream().map(n -> col(n).cast("string")).toArray(Column[]::new));
        Column keys = typos
                ? udf((UDF1<Seq<String>, List<String>>) p -> typoKeys(JavaConverters.seqAsJavaList(p)),
                        DataTypes.createArrayType(DataTypes.StringType)).apply(parts)
                : array(concat_ws(" ", array_sort(parts)));
        Dataset<Row> named = joined.where(fullName).select(col("cluster_id"), explode(keys).as("name")).distinct();
        // the clusters holding a name, when they are few
        Dataset<Row> groups = named.groupBy(col("name")).agg(countDistinct(col("cluster_id")).as("clusters"))
                .where(col("clusters").between(2, maxClusters)).select(col("name"));
        Dataset<Row> members = named.join(groups, "name");

        // per cluster: the values it holds of each conflict field, and whether it holds any evidence field
        List<Column> aggregates = new ArrayList<>();
        for (String c : conflicts) {
            aggregates.add(collect_set(col(c)).as("set_" + c));
        }
        Column held = lit(false);
        for (String e : evidence) {
            held = held.or(col("held_" + e));
        }
        aggregates.add(max(when(held, lit(1)).otherwise(lit(0))).as("held"));
        Dataset<Row> involved = joined.join(members.select(col("cluster_id")).distinct(), "cluster_id");
        Dataset<Row> profiles = involved.groupBy(col("cluster_id")).agg(aggregates.get(0),
                aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
        for (String c : regularConflicts) {
            // the values of the field and whether one of them is used on enough of the cluster's records
            Dataset<Row> uses = involved.where(col(c).isNotNull()).groupBy(col("cluster_id"), col(c))
                    .agg(count(lit(1)).as("uses")).groupBy(col("cluster_id"))
                    .agg(collect_set(col(c)).as("set_" + c),
                            max(col("uses")).geq(REGULAR_USES).as("regular_" + c));
            profiles = profiles.join(uses, JavaConverters.asScalaBuffer(List.of("cluster_id")).toSeq(), "left");
        }
        Dataset<Row> grouped = members.join(profiles, "cluster_id");
        List<String> columns = List.of(grouped.columns());
        int nameAt = columns.indexOf("name");
        int idAt = columns.indexOf("cluster_id");
        int heldAt = columns.indexOf("held");
        int[] setsAt = conflicts.stream().mapToInt(c -> columns.indexOf("set_" + c)).toArray();
        int[] regularSetsAt = regularConflicts.stream().mapToInt(c -> columns.indexOf("set_" + c)).toArray();
        int[] regularAt = regularConflicts.stream().mapToInt(c -> columns.indexOf("regular_" + c)).toArray();
        boolean needsBare = !evidence.isEmpty();
        Dataset<Row> edges = grouped
                .groupByKey((MapFunction<Row, String>) r -> r.getString(nameAt), Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Row, Tuple2<Long, Long>>) (name, rows) -> {
                    List<Holder> holders = new ArrayList<>();
                    rows.forEachRemaining(r -> {
                        List<List<String>> sets = new ArrayList<>();
                        List<Boolean> active = new ArrayList<>();
                        for (int at : setsAt) {
                            sets.add(r.getList(at));
                            active.add(!r.getList(at).isEmpty());
                        }
                        for (int k = 0; k < regularSetsAt.length; k++) {
                            boolean regular = !r.isNullAt(regularAt[k]) && r.getBoolean(regularAt[k]);
                            sets.add(regular ? r.getList(regularSetsAt[k]) : List.of());
                            active.add(regular);
                        }
                        holders.add(new Holder(r.getLong(idAt), sets, active, r.getInt(heldAt) == 1));
                    });
                    return links(holders, needsBare).iterator();
                }, Encoders.tuple(Encoders.LONG(), Encoders.LONG()))
                .toDF("src", "dst").distinct().transform(Checkpoints.CUT);
        Dataset<Row> merged = new ConnectedComponents().apply(edges).components();
        return clusters.join(merged, clusters.col("cluster_id").equalTo(merged.col("node")), "left")
                .select(col("record_id"), coalesce(col("component"), col("cluster_id")).as("cluster_id"));
    }

    /** Parts of four letters or more also stand for their one-letter deletions (but of the first letter). */
    private static final int TYPO_MIN_LENGTH = 4;

    /**
     * The keys of a full name that a typo in one of its parts keeps: the name itself and, for each part of
     * {@value #TYPO_MIN_LENGTH} letters or more, the name with one of that part's letters (but the first)
     * deleted. Two names one letter inserted, deleted, replaced or two swapped apart in one part share a key;
     * the parts of each key are sorted, so a name with its parts swapped shares them too.
     */
    static List<String> typoKeys(List<String> parts) {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        keys.add(sortedKey(parts));
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.length() < TYPO_MIN_LENGTH) {
                continue;
            }
            for (int at = 1; at < part.length(); at++) {
                List<String> variant = new ArrayList<>(parts);
                variant.set(i, part.substring(0, at) + part.substring(at + 1));
                keys.add(sortedKey(variant));
            }
        }
        return new ArrayList<>(keys);
    }

    private static String sortedKey(List<String> parts) {
        List<String> sorted = new ArrayList<>(parts);
        java.util.Collections.sort(sorted);
        return String.join(" ", sorted);
    }

    /**
     * A cluster holding a name: its id, its values of each conflict field and whether they count (a regular
     * conflict field's values count when one of them is used regularly), whether it holds evidence.
     */
    record Holder(long id, List<List<String>> sets, List<Boolean> active, boolean held) {
    }

    /**
     * The links among the clusters holding one name. Two clusters are compatible unless they both hold
     * values of a conflict field and share none (or, with evidence fields, both hold some). A cluster is
     * ambiguous when two clusters it is compatible with are not compatible with each other: the name could
     * be either person's. Compatible pairs of clusters that are not ambiguous are linked; every cluster
     * compatible with one of them is then compatible with all, so the links never join people apart.
     */
    static List<Tuple2<Long, Long>> links(List<Holder> holders, boolean needsBare) {
        holders.sort(java.util.Comparator.comparingLong(Holder::id));
        int n = holders.size();
        boolean[][] compatible = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                boolean ok = compatible(holders.get(i), holders.get(j), needsBare);
                compatible[i][j] = ok;
                compatible[j][i] = ok;
            }
        }
        boolean[] ambiguous = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < n && !ambiguous[i]; a++) {
                for (int b = a + 1; b < n; b++) {
                    if (a != i && b != i && compatible[i][a] && compatible[i][b] && !compatible[a][b]) {
                        ambiguous[i] = true;
                        break;
                    }
                }
            }
        }
        List<Tuple2<Long, Long>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (compatible[i][j] && !ambiguous[i] && !ambiguous[j]) {
                    out.add(new Tuple2<>(holders.get(i).id(), holders.get(j).id()));
                }
            }
        }
        return out;
    }

    private static boolean compatible(Holder a, Holder b, boolean needsBare) {
        if (needsBare && a.held() && b.held()) {
            return false;
        }
        for (int f = 0; f < a.sets().size(); f++) {
            List<String> left = a.sets().get(f);
            List<String> right = b.sets().get(f);
            if (a.active().get(f) && b.active().get(f) && java.util.Collections.disjoint(left, right)) {
                return false;
            }
        }
        return true;
    }
}
