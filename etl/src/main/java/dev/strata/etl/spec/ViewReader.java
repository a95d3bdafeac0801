package dev.strata.etl.spec;

import dev.strata.etl.spec.ViewSpec.Aggregate;
import dev.strata.etl.spec.ViewSpec.Derived;
import dev.strata.etl.spec.ViewSpec.Dimension;
import dev.strata.etl.spec.ViewSpec.Grain;
import dev.strata.etl.spec.ViewSpec.Measure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads and checks the {@code views:} section against the pipeline's sources. */
final class ViewReader {

    private static final Set<String> VIEW = Set.of("name", "description", "source", "event_time", "dimensions",
            "measures", "derived");
    private static final Set<String> DIMENSION = Set.of("name", "column", "expr", "grain");
    private static final Set<String> MEASURE = Set.of("name", "agg", "column", "expr", "where", "buckets",
            "quantiles");
    private static final Set<String> DERIVED = Set.of("name", "expr");

    private final List<SpecNode> items;
    private final Map<String, SourceSpec> sources;

    ViewReader(SpecNode node, List<SourceSpec> sources) {
        this.items = node.items();
        this.sources = sources.stream().collect(Collectors.toMap(SourceSpec::name, s -> s, (first, twice) -> first));
        // a source declared twice is reported by the sources' reader; the views see the first
    }

