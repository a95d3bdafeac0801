package dev.strata.etl.bench;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import dev.strata.etl.spec.ViewSpec;
import dev.strata.etl.spec.ViewSpec.Measure;
import dev.strata.etl.views.EventHistory;
import dev.strata.etl.views.ViewPlan;
import dev.strata.transforms.clean.RecordColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;

/**
 * The baseline of {@code strata bench views}: a view as one plain Spark SQL GROUP BY over the whole event
 * history, without layers or parts: the latest version of each key, grouped by the view's dimensions, with
 * {@code count}, {@code sum}, {@code min}, {@code max}, an exact {@code count(DISTINCT ...)} and
 * {@code percentile_approx} for quantiles, then the derived measures. It answers the same question as the
 * serving layer for count and sum; min, max and distinct counts see only the latest versions here.
 */
final class PlainViewQuery {

    private final ViewSpec view;
    private final List<String> keys;

    PlainViewQuery(ViewSpec view, List<String> keys) {
        this.view = Objects.requireNonNull(view, "view is null");
        this.keys = List.copyOf(Objects.requireNonNull(keys, "keys is null"));
    }

    Dataset<Row> apply(Dataset<Row> history) {
        Column[] byKey = keys.stream().map(k -> col("`" + k + "`")).toArray(Column[]::new);
        Dataset<Row> latest = history.where(col(EventHistory.CHANGE).equalTo(1))
                .withColumn("_latest", row_number().over(Window.partitionBy(byKey).orderBy(
                        col(EventHistory.AT).desc(), col(RecordColumns.BATCH_ID).desc(),
                        col(RecordColumns.LINE_NUMBER).desc())))
                .where(col("_latest").equalTo(1));
        ViewPlan plan = new ViewPlan(view);
        List<Column> aggregates = new ArrayList<>();
        for (Measure m : view.measures()) {
            Column where = m.where().map(w -> coalesce(expr(w), lit(false))).orElse(lit(true));
            Column value = m.expression().map(e -> when(where, expr(e))).orElse(null);
            switch (m.aggregate()) {
                case COUNT -> aggregates.add(functions.count(when(where, lit(1))).as(m.name()));
                case SUM -> aggregates.add(functions.sum(value).as(m.name()));
                case MIN -> aggregates.add(functions.min(value).as(m.name()));
                case MAX -> aggregates.add(functions.max(value).as(m.name()));
                case COUNT_DISTINCT -> aggregates.add(functions.countDistinct(value).as(m.name()));
                case QUANTILES -> aggregates.add(functions.percentile_approx(value.cast("double"),
                        functions.array(m.quantiles().stream().map(functions::lit).toArray(Column[]::new)),
                        lit(10_000)).as(m.name()));
            }
        }
        Column[] groups = plan.dimensionNames().stream().map(d -> col("`" + d + "`")).toArray(Column[]::new);
        Dataset<Row> grouped = plan.withDimensions(latest).groupBy(groups)
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
        for (Measure m : view.measures()) {
            if (m.aggregate() == ViewSpec.Aggregate.QUANTILES) {
                for (int i = 0; i < m.quantiles().size(); i++) {
                    grouped = grouped.withColumn(ViewPlan.quantileName(m, m.quantiles().get(i)),
                            col(m.name()).getItem(i));
                }
                grouped = grouped.drop(m.name());
            }
        }
        for (ViewSpec.Derived d : view.derived()) {
            grouped = grouped.withColumn(d.name(), expr(d.expression()));
        }
        return grouped;
    }
}
