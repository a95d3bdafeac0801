package dev.strata.etl.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.transforms.clean.CaseStyle;
import dev.strata.transforms.clean.DedupPolicy;
import dev.strata.transforms.clean.Field;
import dev.strata.transforms.clean.FieldType;
import dev.strata.transforms.clean.Rule;
import dev.strata.transforms.clean.RuleKind;
import dev.strata.transforms.clean.RuleLevel;
import dev.strata.transforms.clean.SortKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecLoaderTest {

    private static final String FULL = """
            pipeline: shop
            description: orders and customers
            sources:
              - name: orders
                path: s3a://bucket/in/orders/
                format: csv
                csv: {header: false, delimiter: ";", quote: "'", escape: "\\\\", multiline: false, encoding: ISO-8859-1}
                schema:
                  - {name: order_id, source: Order ID, type: long, nullable: false}
                  - {name: customer, type: string}
                  - {name: amount, type: "decimal(10,2)"}
                  - {name: placed, type: timestamp, format: "yyyy-MM-dd HH:mm:ss"}
                  - {name: status, type: string}
                normalize: {trim: false, empty_as_null: false, case: {status: upper}}
                keys: [order_id]
                dedup: {order_by: [placed desc], keep: first}
                rules:
                  - {kind: not_null, columns: [customer]}
                  - {kind: range, column: amount, min: 0, max: 10000, inclusive: false}
                  - {kind: allowed_values, column: status, values: [NEW, PAID], ignore_case: true, level: warn}
                  - {kind: regex, column: customer, pattern: 'C\\d+'}
                  - {kind: max_length, column: customer, max: 12}
                  - {kind: referential, column: customer, table: clean.customers, ref_column: customer_id}
                  - {kind: sql, name: paid_has_amount, expression: "status <> 'PAID' OR amount > 0"}
                  - {kind: unique}
                clean: {table: order_lines, partition_by: [status]}
              - name: customers
                path: data/customers.jsonl
                format: jsonl
                schema:
                  - {name: customer_id, type: string}
                keys: [customer_id]
            curated:
              - {name: revenue, sql: shop/revenue.sql, mode: merge, merge_keys: [day]}
              - {name: daily, sql: shop/daily.sql, mode: replace_partitions, partition_by: [day]}
              - {name: customer_dim, transform: customer_dim, mode: scd2, merge_keys: [customer_id]}
              - {name: snapshot, sql: shop/snapshot.sql, mode: replace}
            """;

    private final SpecLoader loader = new SpecLoader();

    @Test
    void readsEveryOption() {
        PipelineSpec spec = loader.load(FULL, "shop.yaml");
        assertThat(spec.name()).isEqualTo("shop");
        assertThat(spec.description()).isEqualTo("orders and customers");
        SourceSpec orders = spec.sources().get(0);
        assertThat(orders.path()).isEqualTo("s3a://bucket/in/orders/");
        assertThat(orders.format()).isEqualTo(SourceFormat.CSV);
        assertThat(orders.csv()).isEqualTo(new CsvOptions(false, ';', '\'', '\\', false,
                StandardCharsets.ISO_8859_1));
        assertThat(orders.clean().fields()).containsExactly(
                new Field("order_id", "Order ID", FieldType.parse("long"), false, Optional.empty()),
                new Field("customer", "customer", FieldType.parse("string"), true, Optional.empty()),
                new Field("amount", "amount", FieldType.parse("decimal(10,2)"), true, Optional.empty()),
                new Field("placed", "placed", FieldType.parse("timestamp"), true, Optional.of("yyyy-MM-dd HH:mm:ss")),
                new Field("status", "status", FieldType.parse("string"), true, Optional.empty()));
        assertThat(orders.clean().normalisation().trim()).isFalse();
        assertThat(orders.clean().normalisation().emptyAsNull()).isFalse();
        assertThat(orders.clean().normalisation().caseStyles()).containsEntry("status", CaseStyle.UPPER);
        assertThat(orders.clean().keys()).containsExactly("order_id");
        assertThat(orders.clean().dedup()).isEqualTo(new DedupPolicy(List.of(new SortKey("placed", true)),
                DedupPolicy.Keep.FIRST));
        List<Rule> rules = orders.clean().rules();
        assertThat(rules).extracting(Rule::kind).containsExactly(RuleKind.NOT_NULL, RuleKind.RANGE,
                RuleKind.ALLOWED_VALUES, RuleKind.REGEX, RuleKind.MAX_LENGTH, RuleKind.REFERENTIAL, RuleKind.SQL,
                RuleKind.UNIQUE);
        assertThat(rules).extracting(Rule::name).containsExactly("not_null_customer", "range_amount",
                "allowed_values_status", "regex_customer", "max_length_customer", "referential_customer",
                "paid_has_amount", "unique");
        assertThat(rules.get(1).min()).contains("0");
        assertThat(rules.get(1).max()).contains("10000");
        assertThat(rules.get(1).inclusive()).isFalse();
        assertThat(rules.get(2).level()).isEqualTo(RuleLevel.WARN);
        assertThat(rules.get(2).ignoreCase()).isTrue();
        assertThat(rules.get(2).values()).containsExactly("NEW", "PAID");
        assertThat(rules.get(3).pattern()).contains("C\\d+");
        assertThat(rules.get(4).maxLength()).isEqualTo(12);
        assertThat(rules.get(5).table()).contains("clean.customers");
        assertThat(rules.get(5).refColumn()).contains("customer_id");
        assertThat(rules.get(6).expression()).contains("status <> 'PAID' OR amount > 0");
        assertThat(orders.target()).isEqualTo(new CleanTarget("order_lines", List.of("status")));
        assertThat(spec.sources().get(1).format()).isEqualTo(SourceFormat.JSONL);
        assertThat(spec.curated()).containsExactly(
                new CuratedStep("revenue", Optional.of("shop/revenue.sql"), Optional.empty(), CuratedMode.MERGE,
                        List.of("day"), List.of()),
                new CuratedStep("daily", Optional.of("shop/daily.sql"), Optional.empty(),
                        CuratedMode.REPLACE_PARTITIONS, List.of(), List.of("day")),
                new CuratedStep("customer_dim", Optional.empty(), Optional.of("customer_dim"), CuratedMode.SCD2,
                        List.of("customer_id"), List.of()),
                new CuratedStep("snapshot", Optional.of("shop/snapshot.sql"), Optional.empty(), CuratedMode.REPLACE,
                        List.of(), List.of()));
    }

    @Test
    void fillsDefaults() {
        PipelineSpec spec = loader.load("""
                pipeline: p
                sources:
                  - name: s
                    path: in
                    schema: [{name: id}]
                    keys: [id]
                """, "p.yaml");
        SourceSpec source = spec.sources().get(0);
        assertThat(source.format()).isEqualTo(SourceFormat.CSV);
        assertThat(source.csv()).isEqualTo(CsvOptions.defaults());
        assertThat(source.clean().fields().get(0).type()).isEqualTo(FieldType.parse("string"));
        assertThat(source.clean().normalisation().trim()).isTrue();
        assertThat(source.clean().normalisation().emptyAsNull()).isTrue();
        assertThat(source.clean().dedup()).isEqualTo(DedupPolicy.keepLast());
        assertThat(source.target()).isEqualTo(new CleanTarget("s", List.of()));
        assertThat(spec.curated()).isEmpty();
    }

    @Test
    void theBundledSpecLoads() {
        PipelineSpec spec = loader.loadResource("service_requests");
        assertThat(spec.name()).isEqualTo("service_requests");
        assertThat(spec.sources().get(0).clean().fields()).hasSize(25);
        assertThat(spec.curated()).isNotEmpty();
    }

    private static final String BASE = """
            pipeline: p
            sources:
              - name: s
                path: in
                format: csv
                schema:
                  - {name: id, type: long}
                  - {name: day, type: date}
                  - {name: note, type: string}
                keys: [id]
            """;

    /** Each broken spec: the YAML to append or replace, the path reported, and part of the message. */
    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "pipelinez: x                                                        | pipelinez             | did you mean 'pipeline'",
        "pipeline: Bad-Name                                                  | pipeline              | not a valid name",
        "sources: []                                                         | sources               | at least one source",
        "sources: [{name: s, path: in, schema: [{name: id, type: lonng}], keys: [id]}]       | sources[0].schema[0].type | unknown type 'lonng'",
        "sources: [{name: s, path: in, schema: [{name: id}], keys: [idd]}]                   | sources[0].keys       | 'idd' is not a declared field (did you mean 'id'?)",
        "sources: [{name: s, path: in, schema: [{name: id}]}]                                | sources[0].keys       | is required",
        "sources: [{name: s, schema: [{name: id}], keys: [id]}]                              | sources[0].path       | is required",
        "sources: [{name: s, path: in, format: xml, schema: [{name: id}], keys: [id]}]       | sources[0].format     | unknown format 'xml'",
        "sources: [{name: s, path: in, format: jsonl, csv: {header: true}, schema: [{name: id}], keys: [id]}] | sources[0].csv | only apply to format csv",
        "sources: [{name: s, path: in, csv: {delimiter: ';;'}, schema: [{name: id}], keys: [id]}] | sources[0].csv.delimiter | exactly one character",
        "sources: [{name: s, path: in, csv: {encoding: klingon}, schema: [{name: id}], keys: [id]}] | sources[0].csv.encoding | unknown encoding 'klingon'",
        "sources: [{name: s, path: in, csv: {headr: true}, schema: [{name: id}], keys: [id]}] | sources[0].csv.headr | did you mean 'header'",
        "sources: [{name: s, path: in, schema: [{name: id, type: long, format: yyyy}], keys: [id]}] | sources[0].schema[0].format | only applies to date and timestamp",
        "sources: [{name: s, path: in, schema: [{name: id}, {name: d, type: date, format: YYYY-MM-dd}], keys: [id]}] | sources[0].schema[1].format | pattern letter 'Y'",
        "sources: [{name: s, path: in, schema: [{name: id}, {name: id}], keys: [id]}]        | sources[0].schema[1].name | declared twice",
        "sources: [{name: s, path: in, schema: [{name: id}], keys: [id], dedup: {keep: middle}}] | sources[0].dedup.keep | first or last",
        "sources: [{name: s, path: in, schema: [{name: id}], keys: [id], dedup: {order_by: [x]}}] | sources[0].dedup.order_by | 'x' is not a declared field",
        "sources: [{name: s, path: in, schema: [{name: id}], keys: [id], rules: [{kind: nonsense}]}] | sources[0].rules[0].kind | unknown rule kind 'nonsense'",
        "sources: [{name: s, path: in, schema: [{name: id}], keys: [id], rules: [{kind: range, column: id}]}] | sources[0].rules[0] | range needs min:, max: or both",
        "sources: [{name: s, path: in, schema: [{name: id, type: int}], keys: [id], rules: [{kind: range, column: id, min: low}]}] | sources[0].rules[0].min | 'low' is not a valid int bound",
        "sources: [{name: s, path: in, schema: [{name: id}, {name: d, type: date}], keys: [id], rules: [{kind: range, column: d, max: 31/12/2024}]}] | sources[0].rules[0].max | ISO form",
        "sources: [{name: s, path: in, schema: [{name: id}], keys: [id], rules: [{kind: allowed_values, column: id, values: []}]}] | sources[0].rules[0].values | non-empty list",
        "sources: [{name: s, path: in, schema: [{name: id}], keys: [id], rules: [{kind: regex, column: id, pattern: '(['}]}] | sources[0].rules[0].pattern | not a valid regular expression",
        "sources: [{name: s, path: in, schema: [{name: id}], keys: [id], rules: [{kind: max_length, column: id, max: 0}]}] | sources[0].rules[0].max | must be at least 1",
        "sources: [{name: s, path: in, schema: [{name: id}], keys: [id], rules: [{kind: referential, column: id, table: other, ref_column: x}]}] | sources[0].rules[0].table | clean.<table> or curated.<table>",
        "sources: [{name: s, path: in, schema: [{name: id}], keys: [id], rules: [{kind: sql}]}] | sources[0].rules[0].expression | is required",
        "sources: [{name: s, path: in, schema: [{name: id}], keys: [id], rules: [{kind: not_null, column: nope}]}] | sources[0].rules[0] | 'nope' is not a declared field",
        "sources: [{name: s, path: in, schema: [{name: id}], keys: [id], rules: [{kind: not_null, column: id, level: fatal}]}] | sources[0].rules[0].level | error or warn",
        "sources: [{name: s, path: in, schema: [{name: id}], keys: [id], rules: [{kind: regex, column: id, pattern: x, max: 3}]}] | sources[0].rules[0].max | unknown key 'max'",
        "sources: [{name: s, path: in, schema: [{name: id}], keys: [id], rules: [{kind: not_null, column: id}, {kind: not_null, column: id}]}] | sources[0].rules[1].name | declared twice",
        "sources: [{name: s, path: in, schema: [{name: id}], keys: [id], clean: {partition_by: [zz]}}] | sources[0].clean.partition_by | 'zz' is not a declared field",
        "sources: [{name: s, path: in, schema: [{name: id}], keys: [id]}, {name: s, path: in2, schema: [{name: id}], keys: [id]}] | sources[1].name | declared twice",
        "curated: [{name: c, mode: merge, merge_keys: [k]}]                                   | curated[0]            | exactly one of sql: (a file under the SQL root) or transform:",
        "curated: [{name: c, sql: a.sql, transform: t, mode: replace}]                       | curated[0]            | exactly one of sql:",
        "curated: [{name: c, sql: a.txt, mode: replace}]                                     | curated[0].sql        | must name a .sql file",
        "curated: [{name: c, sql: ../a.sql, mode: replace}]                                  | curated[0].sql        | without '..'",
        "curated: [{name: c, sql: a.sql, mode: upsert}]                                      | curated[0].mode       | unknown mode 'upsert'",
        "curated: [{name: c, sql: a.sql, mode: merge}]                                       | curated[0].merge_keys | mode merge needs merge_keys",
        "curated: [{name: c, sql: a.sql, mode: scd2}]                                        | curated[0].merge_keys | mode scd2 needs merge_keys",
        "curated: [{name: c, sql: a.sql, mode: replace_partitions}]                          | curated[0].partition_by | needs partition_by",
        "curated: [{name: c, sql: a.sql, mode: replace}, {name: c, sql: b.sql, mode: replace}] | curated[1].name     | declared twice",
    })
    void reportsEachMistakeWithItsPath(String yaml, String path, String message) {
        String text = yaml.startsWith("curated:") || yaml.startsWith("pipelinez") ? BASE + yaml
                : yaml.startsWith("pipeline:") ? yaml + "\n" + BASE.substring(BASE.indexOf("sources:"))
                : "pipeline: p\n" + yaml;
        assertThatThrownBy(() -> loader.load(text, "bad.yaml"))
                .isInstanceOf(SpecException.class)
                .satisfies(e -> assertThat(((SpecException) e).problems())
                        .anySatisfy(p -> {
                            assertThat(p.origin()).isEqualTo("bad.yaml");
                            assertThat(p.path()).isEqualTo(path);
                            assertThat(p.message()).contains(message);
                        }));
    }

    @Test
    void reportsSeveralMistakesAtOnce() {
        assertThatThrownBy(() -> loader.load("""
                pipeline: p
                sources:
                  - name: s
                    path: in
                    schema: [{name: id, type: lonng}, {name: d, type: date, format: YYYY}]
                    keys: [nope]
                """, "multi.yaml"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("multi.yaml: sources[0].schema[0].type: unknown type 'lonng'")
                .hasMessageContaining("multi.yaml: sources[0].schema[1].format: pattern letter 'Y'")
                .hasMessageContaining("multi.yaml: sources[0].keys: 'nope' is not a declared field");
    }

    @Test
    void invalidYamlNamesTheLine() {
        assertThatThrownBy(() -> loader.load("pipeline: p\nsources: [\n  - {", "broken.yaml"))
                .isInstanceOf(SpecException.class)
                .hasMessageStartingWith("broken.yaml: line ")
                .hasMessageContaining("not valid YAML");
    }
}
