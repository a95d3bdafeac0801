package dev.strata.etl.spec;

import dev.strata.etl.spec.DashboardSpec.Chart;
import dev.strata.etl.spec.DashboardSpec.ChartType;
import dev.strata.etl.spec.DashboardSpec.Value;
import dev.strata.etl.spec.ViewSpec.Aggregate;
import dev.strata.etl.spec.ViewSpec.Measure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and checks the {@code dashboard:} section against the spec's views. A name where a column is expected
 * (x, series, a bare y) must be a column of the chart's view; a bare y must be a measure that adds up across
 * groups (a count or a sum), since it stands for its sum. Expressions are checked when the dashboard runs.
 */
final class DashboardReader {

    private static final Set<String> DASHBOARD = Set.of("title", "charts");
    private static final Set<String> CHART = Set.of("name", "title", "view", "type", "x", "series", "y", "where",
            "top");
    private static final Set<String> VALUE = Set.of("name", "expr");

    private final SpecNode node;
    private final Map<String, ViewSpec> views = new LinkedHashMap<>();
    private final String defaultTitle;

    DashboardReader(SpecNode node, List<ViewSpec> views, String defaultTitle) {
        this.node = node;
        views.forEach(v -> this.views.putIfAbsent(v.name(), v));
        this.defaultTitle = defaultTitle;
    }

    Optional<DashboardSpec> read() {
        if (node.isMissing()) {
            return Optional.empty();
        }
        if (!node.requireObject("the dashboard is a mapping with title: and charts:")) {
            return Optional.empty();
        }
        node.allowOnly(DASHBOARD);
        String title = node.get("title").text(defaultTitle);
        SpecNode chartNodes = node.get("charts");
        if (chartNodes.isMissing()) {
            chartNodes.problem("is required: at least one chart");
            return Optional.empty();
        }
        List<Chart> charts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<SpecNode> items = chartNodes.items();
        if (items.isEmpty() && chartNodes.isList()) {
            chartNodes.problem("at least one chart is required");
        }
        for (SpecNode item : items) {
            chart(item).ifPresent(chart -> {
                if (!names.add(chart.name())) {
                    item.get("name").problem("chart '" + chart.name() + "' is declared twice");
                }
                charts.add(chart);
            });
        }
        return charts.isEmpty() ? Optional.empty() : Optional.of(new DashboardSpec(title, charts));
    }

    private Optional<Chart> chart(SpecNode chart) {
        if (!chart.requireObject("a chart is a mapping with name:, view:, type:, x: and y:")) {
            return Optional.empty();
        }
        chart.allowOnly(CHART);
        boolean valid = true;
        String name = SpecLoader.name(chart.get("name"));
        String title = chart.get("title").text(name);
        String viewName = chart.get("view").requiredText();
        ViewSpec view = views.get(viewName);
        if (!viewName.isEmpty() && view == null) {
            chart.get("view").problem(views.isEmpty() ? "no view named '" + viewName + "': this spec has no views:"
                    + " section (a chart reads a view's serving layer)" : "no view named '" + viewName + "'; views: "
                    + String.join(", ", views.keySet()));
        }
        ChartType type = type(chart.get("type"));
        valid &= type != null;
        String x = chart.get("x").requiredText();
        if (!x.isEmpty()) {
            column(chart.get("x"), x, view);
        }
        Optional<String> series = chart.get("series").text();
        series.ifPresent(s -> {
            if (s.isBlank()) {
                chart.get("series").problem("must not be empty (leave series: out for a single series)");
            } else {
                column(chart.get("series"), s, view);
            }
        });
        List<Value> y = values(chart.get("y"), view);
        valid &= !y.isEmpty();
        Optional<String> where = chart.get("where").text();
        if (where.isPresent() && where.get().isBlank()) {
            chart.get("where").problem("must not be empty (leave where: out to keep every row)");
        }
        Optional<Integer> top = chart.get("top").integer().flatMap(n -> {
            if (n < 1) {
                chart.get("top").problem("must be at least 1, not " + n);
                return Optional.empty();
            }
            return Optional.of((int) Math.min(n, Integer.MAX_VALUE));
        });
        if (type == ChartType.HEATMAP) {
            if (series.isEmpty()) {
                chart.get("series").problem("a heatmap needs series: the column of its second axis");
            }
            if (y.size() > 1) {
                chart.get("y").problem("a heatmap draws one value; give one y");
            }
        }
        if (type == ChartType.PIE) {
            if (series.isPresent()) {
                chart.get("series").problem("a pie has no series: its slices are the x values");
            }
            if (y.size() > 1) {
                chart.get("y").problem("a pie draws one value; give one y");
            }
        }
        if (!valid || name.isEmpty() || x.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Chart(name, title, viewName, type, x, series.filter(s -> !s.isBlank()), y,
                where.filter(w -> !w.isBlank()), top));
    }

