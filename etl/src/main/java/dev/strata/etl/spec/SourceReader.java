package dev.strata.etl.spec;

import dev.strata.transforms.clean.CaseStyle;
import dev.strata.transforms.clean.CleanSpec;
import dev.strata.transforms.clean.DedupPolicy;
import dev.strata.transforms.clean.DerivedColumn;
import dev.strata.transforms.clean.DerivedExpression;
import dev.strata.transforms.clean.Field;
import dev.strata.transforms.clean.FieldType;
import dev.strata.transforms.clean.Normalisation;
import dev.strata.transforms.clean.RecordColumns;
import dev.strata.transforms.clean.Rule;
import dev.strata.transforms.clean.SortKey;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and checks one entry of {@code sources:}. */
final class SourceReader {

    private static final Set<String> KEYS = Set.of("name", "description", "path", "format", "csv", "schema",
            "normalize", "keys", "dedup", "rules", "clean", "files", "optional", "derive", "schema_drift");
    private static final Set<String> CSV = Set.of("header", "delimiter", "quote", "escape", "multiline", "encoding",
            "max_record_lines", "max_record_bytes");
    private static final Set<String> DRIFT = Set.of("missing_column", "extra_column");
    private static final Set<String> FIELD = Set.of("name", "source", "type", "nullable", "format", "description");
    private static final Set<String> NORMALIZE = Set.of("trim", "empty_as_null", "case");
    private static final Set<String> DEDUP = Set.of("order_by", "keep");
    private static final Set<String> CLEAN = Set.of("table", "partition_by");
    private static final Set<String> DERIVE = Set.of("name", "expr", "description");
    /** Week-based pattern letters: refused by Spark 3 (its DateTimeFormatterHelper). */
    private static final String WEEK_BASED_LETTERS = "YWwuec";
    /** Letters Spark 3 refuses outright, or refuses when parsing (and a field format is only ever parsed). */
    private static final String UNSUPPORTED_LETTERS = "ABnNpEFqQ";
    /** Runs of letters Spark 3 refuses: narrow text forms (5 letters) and years of 7 digits or more. */
    private static final Pattern UNSUPPORTED_LENGTHS =
            Pattern.compile("GGGGG|MMMMM|LLLLL|EEEEE|QQQQQ|qqqqq|yyyyyyy|YYYYYYY");

    private final SpecNode node;

    SourceReader(SpecNode node) {
        this.node = node;
    }

