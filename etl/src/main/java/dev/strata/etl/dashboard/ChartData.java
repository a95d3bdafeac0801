package dev.strata.etl.dashboard;

import dev.strata.etl.spec.DashboardSpec.Chart;
import dev.strata.etl.spec.DashboardSpec.Value;
import dev.strata.etl.spec.ViewSpec.Grain;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a chart draws: the labels along x in the order the query gave them, the series labels (sorted by
 * value), and one point per result row with its y values. Nulls are labelled {@code (none)}; a dimension of
 * month grain is labelled by month ({@code 2024-01}), one of year grain by year.
 *
 * @param sql the query the rows came from
 * @param categories x labels, each once, in row order
 * @param series series labels, each once, sorted by their values (empty without a series)
 * @param points one per result row
 */
public record ChartData(Chart chart, String sql, List<String> categories, List<String> series, List<Point> points) {

    static final String NONE = "(none)";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("yyyy");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public ChartData {
        Objects.requireNonNull(chart, "chart is null");
        Objects.requireNonNull(sql, "sql is null");
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        points = List.copyOf(points);
    }

    /**
     * One result row: the index of its x label, of its series label (-1 without a series) and its values
     * (one per y, in order; null where the aggregate is null).
     */
    public record Point(int x, int series, List<Double> values) {
        public Point {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** The values a point carries that are not null: what the page draws. */
    public long drawnValues() {
        return points.stream().mapToLong(p -> p.values().stream().filter(Objects::nonNull).count()).sum();
    }

    /**
     * Builds the chart's data from its result rows, each {@code [x, series?, y...]} as Spark returns them.
     *
     * @param hasSeries whether the second column is the series
     * @param xGrain the time grain of x when it is a dimension that has one
     * @param seriesGrain the same for the series
     */
    static ChartData of(Chart chart, String sql, List<Object[]> rows, boolean hasSeries, Optional<Grain> xGrain,
            Optional<Grain> seriesGrain) {
        int first = hasSeries ? 2 : 1;
        Map<String, Integer> categories = new LinkedHashMap<>();
        for (Object[] row : rows) {
            categories.putIfAbsent(label(row[0], xGrain), categories.size());
        }
        Map<String, Integer> series = new LinkedHashMap<>();
        List<Object> seriesValues = new ArrayList<>(hasSeries ? rows.stream().map(r -> r[1]).distinct().toList()
                : List.of());
        seriesValues.sort(BY_VALUE);
        for (Object s : seriesValues) {
            series.putIfAbsent(label(s, seriesGrain), series.size());
        }
        List<Point> points = new ArrayList<>();
        for (Object[] row : rows) {
            List<Double> values = new ArrayList<>();
            for (int i = first; i < row.length; i++) {
                values.add(number(row[i]));
            }
            points.add(new Point(categories.get(label(row[0], xGrain)),
                    hasSeries ? series.get(label(row[1], seriesGrain)) : -1,
                    values));
        }
        return new ChartData(chart, sql, List.copyOf(categories.keySet()), List.copyOf(series.keySet()), points);
    }

    /** The y names, in order. */
    public List<String> valueNames() {
        return chart.y().stream().map(Value::name).toList();
    }

    /** The axis name of x: the column's name when x is a column of the view, none for an expression. */
    public Optional<String> xName() {
        return columnName(chart.x());
    }

    /** The axis (or legend) name of the series: the column's name, none for an expression or without a series. */
    public Optional<String> seriesName() {
        return chart.series().flatMap(ChartData::columnName);
    }

    private static Optional<String> columnName(String expression) {
        return expression.matches("[a-z][a-z0-9_]*") ? Optional.of(expression) : Optional.empty();
    }

    private static final Comparator<Object> BY_VALUE = (a, b) -> {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Number n && b instanceof Number m) {
            return new BigDecimal(n.toString()).compareTo(new BigDecimal(m.toString()));
        }
        if (a instanceof Comparable<?> && a.getClass().equals(b.getClass())) {
            @SuppressWarnings("unchecked")
            Comparable<Object> c = (Comparable<Object>) a;
            return c.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    };

    static String label(Object value, Optional<Grain> grain) {
        if (value == null) {
            return NONE;
        }
        LocalDate date = value instanceof Date d ? d.toLocalDate() : value instanceof LocalDate l ? l : null;
        if (date != null) {
            return grain.filter(g -> g == Grain.MONTH).isPresent() ? date.format(MONTH)
                    : grain.filter(g -> g == Grain.YEAR).isPresent() ? date.format(YEAR) : date.toString();
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().format(MINUTE);
        }
        if (value instanceof LocalDateTime t) {
            return t.format(MINUTE);
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    private static Double number(Object value) {
        if (value == null) {
            return null;
        }
        double d = ((Number) value).doubleValue();
        return Double.isFinite(d) ? d : null;
    }
}
