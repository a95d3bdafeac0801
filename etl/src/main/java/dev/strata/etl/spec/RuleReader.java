package dev.strata.etl.spec;

import dev.strata.transforms.clean.Field;
import dev.strata.transforms.clean.FieldType;
import dev.strata.transforms.clean.Rule;
import dev.strata.transforms.clean.RuleKind;
import dev.strata.transforms.clean.RuleLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads and checks a source's {@code rules:}: each kind with the arguments it needs. */
final class RuleReader {

    private static final Set<String> COMMON = Set.of("kind", "name", "level", "description");
    private static final Map<RuleKind, Set<String>> ARGUMENTS = Map.of(
            RuleKind.NOT_NULL, Set.of("column", "columns"),
            RuleKind.UNIQUE, Set.of(),
            RuleKind.RANGE, Set.of("column", "min", "max", "inclusive"),
            RuleKind.ALLOWED_VALUES, Set.of("column", "values", "ignore_case"),
            RuleKind.REGEX, Set.of("column", "pattern"),
            RuleKind.MAX_LENGTH, Set.of("column", "max"),
            RuleKind.REFERENTIAL, Set.of("column", "table", "ref_column"),
            RuleKind.SQL, Set.of("expression"));
    private static final Pattern TABLE = Pattern.compile("(clean|curated)\\.[a-z][a-z0-9_]*");

    private final Map<String, Field> fields;

    RuleReader(Map<String, Field> fields) {
        this.fields = Map.copyOf(fields);
    }

