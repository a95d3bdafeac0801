package dev.strata.etl.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.strata.transforms.clean.CaseStyle;
import dev.strata.transforms.clean.CleanSpec;
import dev.strata.transforms.clean.DedupPolicy;
import dev.strata.transforms.clean.DerivedColumn;
import dev.strata.transforms.clean.Field;
import dev.strata.transforms.clean.FieldType;
import dev.strata.transforms.clean.Normalisation;
import dev.strata.transforms.clean.Rule;
import dev.strata.transforms.clean.RuleKind;
import dev.strata.transforms.clean.RuleLevel;
import dev.strata.transforms.clean.SortKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecLoaderTest {

    private final SpecLoader loader = new SpecLoader();

    // ---- a spec that uses every option --------------------------------------------------------

    private static final String FULL = """
            pipeline: shop
            description: orders and customers
            sources:
              - name: orders
                description: order lines from the till
                path: s3a://bucket/in/orders/
                format: csv
                csv: {header: false, delimiter: ";", quote: "'", escape: "\\\\", multiline: false, encoding: ISO-8859-1}
                schema:
                  - {name: order_id, source: Order ID, type: long, nullable: false, description: the till's number}
                  - {name: customer, type: string}
                  - {name: amount, type: "decimal(10,2)"}
                  - {name: placed, type: timestamp, format: "yyyy-MM-dd HH:mm:ss"}
                  - {name: day, source: Day, type: date, format: "d/M/yyyy"}
                  - {name: quantity, source: qty, type: int}
                  - {name: ratio, type: double}
                  - {name: gift, type: boolean, nullable: true}
                  - {name: status, type: string}
                  - {name: city, type: string}
                normalize: {trim: false, empty_as_null: false, case: {status: upper, customer: lower, city: title}}
                keys: [order_id]
                dedup: {order_by: [placed desc, order_id], keep: first}
                rules:
                  - {kind: not_null, columns: [customer, status]}
                  - {kind: not_null, column: day, name: day_present, level: warn}
                  - {kind: range, column: amount, min: 0, max: 10000.50, inclusive: false}
                  - {kind: range, column: day, min: "2020-01-01"}
                  - {kind: range, column: placed, max: "2030-01-01 00:00:00", level: error}
                  - {kind: range, column: quantity, min: 1, max: 99}
                  - {kind: allowed_values, column: status, values: [NEW, PAID, 07], ignore_case: true, level: warn}
                  - {kind: regex, column: customer, pattern: 'C\\d+'}
                  - {kind: max_length, column: customer, max: 12}
                  - {kind: referential, column: customer, table: clean.customers, ref_column: customer_id}
                  - {kind: referential, name: known_status, column: status, table: curated.statuses, ref_column: code}
                  - {kind: sql, name: paid_has_amount, expression: "status <> 'PAID' OR amount > 0"}
                  - {kind: unique}
                clean: {table: order_lines, partition_by: [day]}
              - name: customers
                path: data/customers.jsonl
                format: jsonl
                schema:
                  - {name: customer_id, type: string}
                keys: [customer_id]
              - name: stock
                path: data/stock.tsv
                csv: {delimiter: '\\t'}
                schema: [{name: sku}]
                keys: sku
            curated:
              - {name: revenue, sql: shop/revenue.sql, mode: merge, merge_keys: [day]}
              - {name: daily, sql: shop/daily.sql, mode: replace_partitions, partition_by: [day]}
              - {name: customer_dim, transform: customer_dim, mode: scd2, merge_keys: [customer_id], description: who}
              - {name: snapshot, sql: shop/snapshot.sql, mode: replace}
            """;

    @Test
    void readsEveryOptionIntoExactlyTheExpectedRecords() {
        List<Field> orderFields = List.of(
                new Field("order_id", "Order ID", FieldType.of(FieldType.Kind.LONG), false, Optional.empty()),
                Field.of("customer", FieldType.of(FieldType.Kind.STRING)),
                Field.of("amount", new FieldType(FieldType.Kind.DECIMAL, 10, 2)),
                new Field("placed", "placed", FieldType.of(FieldType.Kind.TIMESTAMP), true,
                        Optional.of("yyyy-MM-dd HH:mm:ss")),
                new Field("day", "Day", FieldType.of(FieldType.Kind.DATE), true, Optional.of("d/M/yyyy")),
                new Field("quantity", "qty", FieldType.of(FieldType.Kind.INT), true, Optional.empty()),
                Field.of("ratio", FieldType.of(FieldType.Kind.DOUBLE)),
                Field.of("gift", FieldType.of(FieldType.Kind.BOOLEAN)),
                Field.of("status", FieldType.of(FieldType.Kind.STRING)),
                Field.of("city", FieldType.of(FieldType.Kind.STRING)));
        List<Rule> orderRules = List.of(
                Rule.builder(RuleKind.NOT_NULL).columns("customer", "status").build(),
                Rule.builder(RuleKind.NOT_NULL).name("day_present").columns("day").level(RuleLevel.WARN).build(),
                Rule.builder(RuleKind.RANGE).columns("amount").min("0").max("10000.50").inclusive(false).build(),
                Rule.builder(RuleKind.RANGE).columns("day").min("2020-01-01").build(),
                Rule.builder(RuleKind.RANGE).columns("placed").max("2030-01-01 00:00:00").build(),
                Rule.builder(RuleKind.RANGE).columns("quantity").min("1").max("99").build(),
                Rule.builder(RuleKind.ALLOWED_VALUES).columns("status").values(List.of("NEW", "PAID", "07"))
                        .ignoreCase(true).level(RuleLevel.WARN).build(),
                Rule.builder(RuleKind.REGEX).columns("customer").pattern("C\\d+").build(),
                Rule.builder(RuleKind.MAX_LENGTH).columns("customer").maxLength(12).build(),
                Rule.builder(RuleKind.REFERENTIAL).columns("customer").table("clean.customers")
                        .refColumn("customer_id").build(),
                Rule.builder(RuleKind.REFERENTIAL).name("known_status").columns("status").table("curated.statuses")
                        .refColumn("code").build(),
                Rule.builder(RuleKind.SQL).name("paid_has_amount").expression("status <> 'PAID' OR amount > 0")
                        .build(),
                Rule.builder(RuleKind.UNIQUE).build());
        SourceSpec orders = new SourceSpec("orders", "s3a://bucket/in/orders/", SourceFormat.CSV,
                new CsvOptions(false, ';', '\'', '\\', false, StandardCharsets.ISO_8859_1),
                new CleanSpec(orderFields,
                        new Normalisation(false, false, Map.of("status", CaseStyle.UPPER, "customer", CaseStyle.LOWER,
                                "city", CaseStyle.TITLE)),
                        List.of("order_id"),
                        new DedupPolicy(List.of(new SortKey("placed", true), new SortKey("order_id", false)),
                                DedupPolicy.Keep.FIRST),
                        orderRules),
                new CleanTarget("order_lines", List.of("day")));
        SourceSpec customers = new SourceSpec("customers", "data/customers.jsonl", SourceFormat.JSONL,
                CsvOptions.defaults(),
                new CleanSpec(List.of(Field.of("customer_id", FieldType.of(FieldType.Kind.STRING))),
                        Normalisation.defaults(), List.of("customer_id"), DedupPolicy.keepLast(), List.of()),
                new CleanTarget("customers", List.of()));
        SourceSpec stock = new SourceSpec("stock", "data/stock.tsv", SourceFormat.CSV,
                new CsvOptions(true, '\t', '"', '"', true, StandardCharsets.UTF_8),
                new CleanSpec(List.of(Field.of("sku", FieldType.of(FieldType.Kind.STRING))),
                        Normalisation.defaults(), List.of("sku"), DedupPolicy.keepLast(), List.of()),
                new CleanTarget("stock", List.of()));
        List<CuratedStep> curated = List.of(
                new CuratedStep("revenue", Optional.of("shop/revenue.sql"), Optional.empty(), CuratedMode.MERGE,
                        List.of("day"), List.of()),
                new CuratedStep("daily", Optional.of("shop/daily.sql"), Optional.empty(),
                        CuratedMode.REPLACE_PARTITIONS, List.of(), List.of("day")),
                new CuratedStep("customer_dim", Optional.empty(), Optional.of("customer_dim"), CuratedMode.SCD2,
                        List.of("customer_id"), List.of()),
                new CuratedStep("snapshot", Optional.of("shop/snapshot.sql"), Optional.empty(), CuratedMode.REPLACE,
                        List.of(), List.of()));

        PipelineSpec spec = loader.load(FULL, "shop.yaml");

        assertThat(spec.sources()).containsExactly(orders, customers, stock);
        assertThat(spec.curated()).isEqualTo(curated);
        assertThat(spec).isEqualTo(new PipelineSpec("shop", "orders and customers", "shop.yaml",
                List.of(orders, customers, stock), curated));
    }

    @Test
    void fillsEveryDefault() {
        PipelineSpec spec = loader.load("""
                pipeline: p
                sources:
                  - name: s
                    path: in
                    schema: [{name: id}, {name: n, type: int}]
                    keys: [id]
                    rules:
                      - {kind: range, column: n, min: 1}
                      - {kind: allowed_values, column: id, values: [a]}
                curated:
                  - {name: c, sql: c.sql, merge_keys: [id]}
                """, "p.yaml");

        SourceSpec source = spec.sources().get(0);
        assertThat(spec.description()).isEmpty();
        assertThat(source.format()).isEqualTo(SourceFormat.CSV);
        assertThat(source.csv()).isEqualTo(new CsvOptions(true, ',', '"', '"', true, StandardCharsets.UTF_8));
        assertThat(source.csv().maxRecordLines()).isEqualTo(100);
        assertThat(source.drift()).isEqualTo(SchemaDrift.defaults());
        assertThat(source.clean().fields()).containsExactly(
                new Field("id", "id", FieldType.of(FieldType.Kind.STRING), true, Optional.empty()),
                new Field("n", "n", FieldType.of(FieldType.Kind.INT), true, Optional.empty()));
        assertThat(source.clean().normalisation()).isEqualTo(new Normalisation(true, true, Map.of()));
        assertThat(source.clean().dedup()).isEqualTo(new DedupPolicy(List.of(), DedupPolicy.Keep.LAST));
        assertThat(source.clean().rules()).containsExactly(
                new Rule("range_n", RuleKind.RANGE, RuleLevel.ERROR, List.of("n"), Optional.of("1"), Optional.empty(),
                        true, List.of(), false, Optional.empty(), 0, Optional.empty(), Optional.empty(),
                        Optional.empty()),
                new Rule("allowed_values_id", RuleKind.ALLOWED_VALUES, RuleLevel.ERROR, List.of("id"),
                        Optional.empty(), Optional.empty(), true, List.of("a"), false, Optional.empty(), 0,
                        Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(source.target()).isEqualTo(new CleanTarget("s", List.of()));
        assertThat(spec.curated()).containsExactly(new CuratedStep("c", Optional.of("c.sql"), Optional.empty(),
                CuratedMode.MERGE, List.of("id"), List.of()));
    }

    @Test
    void aNonNullableFieldNeedsNoRuleOfItsOwn() {
        PipelineSpec spec = loader.load("""
                pipeline: p
                sources:
                  - {name: s, path: in, schema: [{name: id}, {name: at, type: date, nullable: false}], keys: [id]}
                """, "p.yaml");

        assertThat(spec.sources().get(0).clean().field("at")).map(Field::nullable).contains(false);
        assertThat(spec.sources().get(0).clean().rules()).isEmpty();
    }

    @Test
    void keepsScalarsAsWrittenInTheFile() {
        PipelineSpec spec = loader.load(base(
                "rules: [{kind: allowed_values, column: note, values: [02134, Yes, off, 1.10, 0x1F, 1e3, \"null\"]}]"),
                "p.yaml");

        assertThat(spec.sources().get(0).clean().rules().get(0).values())
                .containsExactly("02134", "Yes", "off", "1.10", "0x1F", "1e3", "null");
    }

    @Test
    void acceptsTheDatePatternsSparkParses() {
        for (String pattern : List.of("M/d/yyyy h:mm:ss a", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "dd.MM.yyyy",
                "yyyyMMdd", "yyyy-MM-dd 'week' HH", "d MMM yyyy", "yyyy-DDD", "yyyy-MM-dd HH:mm:ss z")) {
            assertThatNoException().as(pattern).isThrownBy(() -> loader.load(base(Map.of("schema",
                    "[{name: id, type: long}, {name: at, type: timestamp, format: \"" + pattern + "\"}]"), ""),
                    "p.yaml"));
        }
    }

    // ---- files and bundled specs ----------------------------------------------------------------

    @Test
    void theBundledServiceRequestsSpecLoads() {
        assumeTrue(getClass().getClassLoader().getResource("pipelines/service_requests.yaml") != null,
                "pipelines/service_requests.yaml is not written yet");

        PipelineSpec spec = loader.loadResource("service_requests");

        assertThat(spec.name()).isEqualTo("service_requests");
        assertThat(spec.origin()).isEqualTo("classpath:pipelines/service_requests.yaml");
        assertThat(spec.sources()).extracting(SourceSpec::name).contains("service_requests");
    }

    @Test
    void aMissingBundledSpecIsAProblem() {
        SpecException e = catchThrowableOfType(() -> loader.loadResource("nope"), SpecException.class);

        assertThat(e.getMessage()).isEqualTo("classpath:pipelines/nope.yaml: (top): no bundled spec named 'nope'");
    }

    @Test
    void loadsAFileAndNamesItInProblems(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.yaml"), base(""));
        Path bad = Files.writeString(dir.resolve("bad.yaml"), base("keyz: [id]"));

        assertThat(loader.loadFile(good).origin()).isEqualTo(good.toString());
        assertThat(catchThrowableOfType(() -> loader.loadFile(bad), SpecException.class).getMessage())
                .isEqualTo(bad + ": sources[0].keyz: unknown key 'keyz' (did you mean 'keys'?); allowed: clean, csv, dedup,"
                        + " derive, description, files, format, keys, name, normalize, optional, path, rules, schema, schema_drift");
    }

    @Test
    void aMissingFileIsAProblem(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");

        assertThat(catchThrowableOfType(() -> loader.loadFile(missing), SpecException.class).problems())
                .containsExactly(new SpecProblem(missing.toString(), "", "no such file"));
    }

    // ---- mistakes -------------------------------------------------------------------------------

    @Test
    void reportsEveryMistakeAtOnceOneLineEach() {
        SpecException e = catchThrowableOfType(() -> loader.load("""
                pipeline: p
                sources:
                  - name: s
                    path: in
                    schema: [{name: id, type: lonng}, {name: d, type: date, format: YYYY}]
                    keys: [nope]
                    rules: [{kind: regex, column: d, pattern: "(["}]
                curated:
                  - {name: c, sql: ../c.sql, mode: scd2}
                """, "multi.yaml"), SpecException.class);

        assertThat(e.problems()).extracting(SpecProblem::path).containsExactly(
                "sources[0].schema[0].type",
                "sources[0].schema[1].format",
                "sources[0].keys",
                "sources[0].rules[0].pattern",
                "curated[0].sql",
                "curated[0].merge_keys");
        assertThat(e.getMessage().split("\n")).hasSize(6).allSatisfy(line -> assertThat(line).startsWith("multi.yaml: "));
        assertThat(e.getMessage()).contains(
                "multi.yaml: sources[0].schema[0].type: unknown type 'lonng' (use string, int, long, double, boolean,"
                        + " date, timestamp or decimal(p,s))\n",
                "multi.yaml: sources[0].keys: 'nope' is not a declared field\n",
                "multi.yaml: curated[0].merge_keys: mode scd2 needs merge_keys");
    }

    /** Each broken spec has exactly one problem, at the given path, whose message contains the given text. */
    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("mistakes")
    void reportsEachMistakeWithItsPath(String yaml, String path, String message) {
        SpecException e = catchThrowableOfType(() -> loader.load(yaml, "bad.yaml"), SpecException.class);

        assertThat(e).as("no problem reported for:\n%s", yaml).isNotNull();
        assertThat(e.problems()).as(e.getMessage()).singleElement().satisfies(p -> {
            assertThat(p.origin()).isEqualTo("bad.yaml");
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).contains(message);
        });
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                // the pipeline
                arguments("sources: [{name: s, path: in, schema: [{name: id}], keys: [id]}]", "pipeline", "is required"),
                arguments(base("").replace("pipeline: p", "pipeline: Bad-Name"), "pipeline",
                        "'Bad-Name' is not a valid name"),
                arguments(base("").replace("pipeline: p", "pipeline: ''"), "pipeline", "must not be empty"),
                arguments(base("") + "descripton: x\n", "descripton", "unknown key 'descripton' (did you mean 'description'?)"),
                arguments("pipeline: p\n", "sources", "is required"),
                arguments("pipeline: p\nsources: []\n", "sources", "at least one source"),
                arguments("pipeline: p\nsources: {name: s}\n", "sources", "must be a list"),
                arguments(base("") + "  - {name: s, path: in2, schema: [{name: id}], keys: [id]}\n",
                        "sources[1].name", "source 's' is declared twice"),
                arguments(base("clean: {table: t}") + "  - {name: t, path: in2, schema: [{name: id}], keys: [id]}\n",
                        "sources[1].clean.table", "clean.t is already the clean table of source 's'"),
                // a source
                arguments(base("dedupe: {keep: last}"), "sources[0].dedupe", "did you mean 'dedup'"),
                arguments(base(Map.of("name", "Orders"), ""), "sources[0].name", "'Orders' is not a valid name"),
                arguments(base(Map.of("name", "2nd"), ""), "sources[0].name", "not a valid name"),
                arguments(base(Map.of("name", "''"), ""), "sources[0].name", "is required and must not be empty"),
                arguments(base(Map.of("name", ""), ""), "sources[0].name", "is required"),
                arguments(base(Map.of("path", ""), ""), "sources[0].path", "is required"),
                arguments(base(Map.of("path", "'  '"), ""), "sources[0].path", "must not be empty"),
                arguments(base("format: xml"), "sources[0].format", "unknown format 'xml'; use csv, jsonl or parquet"),
                arguments(base("format: jsonl, csv: {header: true}"), "sources[0].csv",
                        "csv options only apply to format csv, not jsonl"),
                arguments(base("format: parquet, csv: {}"), "sources[0].csv", "only apply to format csv"),
                // csv options
                arguments(base("csv: {delimiter: ';;'}"), "sources[0].csv.delimiter",
                        "must be exactly one character, not ';;'"),
                arguments(base("csv: {quote: ''}"), "sources[0].csv.quote", "exactly one character"),
                arguments(base("csv: {escape: ab}"), "sources[0].csv.escape", "exactly one character"),
                arguments(base("csv: {delimiter: '|', quote: '|'}"), "sources[0].csv.quote", "must differ"),
                arguments(base("csv: {encoding: klingon}"), "sources[0].csv.encoding", "unknown encoding 'klingon'"),
                arguments(base("csv: {max_record_lines: 0}"), "sources[0].csv.max_record_lines",
                        "must be a whole number from 1"),
                arguments(base("csv: {max_record_bytes: lots}"), "sources[0].csv.max_record_bytes",
                        "must be a whole number"),
                // schema drift
                arguments(base("schema_drift: {missing_column: skip}"), "sources[0].schema_drift.missing_column",
                        "unknown value 'skip'; use one of fail, quarantine_file, fill_null"),
                arguments(base("schema_drift: {extra_column: keep}"), "sources[0].schema_drift.extra_column",
                        "use one of ignore, rescue"),
                arguments(base("format: jsonl, schema_drift: {extra_column: rescue}"),
                        "sources[0].schema_drift.extra_column", "rescue keeps the columns of a CSV header"),
                arguments(base("schema_drift: {missing: fail}"), "sources[0].schema_drift.missing", "unknown key 'missing'"),
                arguments(base("csv: {headr: true}"), "sources[0].csv.headr", "did you mean 'header'"),
                arguments(base("csv: {header: maybe}"), "sources[0].csv.header", "must be true or false, not 'maybe'"),
                arguments(base("csv: {multiline: 2}"), "sources[0].csv.multiline", "must be true or false"),
                arguments(base("csv: [header]"), "sources[0].csv", "must be a mapping"),
                // schema
                arguments(base(Map.of("schema", ""), ""), "sources[0].schema", "is required"),
                arguments(base(Map.of("schema", "[]"), ""), "sources[0].schema", "declare at least one field"),
                arguments(base(Map.of("schema", "[{name: id}, id2]"), ""), "sources[0].schema[1]", "a field is"),
                arguments(base(Map.of("schema", "[{name: id}, {name: Bad Name}]"), ""), "sources[0].schema[1].name",
                        "'Bad Name' is not a valid name"),
                arguments(base(Map.of("schema", "[{name: id}, {type: date}]"), ""), "sources[0].schema[1].name",
                        "is required"),
                arguments(base(Map.of("schema", "[{name: id}, {name: id}]"), ""), "sources[0].schema[1].name",
                        "field 'id' is declared twice"),
                arguments(field("{name: x, type: lonng}"), "sources[0].schema[1].type",
                        "unknown type 'lonng' (use string, int, long, double, boolean, date, timestamp or decimal(p,s))"),
                arguments(field("{name: x, type: 'decimal(40,2)'}"), "sources[0].schema[1].type",
                        "precision must be 1..38"),
                arguments(field("{name: x, type: lonng, format: yyyy}"), "sources[0].schema[1].type", "unknown type"),
                arguments(field("{name: x, type: long, format: yyyy}"), "sources[0].schema[1].format",
                        "format only applies to date and timestamp fields, not long"),
                arguments(field("{name: x, type: date, format: 'yyyy-MM-dd {'}"), "sources[0].schema[1].format",
                        "is not a valid datetime pattern"),
                arguments(field("{name: x, type: date, format: \"yyyy-MM-dd'T\"}"), "sources[0].schema[1].format",
                        "is not a valid datetime pattern"),
                arguments(field("{name: x, type: date, format: ''}"), "sources[0].schema[1].format", "must not be empty"),
                arguments(field("{name: x, type: date, nullable: perhaps}"), "sources[0].schema[1].nullable",
                        "must be true or false"),
                arguments(field("{name: x, type: date, nulable: false}"), "sources[0].schema[1].nulable",
                        "did you mean 'nullable'"),
                // normalize
                arguments(base("normalize: {trimm: true}"), "sources[0].normalize.trimm", "did you mean 'trim'"),
                arguments(base("normalize: {empty_as_null: sometimes}"), "sources[0].normalize.empty_as_null",
                        "must be true or false"),
                arguments(base("normalize: {case: {notee: upper}}"), "sources[0].normalize.case.notee",
                        "'notee' is not a declared field (did you mean 'note'?)"),
                arguments(base("normalize: {case: {note: camel}}"), "sources[0].normalize.case.note",
                        "unknown case 'camel'; use upper, lower or title"),
                // keys
                arguments(base(Map.of("keys", ""), ""), "sources[0].keys", "is required"),
                arguments(base(Map.of("keys", "[]"), ""), "sources[0].keys", "is required"),
                arguments(base(Map.of("keys", "[idd]"), ""), "sources[0].keys",
                        "'idd' is not a declared field (did you mean 'id'?)"),
                // dedup
                arguments(base("dedup: {keep: middle}"), "sources[0].dedup.keep", "keep must be first or last, not 'middle'"),
                arguments(base("dedup: {order_by: [dayy]}"), "sources[0].dedup.order_by",
                        "'dayy' is not a declared field (did you mean 'day'?)"),
                arguments(base("dedup: {order_by: [day descending]}"), "sources[0].dedup.order_by",
                        "expected 'column' or 'column desc'"),
                arguments(base("dedup: {orderby: [day]}"), "sources[0].dedup.orderby", "did you mean 'order_by'"),
                // rules in general
                arguments(rule("{column: id}"), "sources[0].rules[0].kind", "is required"),
                arguments(rule("{kind: nonsense}"), "sources[0].rules[0].kind", "unknown rule kind 'nonsense'; use one of "
                        + "not_null, unique, range, allowed_values, regex, max_length, referential, sql"),
                arguments(rule("{kind: not-null, column: id}"), "sources[0].rules[0].kind", "(did you mean 'not_null'?)"),
                arguments(rule("not_null"), "sources[0].rules[0]", "a rule is {kind: ..., ...}"),
                arguments(rule("{kind: not_null, column: id, level: fatal}"), "sources[0].rules[0].level",
                        "level must be error or warn, not 'fatal'"),
                arguments(rule("{kind: not_null, column: id, name: Not Null}"), "sources[0].rules[0].name",
                        "'Not Null' is not a valid rule name"),
                arguments(rule("{kind: not_null, column: id}, {kind: not_null, column: id}"), "sources[0].rules[1].name",
                        "rule 'not_null_id' is declared twice"),
                arguments(rule("{kind: not_null, name: r, column: id}, {kind: sql, name: r, expression: 'true'}"),
                        "sources[0].rules[1].name", "rule 'r' is declared twice"),
                arguments(rule("{kind: regex, column: id, pattern: x, max: 3}"), "sources[0].rules[0].max",
                        "unknown key 'max'"),
                arguments(rule("{kind: range, column: id, min: 1, maxx: 5}"), "sources[0].rules[0].maxx",
                        "did you mean 'max'"),
                arguments(rule("{kind: unique, column: id}"), "sources[0].rules[0].column", "unknown key 'column'"),
                // not_null
                arguments(rule("{kind: not_null}"), "sources[0].rules[0]", "not_null needs columns: [..] or column:"),
                arguments(rule("{kind: not_null, column: nope}"), "sources[0].rules[0].column",
                        "'nope' is not a declared field"),
                arguments(rule("{kind: not_null, columns: [id, nope]}"), "sources[0].rules[0].columns",
                        "'nope' is not a declared field"),
                // range
                arguments(rule("{kind: range, column: id}"), "sources[0].rules[0]", "range needs min:, max: or both"),
                arguments(rule("{kind: range, min: 1}"), "sources[0].rules[0].column", "is required"),
                arguments(rule("{kind: range, column: idd, min: 1}"), "sources[0].rules[0].column",
                        "'idd' is not a declared field (did you mean 'id'?)"),
                arguments(rule("{kind: range, column: id, min: low}"), "sources[0].rules[0].min",
                        "'low' is not a valid long bound"),
                arguments(rule("{kind: range, column: id, max: 1.5}"), "sources[0].rules[0].max",
                        "'1.5' is not a valid long bound"),
                arguments(rule("{kind: range, column: price, max: ten}"), "sources[0].rules[0].max",
                        "'ten' is not a valid decimal(10,2) bound"),
                arguments(rule("{kind: range, column: day, max: 31/12/2024}"), "sources[0].rules[0].max",
                        "'31/12/2024' is not a valid date bound (use ISO form, e.g. 2024-01-31"),
                arguments(rule("{kind: range, column: at, min: '2024-01-31 25:00'}"), "sources[0].rules[0].min",
                        "is not a valid timestamp bound"),
                arguments(rule("{kind: range, column: note, min: a}"), "sources[0].rules[0].column",
                        "range needs a numeric, date or timestamp column, and note is string"),
                arguments(rule("{kind: range, column: id, min: 10, max: 1}"), "sources[0].rules[0].min",
                        "min 10 is greater than max 1"),
                arguments(rule("{kind: range, column: day, min: 2024-02-01, max: 2024-01-01}"), "sources[0].rules[0].min",
                        "is greater than max"),
                arguments(rule("{kind: range, column: id, min: 1, inclusive: sometimes}"),
                        "sources[0].rules[0].inclusive", "must be true or false"),
                // allowed_values
                arguments(rule("{kind: allowed_values, column: note, values: []}"), "sources[0].rules[0].values",
                        "allowed_values needs a non-empty list of values"),
                arguments(rule("{kind: allowed_values, column: note}"), "sources[0].rules[0].values",
                        "non-empty list"),
                arguments(rule("{kind: allowed_values, column: note, values: [a], ignore_case: 3}"),
                        "sources[0].rules[0].ignore_case", "must be true or false"),
                // regex
                arguments(rule("{kind: regex, column: note, pattern: '(['}"), "sources[0].rules[0].pattern",
                        "not a valid regular expression"),
                arguments(rule("{kind: regex, column: note}"), "sources[0].rules[0].pattern", "is required"),
                // max_length
                arguments(rule("{kind: max_length, column: note, max: 0}"), "sources[0].rules[0].max",
                        "must be at least 1, not 0"),
                arguments(rule("{kind: max_length, column: note, max: ten}"), "sources[0].rules[0].max",
                        "must be a whole number, not 'ten'"),
                arguments(rule("{kind: max_length, column: note, max: 2.5}"), "sources[0].rules[0].max",
                        "must be a whole number"),
                arguments(rule("{kind: max_length, column: note}"), "sources[0].rules[0].max",
                        "max_length needs max:"),
                // referential
                arguments(rule("{kind: referential, column: note, table: other, ref_column: x}"),
                        "sources[0].rules[0].table", "'other' must be clean.<table> or curated.<table>"),
                arguments(rule("{kind: referential, column: note, table: raw.other, ref_column: x}"),
                        "sources[0].rules[0].table", "must be clean.<table> or curated.<table>"),
                arguments(rule("{kind: referential, column: note, ref_column: x}"), "sources[0].rules[0].table",
                        "is required"),
                arguments(rule("{kind: referential, column: note, table: clean.other}"),
                        "sources[0].rules[0].ref_column", "is required"),
                // sql
                arguments(rule("{kind: sql}"), "sources[0].rules[0].expression", "is required"),
                arguments(rule("{kind: sql, expression: '  '}"), "sources[0].rules[0].expression", "must not be empty"),
                // clean target
                arguments(base("clean: {table: Orders}"), "sources[0].clean.table", "'Orders' is not a valid table name"),
                arguments(base("clean: {partition_by: [zz]}"), "sources[0].clean.partition_by",
                        "'zz' is not a declared field"),
                arguments(base("clean: {tabel: x}"), "sources[0].clean.tabel", "did you mean 'table'"),
                // curated steps
                arguments(curated("{name: c, mode: merge, merge_keys: [k]}"), "curated[0]",
                        "give exactly one of sql: (a file under the SQL root) or transform: (a Java transform name)"),
                arguments(curated("{name: c, sql: a.sql, transform: t, mode: replace}"), "curated[0]",
                        "give exactly one of sql:"),
                arguments(curated("{name: c, sql: a.txt, mode: replace}"), "curated[0].sql", "'a.txt' must name a .sql file"),
                arguments(curated("{name: c, sql: ../a.sql, mode: replace}"), "curated[0].sql", "without '..'"),
                arguments(curated("{name: c, sql: x/../../a.sql, mode: replace}"), "curated[0].sql", "without '..'"),
                arguments(curated("{name: c, sql: /etc/a.sql, mode: replace}"), "curated[0].sql",
                        "must be a relative path under the SQL root"),
                arguments(curated("{name: c, transform: '', mode: replace}"), "curated[0].transform",
                        "must name a transform"),
                arguments(curated("{name: c, sql: a.sql, mode: upsert}"), "curated[0].mode",
                        "unknown mode 'upsert'; use merge, replace, replace_partitions, scd2 or view"),
                arguments(base(Map.of("path", "'${data}/in'"), ""), "sources[0].path",
                        "uses ${data}, which is not declared under variables:"),
                arguments(base("files: 'a/b.csv'"), "sources[0].files",
                        "'a/b.csv' must be a file name pattern such as PATIENTS.csv*, without '/'"),
                arguments(base("optional: maybe"), "sources[0].optional", "must be true or false, not 'maybe'"),
                arguments(curated("{name: c, sql: a.sql, mode: view, requires: [patients]}"), "curated[0].requires",
                        "'patients' is not a table name like clean.x or curated.y"),
                arguments(curated("{name: c, sql: a.sql, mode: view, requires_any: [raw.x]}"), "curated[0].requires_any",
                        "'raw.x' is not a table name like clean.x or curated.y"),
                arguments(base("") + "staging: Bad Area\n", "staging", "'Bad Area' is not a valid staging area name"),
                arguments(curated("{name: c, sql: a.sql, mode: merge}"), "curated[0].merge_keys",
                        "mode merge needs merge_keys"),
                arguments(curated("{name: c, sql: a.sql}"), "curated[0].merge_keys",
                        "mode merge (the default) needs merge_keys"),
                arguments(curated("{name: c, sql: a.sql, mode: scd2}"), "curated[0].merge_keys",
                        "mode scd2 needs merge_keys"),
                arguments(curated("{name: c, sql: a.sql, mode: replace_partitions}"), "curated[0].partition_by",
                        "mode replace_partitions needs partition_by"),
                arguments(curated("{name: c, sql: a.sql, mode: replace, cache: true}"), "curated[0].cache",
                        "cache: true is for mode view"),
                arguments(curated("{name: c, sql: a.sql, mode: merge, merge_keys: [Month]}"), "curated[0].merge_keys",
                        "'Month' is not a valid column name"),
                arguments(curated("{name: c, sql: a.sql, mode: replace}, {name: c, sql: b.sql, mode: replace}"),
                        "curated[1].name", "curated step 'c' is declared twice"),
                arguments(curated("{name: By-Month, sql: a.sql, mode: replace}"), "curated[0].name", "not a valid name"),
                arguments(curated("{sql: a.sql, mode: replace}"), "curated[0].name", "is required"),
                arguments(curated("{name: c, sql: a.sql, mode: replace, desciption: x}"), "curated[0].desciption",
                        "did you mean 'description'"),
                arguments(curated("c.sql"), "curated[0]", "a curated step is a mapping with name:"),
                // the file itself
                arguments("pipeline: p\nsources: [\n  - {", "line 3", "not valid YAML: expected the node content, but found '-'"),
                arguments("pipeline: p\npipeline: q\n", "line 2", "not valid YAML: Duplicate field 'pipeline'"),
                arguments("- pipeline: p\n", "", "a spec is a YAML mapping"),
                arguments("", "", "a spec is a YAML mapping"),
                arguments("pipeline: p\nsources:\n  - {name: s, path: &p in, schema: [{name: id}], keys: [id], description: *p}\n",
                        "line 3", "not supported in a spec"),
                arguments(base(Map.of("keys", "[id, ~]"), ""), "sources[0].keys[1]", "must not be empty"),
                // derive
                arguments(derive("{name: note, expr: 'id + 1'}"), "sources[0].derive[0].name",
                        "'note' is already a declared field"),
                arguments(derive("{name: a, expr: id}, {name: a, expr: 'id + 1'}"), "sources[0].derive[1].name",
                        "derived column 'a' is declared twice"),
                arguments(derive("{name: Prev, expr: id}"), "sources[0].derive[0].name", "'Prev' is not a valid name"),
                arguments(derive("{expr: id}"), "sources[0].derive[0].name", "is required"),
                arguments(derive("{name: a}"), "sources[0].derive[0].expr", "is required"),
                arguments(derive("{name: a, expr: '  '}"), "sources[0].derive[0].expr", "must not be empty"),
                arguments(derive("{name: a, expr: id, exp: x}"), "sources[0].derive[0].exp",
                        "unknown key 'exp' (did you mean 'expr'?)"),
                arguments(derive("prev_at"), "sources[0].derive[0]", "a derived column is {name: ..., expr: ...}"),
                arguments(base("derive: {name: a, expr: id}"), "sources[0].derive", "must be a list"),
                arguments(derive("{name: a, expr: 'lag(at) over (partition id)'}"), "sources[0].derive[0].expr",
                        "not a valid Spark SQL expression: Syntax error at or near '(' (line 1, pos 13)"),
                arguments(derive("{name: a, expr: 'nte'}"), "sources[0].derive[0].expr",
                        "'nte' is not a declared field or an earlier derived column (did you mean 'note'?)"),
                arguments(derive("{name: a, expr: 'b + 1'}, {name: b, expr: id}"), "sources[0].derive[0].expr",
                        "'b' is derived later, in derive[1]; a derived column may use the declared fields and the"
                                + " derived columns before it"),
                arguments(derive("{name: a, expr: 'a + 1'}"), "sources[0].derive[0].expr", "'a' is this column itself"),
                arguments(derive("{name: a, expr: 'lagg(at) over (order by at)'}"), "sources[0].derive[0].expr",
                        "unknown function 'lagg' (did you mean 'lag'?)"),
                arguments(derive("{name: a, expr: 'max(id)'}"), "sources[0].derive[0].expr",
                        "'max' is an aggregate: a derived column has one value per row, so it needs a window"),
                arguments(derive("{name: a, expr: 'lag(id) + 1'}"), "sources[0].derive[0].expr",
                        "'lag' is a window function: it needs over (partition by ... order by ...)"),
                arguments(base(Map.of("keys", "[a]"), "derive: [{name: a, expr: id}]"), "sources[0].keys",
                        "'a' is not a declared field"),
                arguments(base("derive: [{name: a, expr: 'id * 2'}]") + "views: [{name: v, source: s, event_time: b,"
                        + " measures: [{name: n, agg: count}]}]\n", "views[0].event_time", "source 's' has no column 'b'"));
    }

    @Test
    void readsDerivedColumnsInOrderAfterTheFields() {
        PipelineSpec spec = loader.load(derive("""
                {name: prev_at, expr: "lag(at) over (partition by note order by at)", description: the ping before},
                {name: gap_s, expr: "unix_timestamp(at) - unix_timestamp(prev_at)"},
                {name: running, expr: "sum(price) over (partition by note order by at rows between 2 preceding and current row)"},
                {name: from_batch, expr: "concat(_batch_id, ':', cast(_line_number as string), transform(array(id), x -> x + gap_s)[0])"}
                """.replace("\n", " ")) + "views: [{name: v, source: s, event_time: prev_at, dimensions: [{name: d, grain: day}],"
                + " measures: [{name: gaps, agg: sum, column: gap_s}]}]\n", "p.yaml");

        SourceSpec source = spec.sources().get(0);
        assertThat(source.derive()).containsExactly(
                new DerivedColumn("prev_at", "lag(at) over (partition by note order by at)"),
                new DerivedColumn("gap_s", "unix_timestamp(at) - unix_timestamp(prev_at)"),
                new DerivedColumn("running",
                        "sum(price) over (partition by note order by at rows between 2 preceding and current row)"),
                new DerivedColumn("from_batch",
                        "concat(_batch_id, ':', cast(_line_number as string), transform(array(id), x -> x + gap_s)[0])"));
        assertThat(source.columns()).containsExactly("id", "day", "at", "note", "price", "prev_at", "gap_s", "running",
                "from_batch");
        assertThat(source.clean().fieldNames()).containsExactly("id", "day", "at", "note", "price");
        assertThat(spec.views().get(0).eventTime()).isEqualTo("prev_at");
    }

    @Test
    void theBundledTelemetrySpecLoadsWithItsDerivedColumnsAndViews() {
        PipelineSpec spec = loader.loadResource("telemetry");

        SourceSpec pings = spec.sources().get(0);
        assertThat(pings.clean().keys()).containsExactly("vehicle_id", "ts");
        assertThat(pings.derive()).extracting(DerivedColumn::name).contains("prev_ts", "interval_s", "segment_km",
                "local_day");
        assertThat(spec.views()).extracting(ViewSpec::name).contains("vehicle_days", "fleet_days", "fleet_months");
    }

    @Test
    void theAvlExampleIsTheTelemetrySpecForAFeedWithOnlyVehicleTimePositionSpeedAndRoute() {
        PipelineSpec avl = loader.loadFile(Path.of("..", "docs", "examples", "fleet_avl.yaml"));
        PipelineSpec telemetry = loader.loadResource("telemetry");

        assertThat(avl.sources().get(0).clean().fieldNames()).containsExactly("vehicle_id", "ts", "latitude",
                "longitude", "speed_mph", "route");
        assertThat(avl.views()).extracting(ViewSpec::name).containsExactly("vehicle_days", "route_days",
                "fleet_days", "fleet_months");
        // the same derived distance, intervals and states, from km/h converted from mph
        List<DerivedColumn> shared = telemetry.sources().get(0).derive().stream()
                .filter(d -> List.of("local_day", "prev_ts", "prev_latitude", "prev_longitude", "prev_speed_kmh",
                        "interval_s", "segment_km", "moving", "idling", "feed_gap").contains(d.name())).toList();
        assertThat(avl.sources().get(0).derive()).containsSubsequence(shared);
        ViewSpec days = avl.view("vehicle_days").orElseThrow();
        assertThat(days.measures()).extracting(ViewSpec.Measure::name).containsExactly("reports", "distance_km",
                "moving_s", "idle_s", "moving_reports", "speed_total", "max_speed_kmh", "feed_gaps");
        assertThat(telemetry.view("vehicle_days").orElseThrow().measures()).containsAll(days.measures());
    }

    @Test
    void theBundledParkingSpecConvertsPositionsAndMatchesZipCodesFromAReferenceSource() {
        PipelineSpec spec = loader.loadResource("parking_citations");

        assertThat(spec.sources()).extracting(SourceSpec::name).containsExactly("la_zip_centroids", "parking_citations");
        SourceSpec citations = spec.source("parking_citations").orElseThrow();
        assertThat(citations.derive()).extracting(DerivedColumn::name).containsExactly("issued_at", "longitude",
                "latitude", "zip_code", "zip_distance_km");
        assertThat(citations.derive().get(1).expression()).contains("'EPSG:2229', 'EPSG:4326'");
        assertThat(spec.views()).extracting(ViewSpec::name).containsExactly("citations_daily", "violations",
                "citations_hourly");
        assertThat(spec.dashboard()).isPresent();
    }

    @Test
    void aStrataFunctionCalledWronglyIsReportedWhereItIsDeclared() {
        SpecException e = catchThrowableOfType(() -> loader.load(derive(
                "{name: a, expr: \"st_transform(price, price, 'EPSG:2229', 'EPSG:123456789')\"},"
                        + " {name: b, expr: \"nearest_point('zips', 'zip', price, price, 5)\"}"), "bad.yaml"),
                SpecException.class);

        assertThat(e.problems()).extracting(SpecProblem::path).containsExactly("sources[0].derive[0].expr",
                "sources[0].derive[1].expr");
        assertThat(e.problems().get(0).message()).contains("unknown coordinate reference system 'EPSG:123456789'");
        assertThat(e.problems().get(1).message()).contains("names a table as zone.table");
    }

    @Test
    void aSourceWithoutDeriveHasNoDerivedColumns() {
        assertThat(loader.load(base(""), "p.yaml").sources().get(0).derive()).isEmpty();
    }

    @Test
    void reportsEveryMistakeOfAnExpressionAtOnce() {
        SpecException e = catchThrowableOfType(() -> loader.load(derive(
                "{name: a, expr: 'sum(nope) + lag(id) + later'}, {name: later, expr: id}"), "bad.yaml"),
                SpecException.class);

        assertThat(e.problems()).extracting(SpecProblem::path).containsOnly("sources[0].derive[0].expr");
        assertThat(e.problems()).extracting(SpecProblem::message).containsExactlyInAnyOrder(
                "'nope' is not a declared field or an earlier derived column (did you mean 'note'?)",
                "'later' is derived later, in derive[1]; a derived column may use the declared fields and the derived"
                        + " columns before it",
                "'sum' is an aggregate: a derived column has one value per row, so it needs a window, e.g. sum(...)"
                        + " over (partition by ... order by ...)",
                "'lag' is a window function: it needs over (partition by ... order by ...)");
    }


    /** Every letter or run of letters that Spark 3 refuses in a parsing pattern is reported before Spark sees it. */
    @ParameterizedTest
    @ValueSource(strings = {"YYYY-MM-dd", "yyyy-ww", "yyyy-MM W", "yyyy-MM-dd u", "yyyy-MM-dd e", "yyyy-MM-dd c",
        "EEE, d MMM yyyy", "yyyy-MM F", "yyyy Q", "yyyy-qq", "yyyy-MM-dd A", "yyyy-MM-dd n", "yyyy-MM-dd N",
        "yyyy-MM-dd B", "yyyy-MM-dd pH", "d MMMMM yyyy", "yyyyyyy-MM-dd"})
    void rejectsDatePatternsSparkRefuses(String pattern) {
        SpecException e = catchThrowableOfType(() -> loader.load(
                field("{name: x, type: date, format: \"" + pattern + "\"}"), "bad.yaml"), SpecException.class);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("sources[0].schema[1].format");
            assertThat(p.message()).containsAnyOf("week-based", "cannot be used to parse", "too many pattern letters");
        });
    }

    // ---- building broken specs ------------------------------------------------------------------

    private static final Map<String, String> BASE_SOURCE = Map.of(
            "name", "s",
            "path", "in",
            "schema", "[{name: id, type: long}, {name: day, type: date}, {name: at, type: timestamp},"
                    + " {name: note, type: string}, {name: price, type: 'decimal(10,2)'}]",
            "keys", "[id]");

    /** A valid one-source spec, with {@code extra} (flow-mapping entries) added to the source. */
    @Test
    void variablesFillSourcePathsAndCanBeOverridden() {
        PipelineSpec spec = loader.load("pipeline: p\nvariables: {data: in, flag: 'false'}\nsources:\n"
                + "  - {name: s, path: '${data}/s', files: 'S.csv*', optional: true, csv: {quote: none, delimiter: '\\t'},"
                + " schema: [{name: id, type: long}], keys: [id]}\n", "t.yaml");
        assertThat(spec.withVariables(Map.of()).sources().get(0).path()).isEqualTo("in/s");
        assertThat(spec.withVariables(Map.of("data", "s3a://b/x")).sources().get(0).path()).isEqualTo("s3a://b/x/s");
        assertThat(spec.withVariables(Map.of("flag", "true")).variables()).containsEntry("flag", "true");
        assertThat(spec.sources().get(0).files()).contains("S.csv*");
        assertThat(spec.sources().get(0).optional()).isTrue();
        assertThat(spec.sources().get(0).csv().quote()).isEqualTo(CsvOptions.NO_QUOTE);
        assertThat(spec.sources().get(0).csv().delimiter()).isEqualTo('\t');
        assertThatThrownBy(() -> spec.withVariables(Map.of("dta", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pipeline p has no variable 'dta' (it has: data, flag)");
    }

    @Test
    void bundledOmopSpecLoads() {
        PipelineSpec spec = loader.loadResource("mimic_omop");
        assertThat(spec.sources()).hasSize(34);
        assertThat(spec.staging()).contains("omop");
        assertThat(spec.source("mimic_patients").orElseThrow().optional()).isFalse();
        assertThat(spec.source("mimic_chartevents").orElseThrow().optional()).isTrue();
        assertThat(spec.curated()).extracting(CuratedStep::name).contains("person", "measurement", "drug_era",
                "omop_dq_results");
    }

    static String base(String extra) {
        return base(Map.of(), extra);
    }

    /**
     * A one-source spec whose source entries (name, path, schema, keys) are replaced by {@code replaced}
     * (an empty value leaves the entry out), with {@code extra} added.
     */
    static String base(Map<String, String> replaced, String extra) {
        StringBuilder source = new StringBuilder();
        for (String key : List.of("name", "path", "schema", "keys")) {
            String value = replaced.getOrDefault(key, BASE_SOURCE.get(key));
            if (!value.isEmpty()) {
                source.append(source.length() == 0 ? "" : ", ").append(key).append(": ").append(value);
            }
        }
        if (!extra.isEmpty()) {
            source.append(", ").append(extra);
        }
        return "pipeline: p\nsources:\n  - {" + source + "}\n";
    }

    /** The base spec with one more field after {@code id}. */
    static String field(String field) {
        return base(Map.of("schema", "[{name: id, type: long}, " + field + "]"), "");
    }

    static String derive(String columns) {
        return base("derive: [" + columns + "]");
    }

    static String rule(String rules) {
        return base("rules: [" + rules + "]");
    }

    static String curated(String steps) {
        return base("") + "curated: [" + steps + "]\n";
    }
}
