package dev.strata.transforms.clean;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.initcap;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Turns parsed raw records into classified rows: normalised, typed, checked against every rule,
 * deduplicated on the keys. Pure: no I/O, one pass, one shuffle (for dedup).
 *
 * <p>Input: one string column per declared field (named like the field) and the metadata columns of
 * {@link RecordColumns} ({@code _batch_id}, {@code _source_file}, {@code _line_number},
 * {@code _raw_text}, {@code _parse_rule}, {@code _parse_error}). Output: the declared fields typed,
 * the metadata, {@code _row_hash}, {@code _failures} (array of rule/reason structs),
 * {@code _warnings}, {@code _status} (clean, quarantined or duplicate), {@code _rule} and
 * {@code _reason}.
 */
public final class CleanTransform {

    private static final String VALID = "__valid";
    private static final String STRING_PREFIX = "__s_";

    private final CleanSpec spec;
    private final Map<String, Dataset<Row>> references;

    /**
     * @param references the tables named by referential rules, by the name the rule uses
     */
    public CleanTransform(CleanSpec spec, Map<String, Dataset<Row>> references) {
        this.spec = Objects.requireNonNull(spec, "spec is null");
        this.references = Map.copyOf(Objects.requireNonNull(references, "references is null"));
        for (Rule rule : spec.rules()) {
            if (rule.kind() == RuleKind.REFERENTIAL && !this.references.containsKey(rule.table().orElseThrow())) {
                throw new IllegalArgumentException("rule " + rule.name() + " needs table " + rule.table().orElseThrow()
                        + " but it was not given");
            }
        }
    }

    public Dataset<Row> apply(Dataset<Row> records) {
        Objects.requireNonNull(records, "records is null");
        Dataset<Row> typed = typed(records);
        Dataset<Row> joined = joinReferences(typed);
        Dataset<Row> checked = checked(joined);
        return deduplicated(checked);
    }

    // ---- normalise and type -------------------------------------------------------------------

    private Dataset<Row> typed(Dataset<Row> records) {
        List<Column> out = new ArrayList<>();
        java.util.Set<String> declared = new java.util.HashSet<>(spec.fieldNames());
        for (String c : records.columns()) {
            if (c.startsWith("_") && !declared.contains(c)) {
                out.add(col(c));
            }
        }
        for (Field field : spec.fields()) {
            Column normalised = normalised(field, col(field.name()));
            out.add(normalised.as(STRING_PREFIX + field.name()));
        }
        Dataset<Row> strings = records.select(out.toArray(Column[]::new));
        List<Column> typedColumns = new ArrayList<>();
        for (String c : strings.columns()) {
            typedColumns.add(col(c));
        }
        for (Field field : spec.fields()) {
            typedColumns.add(typedValue(field, col(STRING_PREFIX + field.name())).as(field.name()));
        }
        return strings.select(typedColumns.toArray(Column[]::new));
    }

    private Column normalised(Field field, Column value) {
        Normalisation n = spec.normalisation();
        Column v = value;
        if (n.trim()) {
            v = trim(v);
        }
        if (n.emptyAsNull()) {
            v = when(v.equalTo(lit("")), lit(null).cast("string")).otherwise(v);
        }
        CaseStyle style = n.caseStyles().get(field.name());
        if (style != null) {
            v = switch (style) {
                case UPPER -> upper(v);
                case LOWER -> lower(v);
                case TITLE -> initcap(v);
            };
        }
        return v;
    }

    /** The typed value, or null where the string does not parse (the failure is reported separately). */
    static Column typedValue(Field field, Column s) {
        FieldType type = field.type();
        return switch (type.kind()) {
            case STRING -> s;
            case INT, LONG -> when(s.rlike("^[+-]?[0-9]+$"), s.cast(type.sparkType()));
            case DOUBLE -> when(s.rlike("^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$"),
                    s.cast(type.sparkType()));
            case DECIMAL -> when(s.rlike("^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)$"), s.cast(type.sparkType()));
            case BOOLEAN -> when(lower(s).isin("true", "t", "yes", "y", "1"), lit(true))
                    .when(lower(s).isin("false", "f", "no", "n", "0"), lit(false));
            case DATE -> field.format().map(f -> to_date(s, f)).orElse(s.cast("date"));
            case TIMESTAMP -> field.format().map(f -> to_timestamp(s, f)).orElse(s.cast("timestamp"));
        };
    }