    List<ViewSpec> read() {
        List<ViewSpec> views = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SpecNode item : items) {
            view(item).ifPresent(v -> {
                if (!names.add(v.name())) {
                    item.get("name").problem("view '" + v.name() + "' is declared twice");
                }
                views.add(v);
            });
        }
        return views;
    }

    private Optional<ViewSpec> view(SpecNode node) {
        if (!node.requireObject("a view is a mapping with name:, source:, dimensions: and measures:")) {
            return Optional.empty();
        }
        node.allowOnly(VIEW);
        String name = SpecLoader.name(node.get("name"));
        String source = node.get("source").requiredText();
        SourceSpec spec = sources.get(source);
        if (!source.isEmpty() && spec == null) {
            node.get("source").problem("no source named '" + source + "'; sources: "
                    + String.join(", ", sources.keySet().stream().sorted().toList()));
        }
        if (spec != null && spec.clean().keys().isEmpty()) {
            node.get("source").problem("source '" + source + "' declares no keys: a view needs the event key"
                    + " (the source's keys:) to count each event once");
        }
        String eventTime = node.get("event_time").text("");
        if (spec != null && !eventTime.isEmpty() && !spec.columns().contains(eventTime)) {
            node.get("event_time").problem("source '" + source + "' has no column '" + eventTime + "'");
        }
        Set<String> used = new HashSet<>();
        List<Dimension> dimensions = new ArrayList<>();
        for (SpecNode d : node.get("dimensions").items()) {
            dimension(d, eventTime).ifPresent(dim -> {
                unique(d, used, dim.name());
                dimensions.add(dim);
            });
        }
        List<Measure> measures = new ArrayList<>();
        if (node.get("measures").isMissing() || node.get("measures").items().isEmpty()) {
            node.get("measures").problem("is required: at least one measure");
        }
        for (SpecNode m : node.get("measures").items()) {
            measure(m).ifPresent(measure -> {
                unique(m, used, measure.name());
                measures.add(measure);
            });
        }
        List<Derived> derived = new ArrayList<>();
        for (SpecNode d : node.get("derived").items()) {
            if (!d.requireObject("a derived measure is a mapping with name: and expr:")) {
                continue;
            }
            d.allowOnly(DERIVED);
            String derivedName = SpecLoader.name(d.get("name"));
            unique(d, used, derivedName);
            derived.add(new Derived(derivedName, d.get("expr").requiredText()));
        }
        return Optional.of(new ViewSpec(name, node.get("description").text(""), source, eventTime, dimensions,
                measures, derived));
    }

    private static void unique(SpecNode node, Set<String> used, String name) {
        if (!used.add(name)) {
            node.get("name").problem("'" + name + "' is already a dimension or measure of this view");
        }
    }

    private static Optional<Dimension> dimension(SpecNode node, String eventTime) {
        if (!node.requireObject("a dimension is a mapping with name: and column:, expr: or grain:")) {
            return Optional.empty();
        }
        node.allowOnly(DIMENSION);
        String name = SpecLoader.name(node.get("name"));
        Optional<Grain> grain = node.get("grain").text().flatMap(g -> {
            try {
                return Optional.of(Grain.valueOf(g.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                node.get("grain").problem("unknown grain '" + g + "'; grains: " + Arrays.stream(Grain.values())
                        .map(Grain::key).collect(Collectors.joining(", ")));
                return Optional.empty();
            }
        });
        Optional<String> expression = expression(node);
        if (expression.isEmpty() && node.has("grain") && !eventTime.isEmpty()) {
            expression = Optional.of("`" + eventTime + "`");
        }
        if (expression.isEmpty()) {
            node.problem("needs column: or expr: (or grain: with the view's event_time:)");
            return Optional.empty();
        }
        return Optional.of(new Dimension(name, expression.get(), grain));
    }

    /** {@code column: c} is the column itself, {@code expr: …} any Spark SQL expression; not both. */
    private static Optional<String> expression(SpecNode node) {
        if (node.has("column") && node.has("expr")) {
            node.get("expr").problem("give column: or expr:, not both");
        }
        Optional<String> column = node.get("column").text().map(c -> "`" + c + "`");
        return column.isPresent() ? column : node.get("expr").text();
    }

    private static Optional<Measure> measure(SpecNode node) {
        if (!node.requireObject("a measure is a mapping with name:, agg: and column: or expr:")) {
            return Optional.empty();
        }
        node.allowOnly(MEASURE);
        String name = SpecLoader.name(node.get("name"));
        String agg = node.get("agg").requiredText();
        Aggregate aggregate;
        try {
            aggregate = Aggregate.valueOf(agg.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            if (!agg.isEmpty()) {
                node.get("agg").problem("unknown aggregate '" + agg + "'; mergeable aggregates: "
                        + Arrays.stream(Aggregate.values()).map(Aggregate::key).collect(Collectors.joining(", "))
                        + " (a mean or a rate is a derived: expression over them)");
            }
            return Optional.empty();
        }
        Optional<String> expression = expression(node);
        if (aggregate != Aggregate.COUNT && expression.isEmpty()) {
            node.problem("agg: " + aggregate.key() + " needs column: or expr:");
        }
        List<Double> buckets = numbers(node.get("buckets"));
        List<Double> quantiles = numbers(node.get("quantiles"));
        if (aggregate == Aggregate.QUANTILES) {
            if (buckets.isEmpty()) {
                node.get("buckets").problem("is required for quantiles: ascending bucket bounds");
            }
            for (int i = 1; i < buckets.size(); i++) {
                if (buckets.get(i) <= buckets.get(i - 1)) {
                    node.get("buckets").problem("must be strictly ascending");
                    break;
                }
            }
            if (quantiles.isEmpty()) {
                quantiles = List.of(0.5, 0.9);
            }
            for (double q : quantiles) {
                if (q <= 0 || q >= 1) {
                    node.get("quantiles").problem("each quantile is a probability between 0 and 1, not " + q);
                }
            }
        } else if (node.has("buckets") || node.has("quantiles")) {
            node.get(node.has("buckets") ? "buckets" : "quantiles").problem("only agg: quantiles takes it");
        }
        return Optional.of(new Measure(name, aggregate, expression, node.get("where").text(), buckets, quantiles));
    }

    private static List<Double> numbers(SpecNode node) {
        List<Double> values = new ArrayList<>();
        for (String text : node.strings()) {
            try {
                values.add(Double.parseDouble(text.trim()));
            } catch (NumberFormatException e) {
                node.problem("'" + text + "' is not a number");
            }
        }
        return values;
    }
}
