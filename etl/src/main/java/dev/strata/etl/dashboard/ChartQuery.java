package dev.strata.etl.dashboard;

import dev.strata.etl.spec.DashboardSpec.Chart;
import dev.strata.etl.spec.DashboardSpec.ChartType;
import dev.strata.etl.spec.DashboardSpec.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The one Spark SQL query a chart is: its x, its series and its y aggregates over the serving table
 * {@code views.<view>}, grouped by x (and series). Every y is an aggregate over the view's mergeable parts, so a
 * rate is a ratio of sums, never an average of averages. With {@code top: N}, a ranking of the same aggregate
 * at the level of the limited axis keeps its N largest values.
 *
 * <p>The result's columns are {@code _x}, {@code _series} (when the chart has one) and one per y, named as the y.
 */
public final class ChartQuery {

    /** The result column of x. */
    public static final String X = "_x";
    /** The result column of the series. */
    public static final String SERIES = "_series";

    /** How the rows come out. */
    public enum Order {
        /** by x, then series: time and numbers along their axis */
        BY_X,
        /** by the first y, largest first: categories ranked by size */
        BY_FIRST_Y
    }

    private final Chart chart;

    public ChartQuery(Chart chart) {
        this.chart = Objects.requireNonNull(chart, "chart is null");
    }

    public Chart chart() {
        return chart;
    }

    /** The serving table the chart reads. */
    public String table() {
        return "views." + chart.view();
    }

    /**
     * The order a chart's rows are drawn in: categories of a bar or pie without series by size, everything else
     * (time, numbers, series and heatmaps) along x.
     *
     * @param xIsText whether x is a text column (a category without an order of its own)
     */
    public Order order(boolean xIsText) {
        boolean ranked = chart.type() == ChartType.BAR || chart.type() == ChartType.HORIZONTAL_BAR
                || chart.type() == ChartType.PIE;
        return ranked && xIsText && chart.series().isEmpty() ? Order.BY_FIRST_Y : Order.BY_X;
    }

    /** The grouped rows without ranking or order: what {@code x} and the values are, for their types. */
    public String grouped() {
        List<String> select = new ArrayList<>();
        select.add(chart.x() + " AS `" + X + "`");
        chart.series().ifPresent(s -> select.add(s + " AS `" + SERIES + "`"));
        for (Value y : chart.y()) {
            select.add(y.expression() + " AS `" + y.name() + "`");
        }
        return "SELECT " + String.join(", ", select) + "\nFROM " + table() + where()
                + "\nGROUP BY " + (chart.series().isPresent() ? "1, 2" : "1");
    }

    /** The whole query, ranked by {@code top} and ordered. */
    public String sql(Order order) {
        Objects.requireNonNull(order, "order is null");
        List<String> kept = new ArrayList<>();
        StringBuilder with = new StringBuilder("WITH grouped AS (\n").append(indent(grouped())).append("\n)");
        if (chart.top().isPresent()) {
            boolean series = chart.series().isPresent();
            if (!series || chart.type() == ChartType.HEATMAP) {
                with.append(",\n").append(ranking("kept_x", X, chart.x()));
                kept.add("kept_x");
            }
            if (series) {
                with.append(",\n").append(ranking("kept_series", SERIES, chart.series().get()));
                kept.add("kept_series");
            }
        }
        StringBuilder sql = new StringBuilder(with).append("\nSELECT grouped.* FROM grouped");
        for (String k : kept) {
            String column = k.equals("kept_x") ? X : SERIES;
            sql.append("\nLEFT SEMI JOIN ").append(k).append(" ON grouped.`").append(column).append("` <=> ")
                    .append(k).append(".`").append(column).append('`');
        }
        sql.append("\nORDER BY ");
        if (order == Order.BY_FIRST_Y) {
            sql.append("grouped.`").append(chart.y().get(0).name()).append("` DESC NULLS LAST, grouped.`").append(X)
                    .append('`');
        } else {
            sql.append("grouped.`").append(X).append('`');
            chart.series().ifPresent(s -> sql.append(", grouped.`").append(SERIES).append('`'));
        }
        return sql.toString();
    }

    /** The N values of one axis with the largest first y, computed at that axis's level (ties by value). */
    private String ranking(String name, String column, String expression) {
        String ranked = "SELECT " + expression + " AS `" + column + "`, " + chart.y().get(0).expression()
                + " AS `_rank`\nFROM " + table() + where() + "\nGROUP BY 1";
        return name + " AS (\n" + indent("SELECT `" + column + "` FROM (\n" + indent(ranked) + "\n)\nORDER BY `_rank`"
                + " DESC NULLS LAST, `" + column + "`\nLIMIT " + chart.top().orElseThrow()) + "\n)";
    }

    private String where() {
        return chart.where().map(w -> "\nWHERE " + w).orElse("");
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
    }
}