    // ---- rules --------------------------------------------------------------------------------

    private Dataset<Row> joinReferences(Dataset<Row> typed) {
        Dataset<Row> result = typed;
        int i = 0;
        for (Rule rule : spec.rules()) {
            if (rule.kind() != RuleKind.REFERENTIAL) {
                continue;
            }
            Dataset<Row> reference = references.get(rule.table().orElseThrow());
            String refKey = "__ref_key_" + i;
            String refFound = refFound(i);
            Dataset<Row> keys = reference.select(col(rule.refColumn().orElseThrow()).cast("string").as(refKey))
                    .where(col(refKey).isNotNull()).distinct().withColumn(refFound, lit(true));
            result = result.join(broadcast(keys), result.col(rule.column()).cast("string").equalTo(keys.col(refKey)),
                    "left").drop(refKey);
            i++;
        }
        return result;
    }

    private static String refFound(int index) {
        return "__ref_found_" + index;
    }

    private Dataset<Row> checked(Dataset<Row> joined) {
        List<Column> errors = new ArrayList<>();
        List<Column> warnings = new ArrayList<>();
        boolean hasParseColumns = List.of(joined.columns()).contains(RecordColumns.PARSE_ERROR);
        for (Field field : spec.fields()) {
            if (field.type().kind() == FieldType.Kind.STRING) {
                continue;
            }
            Column s = col(STRING_PREFIX + field.name());
            String expected = field.type() + field.format().map(f -> " in format '" + f + "'").orElse("");
            errors.add(when(s.isNotNull().and(col(field.name()).isNull()),
                    failure(lit("type_" + field.name()),
                            format_string(field.name() + ": '%s' is not a valid " + expected, s))));
        }
        Map<String, Column> notNull = new LinkedHashMap<>();
        for (String key : spec.keys()) {
            notNull.put(key, col(key));
        }
        for (Field field : spec.fields()) {
            if (!field.nullable()) {
                notNull.put(field.name(), col(field.name()));
            }
        }
        for (Map.Entry<String, Column> e : notNull.entrySet()) {
            Column s = col(STRING_PREFIX + e.getKey());
            // a value that failed to parse is already reported as a type failure
            errors.add(when(s.isNull(), failure(lit("not_null_" + e.getKey()), lit(e.getKey() + " is missing"))));
        }
        int referential = 0;
        for (Rule rule : spec.rules()) {
            if (rule.kind() == RuleKind.UNIQUE) {
                continue;
            }
            Column failed = failedCondition(rule, referential);
            if (rule.kind() == RuleKind.REFERENTIAL) {
                referential++;
            }
            Column entry = when(failed, failure(lit(rule.name()), reason(rule)));
            (rule.level() == RuleLevel.ERROR ? errors : warnings).add(entry);
        }
        Column errorArray = compact(errors);
        Column warningArray = compact(warnings);
        if (hasParseColumns) {
            // a record that did not parse has no trustworthy values: its parse error is its only failure
            Column unparsed = col(RecordColumns.PARSE_ERROR).isNotNull();
            errorArray = when(unparsed, array(failure(col(RecordColumns.PARSE_RULE), col(RecordColumns.PARSE_ERROR))))
                    .otherwise(errorArray);
            warningArray = when(unparsed, compact(List.of())).otherwise(warningArray);
        }
        List<Column> out = new ArrayList<>();
        for (String c : joined.columns()) {
            if (!c.startsWith("__ref_found_")) {
                out.add(col(c));
            }
        }
        out.add(errorArray.as(RecordColumns.FAILURES));
        out.add(warningArray.as(RecordColumns.WARNINGS));
        return joined.select(out.toArray(Column[]::new));
    }

