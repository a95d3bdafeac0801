package dev.strata.etl.views;

import static org.apache.spark.sql.functions.callUDF;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.strata.etl.UserError;
import dev.strata.etl.spec.ViewSpec;
import dev.strata.etl.spec.ViewSpec.Aggregate;
import dev.strata.etl.spec.ViewSpec.Dimension;
import dev.strata.etl.spec.ViewSpec.Measure;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Turns a view's declaration into Spark columns. A view is kept as <em>parts</em>: per group of its
 * dimensions, one column per mergeable piece of each measure (signed sums for count, sum and quantile
 * buckets; min and max; HyperLogLog sketches for distinct counts). Parts of disjoint slices of the history
 * merge into the parts of their union; the served row is computed from merged parts only.
 */
public final class ViewPlan {

    /** Live rows in a group: groups whose rows all moved away are not served. */
    public static final String ROWS = "_rows";
    /** HyperLogLog precision: relative standard error 1.04 / sqrt(2^12), about 1.6%. */
    public static final int HLL_LG_K = 12;
    /** The bound {@code verify} holds a distinct count to: three standard errors of the sketch. */
    public static final double HLL_BOUND = 3 * 1.04 / Math.sqrt(1 << HLL_LG_K);
    private static final String SUM_TYPE = "decimal(38,9)";

    private final ViewSpec view;

    public ViewPlan(ViewSpec view) {
        this.view = Objects.requireNonNull(view, "view is null");
    }

    public ViewSpec view() {
        return view;
    }

    public List<String> dimensionNames() {
        return view.dimensions().stream().map(Dimension::name).toList();
    }

    /** Adds the dimension columns to history rows. */
    public Dataset<Row> withDimensions(Dataset<Row> rows) {
        Dataset<Row> out = rows;
        for (Dimension d : view.dimensions()) {
            out = out.withColumn(d.name(), dimension(d));
        }
        return out;
    }

    private static Column dimension(Dimension d) {
        Column value = expr(d.expression());
        if (d.grain().isEmpty()) {
            return value;
        }
        return switch (d.grain().get()) {
            case HOUR -> functions.date_trunc("HOUR", value);
            case DAY -> functions.to_date(value);
            case MONTH -> functions.trunc(functions.to_date(value), "MM");
            case YEAR -> functions.trunc(functions.to_date(value), "YEAR");
            case HOUR_OF_DAY -> functions.hour(value);
            case DAY_OF_WEEK -> functions.dayofweek(value);
        };
    }

    private static Column where(Measure m) {
        return m.where().map(w -> coalesce(expr(w), lit(false))).orElse(lit(true));
    }

    private static Column value(Measure m) {
        return expr(m.expression().orElseThrow());
    }