    private static ChartType type(SpecNode node) {
        String text = node.requiredText();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return ChartType.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            node.problem("unknown chart type '" + text + "'; types: " + Arrays.stream(ChartType.values())
                    .map(ChartType::key).collect(Collectors.joining(", ")));
            return null;
        }
    }

    /** A bare name where a column is expected must be one of the view's columns; anything else is an expression. */
    private static void column(SpecNode node, String text, ViewSpec view) {
        if (view == null || !SpecLoader.NAME.matcher(text).matches()) {
            return;
        }
        List<String> columns = columns(view);
        if (!columns.contains(text)) {
            node.problem("'" + text + "' is not a column of view " + view.name() + "; columns: "
                    + String.join(", ", columns));
        }
    }

    private static List<String> columns(ViewSpec view) {
        List<String> columns = new ArrayList<>();
        view.dimensions().forEach(d -> columns.add(d.name()));
        view.measures().forEach(m -> columns.addAll(m.servedColumns()));
        view.derived().forEach(d -> columns.add(d.name()));
        return columns;
    }

    private List<Value> values(SpecNode node, ViewSpec view) {
        if (node.isMissing()) {
            node.problem("is required: the value(s) to draw, e.g. y: [cases]");
            return List.of();
        }
        List<SpecNode> items = node.isList() ? node.items() : List.of(node);
        if (items.isEmpty()) {
            node.problem("at least one value is required");
        }
        List<Value> values = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SpecNode item : items) {
            value(item, view).ifPresent(v -> {
                if (!names.add(v.name())) {
                    item.problem("'" + v.name() + "' is already a y value of this chart");
                }
                values.add(v);
            });
        }
        return values;
    }

    private static Optional<Value> value(SpecNode item, ViewSpec view) {
        if (item.isObject()) {
            item.allowOnly(VALUE);
            String name = SpecLoader.name(item.get("name"));
            String expression = item.get("expr").requiredText();
            return name.isEmpty() || expression.isEmpty() ? Optional.empty() : Optional.of(new Value(name, expression));
        }
        Optional<String> text = item.text();
        if (text.isEmpty() || text.get().isBlank()) {
            if (text.isPresent() || item.isMissing()) {
                item.problem("must be a measure's name or {name: ..., expr: ...}");
            }
            return Optional.empty();
        }
        String name = text.get();
        if (!SpecLoader.NAME.matcher(name).matches()) {
            item.problem("'" + name + "' is not a column name; an expression is written {name: ..., expr: \"" + name
                    + "\"}");
            return Optional.empty();
        }
        if (view != null) {
            additive(item, name, view);
        }
        return Optional.of(new Value(name, "sum(`" + name + "`)"));
    }

    /** A bare y is summed: only counts and sums add up across the groups a chart merges. */
    private static void additive(SpecNode item, String name, ViewSpec view) {
        String viewName = view.name();
        if (view.dimensions().stream().anyMatch(d -> d.name().equals(name))) {
            item.problem("'" + name + "' is a dimension of view " + viewName + ", not a measure to draw");
            return;
        }
        if (view.derived().stream().anyMatch(d -> d.name().equals(name))) {
            item.problem("'" + name + "' is a derived measure of view " + viewName + ": summing it would add up"
                    + " ratios; give {name: " + name + ", expr: ...} computed from summed parts, e.g."
                    + " \"sum(a) / nullif(sum(b), 0)\"");
            return;
        }
        for (Measure m : view.measures()) {
            if (m.servedColumns().contains(name)) {
                if (m.aggregate() != Aggregate.COUNT && m.aggregate() != Aggregate.SUM) {
                    item.problem("'" + name + "' is a " + m.aggregate().key() + " measure of view " + viewName
                            + ", which does not add up across groups; give {name: " + name + ", expr: ...}, e.g."
                            + " \"max(" + name + ")\"");
                }
                return;
            }
        }
        item.problem("'" + name + "' is not a column of view " + viewName + "; columns: "
                + String.join(", ", columns(view)));
    }
}