    private static Column failure(Column rule, Column reason) {
        return struct(rule.as("rule"), reason.as("reason"));
    }

    private static Column compact(List<Column> entries) {
        if (entries.isEmpty()) {
            return expr("cast(array() as array<struct<rule:string,reason:string>>)");
        }
        // concat of one-or-zero element arrays keeps the whole check in generated code
        // (a filter() lambda would make Spark evaluate every rule interpreted, row by row)
        Column empty = expr("cast(array() as array<struct<rule:string,reason:string>>)");
        Column[] parts = entries.stream().map(e -> when(e.isNotNull(), array(e)).otherwise(empty))
                .toArray(Column[]::new);
        return org.apache.spark.sql.functions.concat(parts);
    }

    private Column failedCondition(Rule rule, int referentialIndex) {
        return switch (rule.kind()) {
            case NOT_NULL -> rule.columns().stream().map(c -> col(c).isNull()).reduce(Column::or).orElseThrow();
            case RANGE -> {
                Column c = col(rule.column());
                String type = spec.field(rule.column()).map(f -> f.type().sparkType().sql()).orElse("double");
                Column inside = lit(true);
                if (rule.min().isPresent()) {
                    Column min = lit(rule.min().get()).cast(type);
                    inside = inside.and(rule.inclusive() ? c.geq(min) : c.gt(min));
                }
                if (rule.max().isPresent()) {
                    Column max = lit(rule.max().get()).cast(type);
                    inside = inside.and(rule.inclusive() ? c.leq(max) : c.lt(max));
                }
                yield c.isNotNull().and(not(inside));
            }
            case ALLOWED_VALUES -> {
                Column c = col(rule.column()).cast("string");
                Column in = rule.ignoreCase()
                        ? lower(c).isin(rule.values().stream().map(v -> v.toLowerCase(java.util.Locale.ROOT)).toArray())
                        : c.isin(rule.values().toArray());
                yield c.isNotNull().and(not(in));
            }
            case REGEX -> {
                Column c = col(rule.column()).cast("string");
                String anchored = "^(?:" + rule.pattern().orElseThrow() + ")$";
                yield c.isNotNull().and(not(c.rlike(anchored)));
            }
            case MAX_LENGTH -> {
                Column c = col(rule.column()).cast("string");
                yield c.isNotNull().and(length(c).gt(rule.maxLength()));
            }
            case REFERENTIAL -> col(rule.column()).isNotNull().and(col(refFound(referentialIndex)).isNull());
            case SQL -> not(expr(rule.expression().orElseThrow())).or(expr(rule.expression().orElseThrow()).isNull());
            case UNIQUE -> lit(false);
        };
    }

    private Column reason(Rule rule) {
        return switch (rule.kind()) {
            case NOT_NULL -> {
                List<Column> parts = new ArrayList<>();
                for (String c : rule.columns()) {
                    parts.add(when(col(c).isNull(), lit(c + " is missing")));
                }
                yield concat_ws(", ", parts.toArray(Column[]::new));
            }
            case RANGE -> format_string(rule.column() + " = %s is outside "
                    + (rule.inclusive() ? "[" : "(") + rule.min().orElse("-inf") + ", " + rule.max().orElse("+inf")
                    + (rule.inclusive() ? "]" : ")"), col(rule.column()).cast("string"));
            case ALLOWED_VALUES -> format_string(rule.column() + " = '%s' is not one of "
                    + String.join(", ", rule.values()), col(rule.column()).cast("string"));
            case REGEX -> format_string(rule.column() + " = '%s' does not match "
                    + rule.pattern().orElseThrow().replace("%", "%%"), col(rule.column()).cast("string"));
            case MAX_LENGTH -> format_string(rule.column() + " has %d characters, more than " + rule.maxLength(),
                    length(col(rule.column()).cast("string")));
            case REFERENTIAL -> format_string(rule.column() + " = '%s' is not in " + rule.table().orElseThrow()
                    + "." + rule.refColumn().orElseThrow(), col(rule.column()).cast("string"));
            case SQL -> lit("not true: " + rule.expression().orElseThrow());
            case UNIQUE -> lit("");
        };
    }