    List<Rule> read(SpecNode rules) {
        List<Rule> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SpecNode node : rules.items()) {
            if (!node.requireObject("a rule is {kind: ..., ...}")) {
                continue;
            }
            rule(node).ifPresent(rule -> {
                if (!names.add(rule.name())) {
                    node.get("name").problem("rule '" + rule.name() + "' is declared twice; give one a name:");
                }
                result.add(rule);
            });
        }
        return result;
    }

    private Optional<Rule> rule(SpecNode node) {
        String kindText = node.get("kind").requiredText();
        RuleKind kind;
        try {
            kind = RuleKind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            if (!kindText.isEmpty()) {
                List<String> kinds = Arrays.stream(RuleKind.values()).map(RuleKind::specName).toList();
                String nearest = SpecNode.nearest(kindText, Set.copyOf(kinds));
                node.get("kind").problem("unknown rule kind '" + kindText + "'"
                        + (nearest != null ? " (did you mean '" + nearest + "'?)" : "")
                        + "; use one of " + String.join(", ", kinds));
            }
            return Optional.empty();
        }
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(ARGUMENTS.get(kind));
        node.allowOnly(allowed);
        Rule.Builder builder = Rule.builder(kind);
        node.get("name").text().ifPresent(name -> {
            if (!SpecLoader.NAME.matcher(name).matches()) {
                node.get("name").problem("'" + name + "' is not a valid rule name");
            }
            builder.name(name);
        });
        String level = node.get("level").text("error");
        try {
            builder.level(RuleLevel.valueOf(level.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            node.get("level").problem("level must be error or warn, not '" + level + "'");
        }
        switch (kind) {
            case NOT_NULL -> {
                List<String> columns = new ArrayList<>();
                for (String key : List.of("columns", "column")) {
                    for (String column : node.get(key).strings()) {
                        declared(node.get(key), column);
                        columns.add(column);
                    }
                }
                if (columns.isEmpty()) {
                    node.problem("not_null needs columns: [..] or column:");
                }
                builder.columns(columns);
            }
            case UNIQUE -> {
                // dedup on the source's keys decides which row survives
            }
            case RANGE -> {
                Field field = column(node, builder);
                boolean comparable = field != null && (field.type().isNumeric() || field.type().isTemporal());
                if (field != null && !comparable) {
                    node.get("column").problem("range needs a numeric, date or timestamp column, and "
                            + field.name() + " is " + field.type());
                }
                Optional<Comparable<?>> low = Optional.empty();
                Optional<Comparable<?>> high = Optional.empty();
                Optional<String> min = node.get("min").text().map(String::trim);
                Optional<String> max = node.get("max").text().map(String::trim);
                if (min.isEmpty() && max.isEmpty()) {
                    node.problem("range needs min:, max: or both");
                }
                if (comparable) {
                    low = min.flatMap(m -> bound(node.get("min"), m, field.type()));
                    high = max.flatMap(m -> bound(node.get("max"), m, field.type()));
                }
                if (low.isPresent() && high.isPresent() && compare(low.get(), high.get()) > 0) {
                    node.get("min").problem("min " + min.get() + " is greater than max " + max.get());
                }
                min.ifPresent(builder::min);
                max.ifPresent(builder::max);
                builder.inclusive(node.get("inclusive").bool(true));
            }
            case ALLOWED_VALUES -> {
                column(node, builder);
                List<String> values = node.get("values").strings();
                if (values.isEmpty()) {
                    node.get("values").problem("allowed_values needs a non-empty list of values");
                }
                builder.values(values).ignoreCase(node.get("ignore_case").bool(false));
            }
            case REGEX -> {
                column(node, builder);
                String pattern = node.get("pattern").requiredText();
                try {
                    Pattern.compile(pattern);
                } catch (PatternSyntaxException e) {
                    node.get("pattern").problem("not a valid regular expression: " + e.getDescription());
                }
                builder.pattern(pattern);
            }
            case MAX_LENGTH -> {
                column(node, builder);
                Optional<Long> max = node.get("max").integer();
                if (max.isEmpty() && node.get("max").isMissing()) {
                    node.get("max").problem("max_length needs max: (a whole number of characters)");
                }
                max.ifPresent(m -> {
                    if (m < 1) {
                        node.get("max").problem("must be at least 1, not " + m);
                    } else if (m > Integer.MAX_VALUE) {
                        node.get("max").problem("must be at most " + Integer.MAX_VALUE + ", not " + m);
                    } else {
                        builder.maxLength(m.intValue());
                    }
                });
            }
            case REFERENTIAL -> {
                column(node, builder);
                String table = node.get("table").requiredText();
                if (!table.isEmpty() && !TABLE.matcher(table).matches()) {
                    node.get("table").problem("'" + table + "' must be clean.<table> or curated.<table>");
                }
                builder.table(table).refColumn(node.get("ref_column").requiredText());
            }
            case SQL -> builder.expression(node.get("expression").requiredText());
        }
        return Optional.of(builder.build());
    }

    private Field column(SpecNode node, Rule.Builder builder) {
        String column = node.get("column").requiredText();
        builder.columns(column);
        return declared(node.get("column"), column);
    }

    private Field declared(SpecNode where, String column) {
        if (column.isEmpty()) {
            return null;
        }
        Field field = fields.get(column);
        if (field == null) {
            SourceReader.mustBeDeclared(where, column, fields.keySet());
        }
        return field;
    }

    /** The bound as a comparable value of the column's type, or empty (and a problem) if it does not parse. */
    private static Optional<Comparable<?>> bound(SpecNode node, String value, FieldType type) {
        try {
            return Optional.of(switch (type.kind()) {
                case INT -> BigDecimal.valueOf(Integer.parseInt(value));
                case LONG -> BigDecimal.valueOf(Long.parseLong(value));
                case DOUBLE, DECIMAL -> new BigDecimal(value);
                case DATE -> LocalDate.parse(value);
                case TIMESTAMP -> timestamp(value);
                default -> throw new IllegalStateException("not a range type: " + type);
            });
        } catch (NumberFormatException | DateTimeParseException e) {
            node.problem("'" + value + "' is not a valid " + type + " bound"
                    + (type.isTemporal() ? " (use ISO form, e.g. 2024-01-31 or 2024-01-31 12:00:00)" : ""));
            return Optional.empty();
        }
    }

    /** An ISO timestamp, with 'T' or a space between date and time, or a date alone (midnight). */
    private static LocalDateTime timestamp(String value) {
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay();
        }
        return LocalDateTime.parse(value.replace(' ', 'T'));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Comparable<?> a, Comparable<?> b) {
        return ((Comparable) a).compareTo(b);
    }
}