    /** Bucket column names of a quantiles measure: one more than its bounds (the last is open-ended). */
    public static List<String> bucketColumns(Measure m) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= m.buckets().size(); i++) {
            names.add(m.name() + "__b" + i);
        }
        return names;
    }

    /**
     * The parts of a slice of the history, grouped by the dimensions and {@code extraGroups}. Signed parts
     * add {@code _change}; min, max and sketches see only rows that became live ({@code _change = +1}).
     */
    public Dataset<Row> parts(Dataset<Row> history, String... extraGroups) {
        try {
            return partsOf(history, extraGroups);
        } catch (Exception e) {
            throw analysis(e, "view " + view.name() + ": ", " (check the columns and expressions of its dimensions"
                    + " and measures)");
        }
    }

    private Dataset<Row> partsOf(Dataset<Row> history, String... extraGroups) {
        Column sign = col(EventHistory.CHANGE);
        Column arrived = sign.equalTo(1);
        List<Column> aggs = new ArrayList<>();
        aggs.add(functions.sum(sign).cast("long").as(ROWS));
        for (Measure m : view.measures()) {
            Column w = where(m);
            switch (m.aggregate()) {
                case COUNT -> aggs.add(functions.sum(when(w, sign).otherwise(0)).cast("long").as(m.name()));
                // negated rather than multiplied by the sign: decimal(38,9) times an int is cut to 6 decimals
                case SUM -> aggs.add(functions.sum(when(w.and(value(m).isNotNull()),
                        when(arrived, value(m).cast(SUM_TYPE)).otherwise(functions.negate(value(m).cast(SUM_TYPE))))
                        .otherwise(lit(0).cast(SUM_TYPE))).cast(SUM_TYPE).as(m.name()));
                case MIN -> aggs.add(functions.min(when(arrived.and(w), value(m))).as(m.name()));
                case MAX -> aggs.add(functions.max(when(arrived.and(w), value(m))).as(m.name()));
                case COUNT_DISTINCT -> aggs.add(callUDF("hll_sketch_agg",
                        when(arrived.and(w), value(m).cast("string")), lit(HLL_LG_K)).as(m.name()));
                case QUANTILES -> {
                    List<String> names = bucketColumns(m);
                    for (int i = 0; i < names.size(); i++) {
                        aggs.add(functions.sum(when(w.and(inBucket(m, i)), sign).otherwise(0)).cast("long")
                                .as(names.get(i)));
                    }
                }
            }
        }
        List<Column> groups = new ArrayList<>();
        for (String g : extraGroups) {
            groups.add(col(g));
        }
        dimensionNames().forEach(d -> groups.add(col(d)));
        return withDimensions(history).groupBy(groups.toArray(Column[]::new))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
    }

    /** A mistake in a declared expression becomes a user error that names where it is; anything else is rethrown. */
    static RuntimeException analysis(Exception e, String where, String hint) {
        if (e instanceof org.apache.spark.sql.AnalysisException a) {
            return new UserError(where + a.getSimpleMessage() + hint);
        }
        if (e.getClass().getName().contains("ParseException")) {
            return new UserError(where + e.getMessage().split("\n")[0] + hint);
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }

    private static Column inBucket(Measure m, int i) {
        Column v = value(m).cast("double");
        List<Double> b = m.buckets();
        Column ok = v.isNotNull();
        if (i > 0) {
            ok = ok.and(v.geq(b.get(i - 1)));
        }
        if (i < b.size()) {
            ok = ok.and(v.lt(b.get(i)));
        }
        return ok;
    }

    /** Merges parts (of any slices, in any number of rows per group) into one row of parts per group. */
    public Dataset<Row> merge(Dataset<Row> parts) {
        List<Column> aggs = new ArrayList<>();
        aggs.add(functions.sum(col(ROWS)).cast("long").as(ROWS));
        for (Measure m : view.measures()) {
            Column c = col(m.name());
            switch (m.aggregate()) {
                case COUNT -> aggs.add(functions.sum(c).cast("long").as(m.name()));
                case SUM -> aggs.add(functions.sum(c).cast(SUM_TYPE).as(m.name()));
                case MIN -> aggs.add(functions.min(c).as(m.name()));
                case MAX -> aggs.add(functions.max(c).as(m.name()));
                case COUNT_DISTINCT -> aggs.add(callUDF("hll_union_agg", c, lit(false)).as(m.name()));
                case QUANTILES -> bucketColumns(m).forEach(b -> aggs.add(functions.sum(col(b)).cast("long").as(b)));
            }
        }
        Column[] groups = dimensionNames().stream().map(d -> col("`" + d + "`")).toArray(Column[]::new);
        return parts.groupBy(groups).agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
    }

    /**
     * The served rows: groups with live rows, each measure's value (sums as double, sketches estimated,
     * quantiles read from the cumulative bucket counts), then the derived measures.
     */
    public Dataset<Row> serve(Dataset<Row> merged) {
        return servedWithRows(merged).where(col(ROWS).gt(0)).drop(ROWS);
    }

    /**
     * The served columns of every merged group, those without live rows too, with the group's live rows in
     * {@value #ROWS}: what a group's served row becomes when it changes (removed at 0 live rows).
     */
    public Dataset<Row> servedWithRows(Dataset<Row> merged) {
        List<Column> out = new ArrayList<>();
        dimensionNames().forEach(d -> out.add(col("`" + d + "`")));
        for (Measure m : view.measures()) {
            switch (m.aggregate()) {
                case COUNT, MIN, MAX -> out.add(col(m.name()));
                case SUM -> out.add(col(m.name()).cast(DataTypes.DoubleType).as(m.name()));
                case COUNT_DISTINCT -> out.add((merged.schema().apply(m.name()).dataType() instanceof
                        org.apache.spark.sql.types.BinaryType
                        ? callUDF("hll_sketch_estimate", col(m.name())) : col(m.name())).cast("long").as(m.name()));
                case QUANTILES -> {
                    for (double q : m.quantiles()) {
                        out.add(quantile(m, q).as(quantileName(m, q)));
                    }
                }
            }
        }
        out.add(col(ROWS));
        Dataset<Row> served = merged.select(out.toArray(Column[]::new));
        for (ViewSpec.Derived d : view.derived()) {
            try {
                served = served.withColumn(d.name(), expr(d.expression()));
            } catch (Exception e) {
                throw analysis(e, "view " + view.name() + ", derived " + d.name() + ": ",
                        " (a derived expression may use the view's dimensions and measures)");
            }
        }
        return served;
    }

    /** The served column of quantile {@code q}, e.g. {@code time_to_close_p90}. */
    public static String quantileName(Measure m, double q) {
        return m.quantileColumn(q);
    }

    /**
     * The upper bound of the bucket that holds the q-th value (the last bound for the open bucket): within one
     * bucket's width of the exact quantile. Null for a group without values.
     */
    private static Column quantile(Measure m, double q) {
        List<String> buckets = bucketColumns(m);
        Column total = buckets.stream().map(b -> col(b)).reduce(Column::plus).orElseThrow();
        Column target = total.multiply(q);
        Column cumulative = lit(0L);
        Column result = lit(m.buckets().get(m.buckets().size() - 1));
        List<Column> cumulatives = new ArrayList<>();
        for (String b : buckets) {
            cumulative = cumulative.plus(col(b));
            cumulatives.add(cumulative);
        }
        for (int i = m.buckets().size() - 1; i >= 0; i--) {
            result = when(cumulatives.get(i).geq(target), lit(m.buckets().get(i))).otherwise(result);
        }
        return when(total.gt(0), result).cast(DataTypes.DoubleType);
    }

    /** The measure columns as served, in order (quantiles expand to one column per probability). */
    public List<String> servedMeasures() {
        List<String> names = new ArrayList<>();
        for (Measure m : view.measures()) {
            if (m.aggregate() == Aggregate.QUANTILES) {
                m.quantiles().forEach(q -> names.add(quantileName(m, q)));
            } else {
                names.add(m.name());
            }
        }
        view.derived().forEach(d -> names.add(d.name()));
        return names;
    }
}
