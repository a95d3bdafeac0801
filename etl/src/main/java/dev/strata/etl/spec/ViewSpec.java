package dev.strata.etl.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One view of the {@code views:} section: aggregates over a source's event history, grouped by dimensions,
 * kept as a batch layer (everything up to a watermark), a speed layer (what arrived since) and a serving
 * layer (both merged).
 *
 * @param source the source whose clean records are the view's events (its keys are the event key)
 * @param eventTime the column holding when an event happened; a dimension with a grain and no column uses it
 * @param dimensions what the view groups by
 * @param measures mergeable aggregates
 * @param derived expressions over measures, computed at query time (rates, means, shares)
 */
public record ViewSpec(String name, String description, String source, String eventTime, List<Dimension> dimensions,
        List<Measure> measures, List<Derived> derived) {

    public ViewSpec {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(description, "description is null");
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(eventTime, "eventTime is null");
        dimensions = List.copyOf(dimensions);
        measures = List.copyOf(measures);
        derived = List.copyOf(derived);
    }

    /** Time grains a dimension may truncate its time column to. */
    public enum Grain {
        HOUR, DAY, MONTH, YEAR, HOUR_OF_DAY, DAY_OF_WEEK;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The closed set of aggregates: each has parts that merge across layers. */
    public enum Aggregate {
        /** signed sum of 1 per live row: updates move a row from its old group to its new one */
        COUNT(true),
        /** signed sum, exact (DECIMAL(38,9)) */
        SUM(true),
        /** over every version that arrived: a later update cannot take a value back out */
        MIN(false),
        MAX(false),
        /** HyperLogLog sketch (lgConfigK 12) of every version that arrived */
        COUNT_DISTINCT(false),
        /** exact signed counts per bucket; quantiles are read from the cumulative counts */
        QUANTILES(true);

        private final boolean invertible;

        Aggregate(boolean invertible) {
            this.invertible = invertible;
        }

        /** True when a retraction is exact (signed parts), false when it is over every arrived version. */
        public boolean invertible() {
            return invertible;
        }

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param expression a Spark SQL expression over the source's clean columns
     * @param grain when present, the expression's time value truncated to it
     */
    public record Dimension(String name, String expression, Optional<Grain> grain) {
        public Dimension {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(expression, "expression is null");
            Objects.requireNonNull(grain, "grain is null");
        }
    }

    /**
     * @param expression the value aggregated (absent for count)
     * @param where a filter: only rows for which it is true count
     * @param buckets quantiles: ascending bucket bounds; a value v falls in the first bucket with v &lt; bound
     * @param quantiles quantiles: the probabilities served, e.g. 0.5 and 0.9
     */
    public record Measure(String name, Aggregate aggregate, Optional<String> expression, Optional<String> where,
            List<Double> buckets, List<Double> quantiles) {
        public Measure {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(aggregate, "aggregate is null");
            Objects.requireNonNull(expression, "expression is null");
            Objects.requireNonNull(where, "where is null");
            buckets = List.copyOf(buckets);
            quantiles = List.copyOf(quantiles);
        }

        /** The served column of quantile {@code q}, e.g. {@code time_to_close_p90}. */
        public String quantileColumn(double q) {
            String digits = java.math.BigDecimal.valueOf(q).movePointRight(2).stripTrailingZeros().toPlainString()
                    .replace('.', '_');
            return name + "_p" + digits;
        }

        /** The columns the serving layer has for it: its name, or one per quantile. */
        public List<String> servedColumns() {
            return aggregate == Aggregate.QUANTILES ? quantiles.stream().map(this::quantileColumn).toList()
                    : List.of(name);
        }
    }

    /** A query-time expression over measure names, e.g. {@code resolved_first_call / nullif(cases, 0)}. */
    public record Derived(String name, String expression) {
        public Derived {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(expression, "expression is null");
        }
    }
}