    // ---- dedup --------------------------------------------------------------------------------

    private Dataset<Row> deduplicated(Dataset<Row> checked) {
        List<Column> hashed = spec.fields().stream().map(f -> col(f.name())).collect(Collectors.toList());
        Dataset<Row> withHash = checked
                .withColumn(RecordColumns.ROW_HASH, xxhash64(hashed.toArray(Column[]::new)))
                .withColumn(VALID, expr("size(" + RecordColumns.FAILURES + ") = 0"));

        List<Column> partition = new ArrayList<>();
        for (String key : spec.keys()) {
            partition.add(col(key));
        }
        partition.add(col(VALID));
        List<Column> order = winnerOrder();
        WindowSpec byKey = Window.partitionBy(partition.toArray(Column[]::new)).orderBy(order.toArray(Column[]::new));
        List<Column> byHashPartition = new ArrayList<>(partition);
        byHashPartition.add(col(RecordColumns.ROW_HASH));
        WindowSpec byHash = Window.partitionBy(byHashPartition.toArray(Column[]::new))
                .orderBy(order.toArray(Column[]::new));

        Column rank = row_number().over(byKey);
        Column copy = row_number().over(byHash);
        Column winnerFile = first(col(RecordColumns.SOURCE_FILE)).over(byKey);
        Column winnerLine = first(col(RecordColumns.LINE_NUMBER)).over(byKey);
        Dataset<Row> ranked = withHash
                .withColumn("__rank", when(col(VALID), rank))
                .withColumn("__copy", when(col(VALID), copy))
                .withColumn("__winner", when(col(VALID), format_string("line %d of %s",
                        winnerLine, winnerFile)));

        String keyText = spec.keys().stream().map(k -> "'" + k + "=', cast(" + k + " as string)")
                .collect(Collectors.joining(", ', ', ", "concat(", ")"));
        Column uniqueFailure = failure(lit("unique"), format_string("duplicate key %s; %s was kept",
                expr(keyText), col("__winner")));
        Column failures = when(col(VALID).and(col("__copy").equalTo(1)).and(col("__rank").gt(1)),
                array(uniqueFailure)).otherwise(col(RecordColumns.FAILURES));
        Column status = when(not(col(VALID)), lit(RecordColumns.QUARANTINED))
                .when(col("__copy").gt(1), lit(RecordColumns.DUPLICATE))
                .when(col("__rank").equalTo(1), lit(RecordColumns.CLEAN))
                .otherwise(lit(RecordColumns.QUARANTINED));

        Dataset<Row> classified = ranked
                .withColumn(RecordColumns.FAILURES, failures)
                .withColumn(RecordColumns.STATUS, status)
                .withColumn(RecordColumns.RULE, when(col(RecordColumns.STATUS).equalTo(RecordColumns.QUARANTINED),
                        expr(RecordColumns.FAILURES + "[0].rule")))
                .withColumn(RecordColumns.REASON, when(col(RecordColumns.STATUS).equalTo(RecordColumns.QUARANTINED),
                        expr("array_join(transform(" + RecordColumns.FAILURES + ", f -> f.reason), '; ')")));

        List<Column> out = new ArrayList<>();
        for (String c : classified.columns()) {
            if (!c.startsWith("__")) {
                out.add(col(c));
            }
        }
        return classified.select(out.toArray(Column[]::new));
    }

    private List<Column> winnerOrder() {
        boolean last = spec.dedup().keep() == DedupPolicy.Keep.LAST;
        List<Column> order = new ArrayList<>();
        for (SortKey key : spec.dedup().orderBy()) {
            boolean descending = key.descending() != last;
            order.add(descending ? col(key.column()).desc_nulls_last() : col(key.column()).asc_nulls_last());
        }
        for (String meta : List.of(RecordColumns.BATCH_ID, RecordColumns.SOURCE_FILE, RecordColumns.LINE_NUMBER)) {
            order.add(last ? col(meta).desc() : col(meta).asc());
        }
        return order;
    }
}
