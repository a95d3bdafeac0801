package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import dev.strata.transforms.identity.IdentityResolver.Comparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The compare phase: the level of each of a plan's comparisons for pairs of records (one integer column per
 * comparison, named {@link IdentityResolver#levelColumn}), with the share of the agreed value beside the levels
 * of the fields the plan adjusts for term frequency.
 */
final class PairComparison {

    private final ResolutionPlan plan;
    private final ComparisonLevels levels;

    PairComparison(ResolutionPlan plan, ComparisonLevels levels) {
        this.plan = Objects.requireNonNull(plan, "plan is null");
        this.levels = Objects.requireNonNull(levels, "levels is null");
    }

    /** The levels of {@code comparisons} for {@code pairs} ({@code id_l, id_r} and any other columns, kept). */
    Dataset<Row> levels(Dataset<Row> pairs, Dataset<Row> records, List<Comparison> comparisons) {
        List<String> fields = comparisons.stream().flatMap(c -> c.reads().stream()).distinct().toList();
        Dataset<Row> left = records.select(prefixed(fields, "l_", "id_l"));
        Dataset<Row> right = records.select(prefixed(fields, "r_", "id_r"));
        Dataset<Row> compared = pairs.join(left, "id_l").join(right, "id_r");
        List<String> kept = new ArrayList<>();
        for (String column : pairs.columns()) {
            if (!column.equals("id_l") && !column.equals("id_r")) {
                kept.add(column);
            }
        }
        for (Comparison c : comparisons) {
            compared = compared.withColumn(IdentityResolver.levelColumn(c), level(c, "l_", "r_"));
            kept.add(IdentityResolver.levelColumn(c));
        }
        for (String field : plan.frequencyAdjusted()) {
            List<Comparison> adjusted = comparisons.stream().filter(c -> c.field().equals(field)).toList();
            if (adjusted.isEmpty()) {
                continue;
            }
            Dataset<Row> frequencies = frequencies(records, field);
            compared = compared.join(frequencies, compared.col("l_" + field).equalTo(frequencies.col("tf_value")), "left");
            for (Comparison c : adjusted) {
                // the share of the value both records hold; only an exact agreement is adjusted
                compared = compared.withColumn("tf_" + IdentityResolver.levelColumn(c), org.apache.spark.sql.functions.when(
                        col("l_" + field).equalTo(col("r_" + field)), col("tf_share")));
                kept.add("tf_" + IdentityResolver.levelColumn(c));
            }
            compared = compared.drop("tf_value", "tf_share");
        }
        return compared.select(columnsOf(col("id_l"), col("id_r"), kept));
    }

    /** Per value of {@code field}, the share of the records (with a value) that hold it: tf_value, tf_share. */
    private Dataset<Row> frequencies(Dataset<Row> records, String field) {
        Dataset<Row> counts = records.where(col(field).isNotNull()).groupBy(col(field).as("tf_value"))
                .agg(count(lit(1)).as("tf_count"));
        return counts.crossJoin(counts.agg(org.apache.spark.sql.functions.sum(col("tf_count")).as("tf_total")))
                .select(col("tf_value"), col("tf_count").divide(col("tf_total")).as("tf_share"));
    }

    /** The level columns of pairs of prefixed fields ({@code l_}, {@code r_}), and nothing else. */
    Dataset<Row> withLevels(Dataset<Row> pairs, List<String> levelColumns) {
        for (int i = 0; i < plan.comparisons().size(); i++) {
            pairs = pairs.withColumn(levelColumns.get(i), level(plan.comparisons().get(i), "l_", "r_"));
        }
        return pairs.select(levelColumns.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    }

    Column level(Comparison c, String leftPrefix, String rightPrefix) {
        Column l = col(leftPrefix + c.field());
        Column r = col(rightPrefix + c.field());
        return switch (c.kind()) {
            case NAME -> c.crossField() == null ? levels.name(l, r, lit(null).cast("string"), lit(null).cast("string"))
                    : levels.name(l, r, col(leftPrefix + c.crossField()), col(rightPrefix + c.crossField()));
            case EXACT -> levels.exact(l, r);
            case JARO_WINKLER -> levels.jaroWinkler(l, r, 0.92, 0.80);
            case LEVENSHTEIN -> levels.levenshteinBands(l, r, 1, 3);
            case PHONETIC -> levels.phonetic(l, r);
            case DATE -> levels.date(l, r);
        };
    }

    private static Column[] columnsOf(Column a, Column b, List<String> more) {
        List<Column> out = new ArrayList<>(List.of(a, b));
        more.forEach(m -> out.add(col(m)));
        return out.toArray(Column[]::new);
    }

    static Column[] prefixed(List<String> fields, String prefix, String id) {
        List<Column> out = new ArrayList<>();
        out.add(col("record_id").as(id));
        fields.forEach(f -> out.add(col(f).as(prefix + f)));
        return out.toArray(Column[]::new);
    }
}
