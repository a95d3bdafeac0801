package dev.strata.etl.spec;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code dashboard:} section: charts over the serving layers of the spec's views, each one aggregate
 * query over {@code views.<view>}, drawn on a static page by {@code strata dashboard}.
 *
 * @param title the page's title
 * @param charts in the order they appear on the page
 */
public record DashboardSpec(String title, List<Chart> charts) {

    public DashboardSpec {
        Objects.requireNonNull(title, "title is null");
        charts = List.copyOf(Objects.requireNonNull(charts, "charts is null"));
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("a dashboard needs at least one chart");
        }
    }

    /** The views the charts read, each once, in the order the charts first use them. */
    public List<String> views() {
        return charts.stream().map(Chart::view).distinct().toList();
    }

    /** How a chart draws its rows. */
    public enum ChartType {
        LINE, BAR, STACKED_BAR, HORIZONTAL_BAR, PIE, HEATMAP;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One chart: {@code select <x>, [<series>,] <y...> from views.<view> [where ...] group by ...}.
     *
     * @param x what the rows are grouped by along the category axis (a column of the view or an expression)
     * @param series optional second grouping: one series per value (a heatmap's second axis)
     * @param y the aggregates drawn, at least one; a bare name in the spec is {@code sum(name)}
     * @param where an optional filter over the view's rows
     * @param top keep only the N largest x values (the N largest series values when there is a series; both
     *     axes for a heatmap), ranked by the first y
     */
    public record Chart(String name, String title, String view, ChartType type, String x, Optional<String> series,
            List<Value> y, Optional<String> where, Optional<Integer> top) {

        public Chart {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(title, "title is null");
            Objects.requireNonNull(view, "view is null");
            Objects.requireNonNull(type, "type is null");
            Objects.requireNonNull(x, "x is null");
            Objects.requireNonNull(series, "series is null");
            y = List.copyOf(Objects.requireNonNull(y, "y is null"));
            Objects.requireNonNull(where, "where is null");
            Objects.requireNonNull(top, "top is null");
            if (y.isEmpty()) {
                throw new IllegalArgumentException("chart " + name + " needs at least one y value");
            }
            top.ifPresent(n -> {
                if (n < 1) {
                    throw new IllegalArgumentException("top must be at least 1, cannot be: " + n);
                }
            });
        }
    }

    /**
     * One aggregate a chart draws.
     *
     * @param name its label and column name
     * @param expression a Spark SQL aggregate over the view's columns, e.g. {@code sum(cases)}
     */
    public record Value(String name, String expression) {
        public Value {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(expression, "expression is null");
        }
    }
}