    Optional<SourceSpec> read() {
        if (!node.requireObject("a source is a mapping with name:, path:, format:, schema: and keys:")) {
            return Optional.empty();
        }
        node.allowOnly(KEYS);
        String name = SpecLoader.name(node.get("name"));
        String path = node.get("path").requiredText();
        String formatText = node.get("format").text("csv");
        SourceFormat format = SourceFormat.CSV;
        try {
            format = SourceFormat.valueOf(formatText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            node.get("format").problem("unknown format '" + formatText + "'; use csv, jsonl or parquet");
        }
        if (format != SourceFormat.CSV && node.has("csv")) {
            node.get("csv").problem("csv options only apply to format csv, not " + format.specName());
        }
        CsvOptions csv = csv(node.get("csv"));
        List<Field> fields = fields(node.get("schema"));
        SchemaDrift drift = drift(node.get("schema_drift"), format, fields);
        if (drift.extra() == SchemaDrift.Extra.RESCUE) {
            fields = new ArrayList<>(fields);
            fields.add(new Field(SchemaDrift.RESCUED, SchemaDrift.RESCUED, FieldType.of(FieldType.Kind.STRING), true,
                    Optional.empty()));
        }
        Set<String> declared = new HashSet<>(fields.stream().map(Field::name).toList());
        Normalisation normalisation = normalisation(node.get("normalize"), declared);
        List<String> keys = node.get("keys").strings();
        if (keys.isEmpty()) {
            node.get("keys").problem("is required: the business key columns, e.g. [case_id]");
        }
        for (String key : keys) {
            mustBeDeclared(node.get("keys"), key, declared);
        }
        DedupPolicy dedup = dedup(node.get("dedup"), declared);
        Map<String, Field> byName = new HashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        List<Rule> rules = new RuleReader(byName).read(node.get("rules"));
        List<DerivedColumn> derive = derive(node.get("derive"), declared);
        CleanTarget target = target(node.get("clean"), name, declared);
        if (fields.isEmpty() || keys.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> files = node.get("files").text();
        files.ifPresent(glob -> {
            if (glob.isBlank() || glob.contains("/")) {
                node.get("files").problem("'" + glob + "' must be a file name pattern such as PATIENTS.csv*, without '/'");
            }
        });
        return Optional.of(new SourceSpec(name, path, files, node.get("optional").bool(false), format, csv,
                new CleanSpec(fields, normalisation, keys, dedup, rules), derive, target, drift));
    }

    /**
     * The {@code schema_drift:} policy: {@code missing_column} (fail, quarantine_file, fill_null) and
     * {@code extra_column} (ignore, rescue; rescue only where a file has named columns, a CSV header).
     */
    private static SchemaDrift drift(SpecNode node, SourceFormat format, List<Field> fields) {
        SchemaDrift defaults = SchemaDrift.defaults();
        if (!node.expectObject()) {
            return defaults;
        }
        node.allowOnly(DRIFT);
        SchemaDrift.Missing missing = choice(node.get("missing_column"), SchemaDrift.Missing.values(),
                defaults.missing(), SchemaDrift.Missing::specName);
        SchemaDrift.Extra extra = choice(node.get("extra_column"), SchemaDrift.Extra.values(), defaults.extra(),
                SchemaDrift.Extra::specName);
        if (extra == SchemaDrift.Extra.RESCUE && format != SourceFormat.CSV) {
            node.get("extra_column").problem("rescue keeps the columns of a CSV header; a " + format.specName()
                    + " source reads its declared fields by name (use ignore)");
        }
        if (fields.stream().anyMatch(f -> f.name().equals(SchemaDrift.RESCUED))) {
            node.problem("'" + SchemaDrift.RESCUED + "' is the column rescued values are kept in: rename the field");
        }
        return new SchemaDrift(missing, extra);
    }

    private static <E extends Enum<E>> E choice(SpecNode node, E[] values, E defaultValue,
            java.util.function.Function<E, String> specName) {
        Optional<String> text = node.text();
        if (text.isEmpty()) {
            return defaultValue;
        }
        for (E value : values) {
            if (specName.apply(value).equalsIgnoreCase(text.get().trim())) {
                return value;
            }
        }
        node.problem("unknown value '" + text.get() + "'; use one of " + String.join(", ",
                java.util.Arrays.stream(values).map(specName).toList()));
        return defaultValue;
    }

    /** Reports a column that is not in the schema; says nothing while the schema itself is missing or empty. */
    static void mustBeDeclared(SpecNode where, String column, Set<String> declared) {
        if (!declared.isEmpty() && !declared.contains(column)) {
            String nearest = SpecNode.nearest(column, declared);
            where.problem("'" + column + "' is not a declared field"
                    + (nearest != null ? " (did you mean '" + nearest + "'?)" : ""));
        }
    }

    /**
     * The {@code derive:} list: each column's name is new, and its expression parses and uses only the declared
     * fields, the clean metadata columns and the derived columns before it, calling built-in functions, with
     * every aggregate and window function under {@code over (...)}.
     */
    private static List<DerivedColumn> derive(SpecNode node, Set<String> declared) {
        List<DerivedColumn> derived = new ArrayList<>();
        List<SpecNode> items = node.items();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            items.get(i).get("name").peek().ifPresent(name -> positions.putIfAbsent(name, index));
        }
        Set<String> available = new HashSet<>(declared);
        available.addAll(RecordColumns.CLEAN_METADATA);
        for (int i = 0; i < items.size(); i++) {
            SpecNode item = items.get(i);
            if (!item.requireObject("a derived column is {name: ..., expr: ...}")) {
                continue;
            }
            item.allowOnly(DERIVE);
            String name = SpecLoader.name(item.get("name"));
            if (!name.isEmpty() && declared.contains(name)) {
                item.get("name").problem("'" + name + "' is already a declared field");
            } else if (!name.isEmpty() && positions.getOrDefault(name, i) < i) {
                item.get("name").problem("derived column '" + name + "' is declared twice");
            }
            String expression = item.get("expr").requiredText();
            if (!expression.isEmpty()) {
                checkExpression(item.get("expr"), expression, available, positions, i);
            }
            if (!name.isEmpty()) {
                available.add(name);
            }
            derived.add(new DerivedColumn(name, expression));
        }
        return derived;
    }

    private static void checkExpression(SpecNode where, String expression, Set<String> available,
            Map<String, Integer> positions, int index) {
        DerivedExpression parsed;
        try {
            parsed = DerivedExpression.parse(expression);
        } catch (IllegalArgumentException e) {
            where.problem("not a valid Spark SQL expression: " + e.getMessage());
            return;
        }
        Set<String> problems = new java.util.LinkedHashSet<>();
        for (String column : parsed.columns()) {
            String c = column.toLowerCase(Locale.ROOT);
            if (available.contains(c)) {
                continue;
            }
            Integer later = positions.get(c);
            if (later != null && later >= index) {
                problems.add("'" + c + "' is " + (later == index ? "this column itself" : "derived later, in derive["
                        + later + "]") + "; a derived column may use the declared fields and the derived columns"
                        + " before it");
            } else {
                String nearest = SpecNode.nearest(c, available);
                problems.add("'" + c + "' is not a declared field or an earlier derived column"
                        + (nearest != null ? " (did you mean '" + nearest + "'?)" : ""));
            }
        }
        for (DerivedExpression.FunctionCall call : parsed.functions()) {
            switch (DerivedExpression.kind(call.name())) {
                case UNKNOWN -> {
                    String nearest = SpecNode.nearest(call.name(), DerivedExpression.builtinFunctions());
                    problems.add("unknown function '" + call.name() + "'"
                            + (nearest != null ? " (did you mean '" + nearest + "'?)" : "")
                            + "; a derived column uses Spark SQL's built-in functions");
                }
                case AGGREGATE -> {
                    if (!call.windowed()) {
                        problems.add("'" + call.name() + "' is an aggregate: a derived column has one value per row,"
                                + " so it needs a window, e.g. " + call.name() + "(...) over (partition by ... order by ...)");
                    }
                }
                case WINDOW -> {
                    if (!call.windowed()) {
                        problems.add("'" + call.name() + "' is a window function: it needs over (partition by ..."
                                + " order by ...)");
                    }
                }
                case SCALAR -> {
                    // fine anywhere
                }
            }
        }
        problems.addAll(dev.strata.transforms.clean.DerivedFunctions.problems(expression));
        problems.forEach(where::problem);
    }

    private static CsvOptions csv(SpecNode csv) {
        CsvOptions defaults = CsvOptions.defaults();
        if (!csv.expectObject()) {
            return defaults;
        }
        csv.allowOnly(CSV);
        Charset encoding = StandardCharsets.UTF_8;
        String encodingName = csv.get("encoding").text("UTF-8");
        try {
            encoding = Charset.forName(encodingName);
        } catch (IllegalArgumentException e) {
            csv.get("encoding").problem("unknown encoding '" + encodingName + "' (e.g. UTF-8, ISO-8859-1, windows-1252)");
        }
        char delimiter = character(csv.get("delimiter"), defaults.delimiter());
        // quote: none reads every character as data, as tab-separated exports without quoting need
        boolean noQuote = csv.get("quote").text().filter(t -> t.equalsIgnoreCase("none")).isPresent();
        char quote = noQuote ? CsvOptions.NO_QUOTE : character(csv.get("quote"), defaults.quote());
        if (delimiter == quote) {
            csv.get("quote").problem("the quote character must differ from the delimiter '" + delimiter + "'");
        }
        long maxLines = positive(csv.get("max_record_lines"), defaults.maxRecordLines(), Integer.MAX_VALUE);
        long maxBytes = positive(csv.get("max_record_bytes"), defaults.maxRecordBytes(), Integer.MAX_VALUE);
        return new CsvOptions(csv.get("header").bool(defaults.header()), delimiter, quote,
                character(csv.get("escape"), defaults.escape()), csv.get("multiline").bool(defaults.multiline()),
                encoding, (int) maxLines, maxBytes);
    }

    private static long positive(SpecNode node, long defaultValue, long max) {
        long value = node.integer().orElse(defaultValue);
        if (value < 1 || value > max) {
            node.problem("must be a whole number from 1 to " + max + ", not " + value);
            return defaultValue;
        }
        return value;
    }

    private static char character(SpecNode node, char defaultValue) {
        Optional<String> text = node.text();
        if (text.isEmpty()) {
            return defaultValue;
        }
        String value = text.get().equals("\\t") ? "\t" : text.get();
        if (value.length() != 1) {
            node.problem("must be exactly one character, not '" + text.get() + "'");
            return defaultValue;
        }
        return value.charAt(0);
    }

    private static List<Field> fields(SpecNode schema) {
        List<Field> fields = new ArrayList<>();
        List<SpecNode> items = schema.items();
        if (schema.isMissing()) {
            schema.problem("is required: the declared fields with name and type");
        } else if (items.isEmpty() && schema.isList()) {
            schema.problem("declare at least one field");
        }
        Set<String> names = new HashSet<>();
        for (SpecNode item : items) {
            if (!item.requireObject("a field is {name: ..., type: ...}")) {
                continue;
            }
            item.allowOnly(FIELD);
            String name = SpecLoader.name(item.get("name"));
            if (!name.isEmpty() && !names.add(name)) {
                item.get("name").problem("field '" + name + "' is declared twice");
            }
            String typeText = item.get("type").text("string");
            FieldType type = FieldType.of(FieldType.Kind.STRING);
            boolean typeKnown = true;
            try {
                type = FieldType.parse(typeText);
            } catch (IllegalArgumentException e) {
                item.get("type").problem(e.getMessage());
                typeKnown = false;
            }
            Optional<String> format = item.get("format").text();
            if (format.isPresent() && typeKnown) {
                if (!type.isTemporal()) {
                    item.get("format").problem("format only applies to date and timestamp fields, not " + type);
                } else {
                    checkPattern(item.get("format"), format.get());
                }
            }
            String source = item.get("source").text(name);
            fields.add(new Field(name, source, type, item.get("nullable").bool(true), format));
        }
        return fields;
    }

    /**
     * A field format is a Spark 3 datetime pattern used for parsing: java.time must accept it, and it must
     * not use what Spark's own checks refuse (week-based fields, parse-only restrictions, narrow forms).
     */
    private static void checkPattern(SpecNode node, String pattern) {
        if (pattern.isBlank()) {
            node.problem("must not be empty; leave format: out to use Spark's default parsing");
            return;
        }
        String unquoted = pattern.replaceAll("'[^']*'?", "");
        for (char c : unquoted.toCharArray()) {
            if (WEEK_BASED_LETTERS.indexOf(c) >= 0) {
                node.problem("pattern letter '" + c + "' in '" + pattern + "' is week-based, which Spark 3 does not "
                        + "support; use y for the year, M for the month and d for the day of month");
                return;
            }
            if (UNSUPPORTED_LETTERS.indexOf(c) >= 0) {
                node.problem("pattern letter '" + c + "' in '" + pattern + "' cannot be used to parse values in Spark 3");
                return;
            }
        }
        Matcher tooLong = UNSUPPORTED_LENGTHS.matcher(unquoted);
        if (tooLong.find()) {
            node.problem("'" + tooLong.group() + "' in '" + pattern + "' has too many pattern letters for Spark 3");
            return;
        }
        try {
            DateTimeFormatter.ofPattern(pattern);
        } catch (IllegalArgumentException e) {
            node.problem("'" + pattern + "' is not a valid datetime pattern: " + e.getMessage());
        }
    }

    private static Normalisation normalisation(SpecNode normalize, Set<String> declared) {
        if (!normalize.expectObject()) {
            return Normalisation.defaults();
        }
        normalize.allowOnly(NORMALIZE);
        Map<String, CaseStyle> styles = new LinkedHashMap<>();
        SpecNode cases = normalize.get("case");
        if (cases.expectObject()) {
            for (String column : fieldNames(cases)) {
                mustBeDeclared(cases.get(column), column, declared);
                String style = cases.get(column).text("");
                try {
                    styles.put(column, CaseStyle.valueOf(style.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    cases.get(column).problem("unknown case '" + style + "'; use upper, lower or title");
                }
            }
        }
        return new Normalisation(normalize.get("trim").bool(true), normalize.get("empty_as_null").bool(true), styles);
    }

    static List<String> fieldNames(SpecNode node) {
        return node.fieldNames();
    }

    private static DedupPolicy dedup(SpecNode dedup, Set<String> declared) {
        if (!dedup.expectObject()) {
            return DedupPolicy.keepLast();
        }
        dedup.allowOnly(DEDUP);
        List<SortKey> orderBy = new ArrayList<>();
        for (String text : dedup.get("order_by").strings()) {
            try {
                SortKey key = SortKey.parse(text);
                mustBeDeclared(dedup.get("order_by"), key.column(), declared);
                orderBy.add(key);
            } catch (IllegalArgumentException e) {
                dedup.get("order_by").problem(e.getMessage());
            }
        }
        String keep = dedup.get("keep").text("last");
        DedupPolicy.Keep policy = DedupPolicy.Keep.LAST;
        try {
            policy = DedupPolicy.Keep.valueOf(keep.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            dedup.get("keep").problem("keep must be first or last, not '" + keep + "'");
        }
        return new DedupPolicy(orderBy, policy);
    }

    private static CleanTarget target(SpecNode clean, String sourceName, Set<String> declared) {
        if (!clean.expectObject()) {
            return new CleanTarget(sourceName, List.of());
        }
        clean.allowOnly(CLEAN);
        String table = clean.get("table").text(sourceName);
        if (!SpecLoader.NAME.matcher(table).matches()) {
            clean.get("table").problem("'" + table + "' is not a valid table name");
        }
        List<String> partitionBy = clean.get("partition_by").strings();
        for (String column : partitionBy) {
            mustBeDeclared(clean.get("partition_by"), column, declared);
        }
        return new CleanTarget(table, partitionBy);
    }
}
