package dev.strata.transforms.clean;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A declared data-quality rule. Which arguments matter depends on the {@link RuleKind}; the spec
 * validator checks that each kind has what it needs before anything runs.
 */
public record Rule(
        String name,
        RuleKind kind,
        RuleLevel level,
        List<String> columns,
        Optional<String> min,
        Optional<String> max,
        boolean inclusive,
        List<String> values,
        boolean ignoreCase,
        Optional<String> pattern,
        int maxLength,
        Optional<String> table,
        Optional<String> refColumn,
        Optional<String> expression) {

    public Rule {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(level, "level is null");
        columns = List.copyOf(Objects.requireNonNull(columns, "columns is null"));
        Objects.requireNonNull(min, "min is null");
        Objects.requireNonNull(max, "max is null");
        values = List.copyOf(Objects.requireNonNull(values, "values is null"));
        Objects.requireNonNull(pattern, "pattern is null");
        Objects.requireNonNull(table, "table is null");
        Objects.requireNonNull(refColumn, "refColumn is null");
        Objects.requireNonNull(expression, "expression is null");
    }

    /** The single column of a one-column rule. */
    public String column() {
        if (columns.isEmpty()) {
            throw new IllegalStateException("rule " + name + " has no column");
        }
        return columns.get(0);
    }

    public static Builder builder(RuleKind kind) {
        return new Builder(kind);
    }

    /** Builds rules in code (tests, generated specs). */
    public static final class Builder {
        private final RuleKind kind;
        private String name;
        private RuleLevel level = RuleLevel.ERROR;
        private List<String> columns = List.of();
        private String min;
        private String max;
        private boolean inclusive = true;
        private List<String> values = List.of();
        private boolean ignoreCase;
        private String pattern;
        private int maxLength;
        private String table;
        private String refColumn;
        private String expression;

        private Builder(RuleKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind is null");
        }

        public Builder name(String value) { this.name = value; return this; }
        public Builder level(RuleLevel value) { this.level = Objects.requireNonNull(value, "level is null"); return this; }
        public Builder columns(String... value) { this.columns = List.of(value); return this; }
        public Builder columns(List<String> value) { this.columns = List.copyOf(value); return this; }
        public Builder min(String value) { this.min = value; return this; }
        public Builder max(String value) { this.max = value; return this; }
        public Builder inclusive(boolean value) { this.inclusive = value; return this; }
        public Builder values(List<String> value) { this.values = List.copyOf(value); return this; }
        public Builder ignoreCase(boolean value) { this.ignoreCase = value; return this; }
        public Builder pattern(String value) { this.pattern = value; return this; }
        public Builder maxLength(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("max length must be at least 1, cannot be: " + value);
            }
            this.maxLength = value;
            return this;
        }
        public Builder table(String value) { this.table = value; return this; }
        public Builder refColumn(String value) { this.refColumn = value; return this; }
        public Builder expression(String value) { this.expression = value; return this; }

        public Rule build() {
            String n = name != null ? name
                    : columns.isEmpty() ? kind.specName() : kind.specName() + "_" + String.join("_", columns);
            return new Rule(n, kind, level, columns, Optional.ofNullable(min), Optional.ofNullable(max), inclusive,
                    values, ignoreCase, Optional.ofNullable(pattern), maxLength, Optional.ofNullable(table),
                    Optional.ofNullable(refColumn), Optional.ofNullable(expression));
        }
    }
}
