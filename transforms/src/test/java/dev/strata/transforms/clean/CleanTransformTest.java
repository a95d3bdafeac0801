package dev.strata.transforms.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.transforms.SparkTestSession;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class CleanTransformTest {

    private final SparkSession spark = SparkTestSession.get();

    /** Records as the reader makes them: metadata, then one string per field; line numbers count from 1. */
    private Dataset<Row> records(List<String> fields, String[]... values) {
        StructType schema = new StructType()
                .add(RecordColumns.BATCH_ID, DataTypes.StringType)
                .add(RecordColumns.SOURCE_FILE, DataTypes.StringType)
                .add(RecordColumns.LINE_NUMBER, DataTypes.LongType)
                .add(RecordColumns.RAW_TEXT, DataTypes.StringType)
                .add(RecordColumns.PARSE_RULE, DataTypes.StringType)
                .add(RecordColumns.PARSE_ERROR, DataTypes.StringType)
                .add(RecordColumns.INGESTED_AT, DataTypes.TimestampType);
        for (String f : fields) {
            schema = schema.add(f, DataTypes.StringType);
        }
        List<Row> rows = new ArrayList<>();
        long line = 1;
        for (String[] v : values) {
            line++;
            Object[] cells = new Object[7 + fields.size()];
            cells[0] = "b1";
            cells[1] = "f.csv";
            cells[2] = line;
            cells[3] = String.join(",", java.util.Arrays.stream(v).map(String::valueOf).toList());
            cells[6] = Timestamp.valueOf("2026-01-01 00:00:00");
            System.arraycopy(v, 0, cells, 7, v.length);
            rows.add(RowFactory.create(cells));
        }
        return spark.createDataFrame(rows, schema);
    }

    private static CleanSpec spec(List<Field> fields, List<Rule> rules, DedupPolicy dedup) {
        return new CleanSpec(fields, Normalisation.defaults(), List.of("id"), dedup, rules);
    }

    private static Field field(String name, String type) {
        return Field.of(name, FieldType.parse(type));
    }

    private static Field field(String name, String type, String format) {
        return new Field(name, name, FieldType.parse(type), true, Optional.of(format));
    }

    private static Map<Long, Row> byLine(Dataset<Row> classified) {
        return classified.collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getLong(r.fieldIndex(RecordColumns.LINE_NUMBER)), r -> r));
    }

    private static String status(Row row) {
        return row.getString(row.fieldIndex(RecordColumns.STATUS));
    }

    private static String rule(Row row) {
        return row.getString(row.fieldIndex(RecordColumns.RULE));
    }

    private static String reason(Row row) {
        return row.getString(row.fieldIndex(RecordColumns.REASON));
    }

    @Test
    void typesEveryKindAndReportsValuesThatDoNotParse() {
        List<Field> fields = List.of(field("id", "long"), field("n", "int"), field("x", "double"),
                field("ok", "boolean"), field("d", "date", "M/d/yyyy"), field("ts", "timestamp", "M/d/yyyy h:mm:ss a"),
                field("amount", "decimal(10,2)"));
        Dataset<Row> out = new CleanTransform(spec(fields, List.of(), DedupPolicy.keepLast()), Map.of()).apply(records(
                List.of("id", "n", "x", "ok", "d", "ts", "amount"),
                new String[] {"1", " 42 ", "-1.5e2", "Yes", "12/6/2023", "12/6/2023 10:40:02 AM", "12.34"},
                new String[] {"2", "4.2", "N/A", "maybe", "13/45/2023", "not a date", "abc"}));
        Map<Long, Row> rows = byLine(out);
        Row good = rows.get(2L);
        assertThat(status(good)).isEqualTo(RecordColumns.CLEAN);
        assertThat(good.getLong(good.fieldIndex("id"))).isEqualTo(1L);
        assertThat(good.getInt(good.fieldIndex("n"))).isEqualTo(42);
        assertThat(good.getDouble(good.fieldIndex("x"))).isEqualTo(-150.0);
        assertThat(good.getBoolean(good.fieldIndex("ok"))).isTrue();
        assertThat(good.getDate(good.fieldIndex("d"))).isEqualTo(Date.valueOf("2023-12-06"));
        assertThat(good.getTimestamp(good.fieldIndex("ts"))).isEqualTo(Timestamp.valueOf("2023-12-06 10:40:02"));
        assertThat(good.getDecimal(good.fieldIndex("amount"))).isEqualByComparingTo(new BigDecimal("12.34"));

        Row bad = rows.get(3L);
        assertThat(status(bad)).isEqualTo(RecordColumns.QUARANTINED);
        assertThat(rule(bad)).isEqualTo("type_n");
        assertThat(reason(bad)).isEqualTo("n: '4.2' is not a valid int; x: 'N/A' is not a valid double; "
                + "ok: 'maybe' is not a valid boolean; d: '13/45/2023' is not a valid date in format 'M/d/yyyy'; "
                + "ts: 'not a date' is not a valid timestamp in format 'M/d/yyyy h:mm:ss a'; "
                + "amount: 'abc' is not a valid decimal(10,2)");
    }

    @Test
    void normalisesBeforeTyping() {
        CleanSpec spec = new CleanSpec(List.of(field("id", "long"), field("status", "string"), field("note", "string")),
                new Normalisation(true, true, Map.of("status", CaseStyle.TITLE)), List.of("id"),
                DedupPolicy.keepLast(), List.of());
        Row row = new CleanTransform(spec, Map.of()).apply(records(List.of("id", "status", "note"),
                new String[] {" 7 ", "  in PROGRESS ", "   "})).first();
        assertThat(row.getLong(row.fieldIndex("id"))).isEqualTo(7L);
        assertThat(row.getString(row.fieldIndex("status"))).isEqualTo("In Progress");
        assertThat(row.isNullAt(row.fieldIndex("note"))).isTrue();
    }

    @Test
    void eachRuleKindQuarantinesWithAReadableReason() {
        List<Field> fields = List.of(field("id", "long"), field("lat", "double"), field("status", "string"),
                field("zip", "string"), field("summary", "string"), field("opened", "int"), field("closed", "int"));
        List<Rule> rules = List.of(
                Rule.builder(RuleKind.NOT_NULL).columns("summary").build(),
                Rule.builder(RuleKind.RANGE).columns("lat").min("39.5").max("40").build(),
                Rule.builder(RuleKind.ALLOWED_VALUES).columns("status").values(List.of("Open", "Closed")).build(),
                Rule.builder(RuleKind.REGEX).columns("zip").pattern("\\d{5}").build(),
                Rule.builder(RuleKind.MAX_LENGTH).columns("summary").maxLength(5).build(),
                Rule.builder(RuleKind.SQL).name("closed_after_opened").expression("closed >= opened").build());
        Dataset<Row> out = new CleanTransform(spec(fields, rules, DedupPolicy.keepLast()), Map.of()).apply(records(
                List.of("id", "lat", "status", "zip", "summary", "opened", "closed"),
                new String[] {"1", "39.7", "Open", "80202", "ok", "1", "2"},
                new String[] {"2", "39.7", "Open", "80202", null, "1", "2"},
                new String[] {"3", "91.5", "Open", "80202", "ok", "1", "2"},
                new String[] {"4", "39.7", "Lost", "80202", "ok", "1", "2"},
                new String[] {"5", "39.7", "Open", "8020", "ok", "1", "2"},
                new String[] {"6", "39.7", "Open", "80202", "too long", "1", "2"},
                new String[] {"7", "39.7", "Open", "80202", "ok", "3", "2"},
                new String[] {"8", null, "Closed", null, "fine", "1", "1"}));
        Map<Long, Row> rows = byLine(out);
        assertThat(status(rows.get(2L))).isEqualTo(RecordColumns.CLEAN);
        assertThat(status(rows.get(9L))).isEqualTo(RecordColumns.CLEAN);
        assertThat(rule(rows.get(3L))).isEqualTo("not_null_summary");
        assertThat(reason(rows.get(3L))).isEqualTo("summary is missing");
        assertThat(rule(rows.get(4L))).isEqualTo("range_lat");
        assertThat(reason(rows.get(4L))).isEqualTo("lat = 91.5 is outside [39.5, 40]");
        assertThat(rule(rows.get(5L))).isEqualTo("allowed_values_status");
        assertThat(reason(rows.get(5L))).isEqualTo("status = 'Lost' is not one of Open, Closed");
        assertThat(rule(rows.get(6L))).isEqualTo("regex_zip");
        assertThat(reason(rows.get(6L))).isEqualTo("zip = '8020' does not match \\d{5}");
        assertThat(rule(rows.get(7L))).isEqualTo("max_length_summary");
        assertThat(reason(rows.get(7L))).isEqualTo("summary has 8 characters, more than 5");
        assertThat(rule(rows.get(8L))).isEqualTo("closed_after_opened");
        assertThat(reason(rows.get(8L))).isEqualTo("not true: closed >= opened");
    }

    @Test
    void referentialRuleChecksAnotherTable() {
        Dataset<Row> neighborhoods = spark.sql("select 'Baker' as name union all select 'Five Points'");
        List<Rule> rules = List.of(Rule.builder(RuleKind.REFERENTIAL).columns("hood").table("clean.neighborhoods")
                .refColumn("name").build());
        Dataset<Row> out = new CleanTransform(spec(List.of(field("id", "long"), field("hood", "string")), rules,
                DedupPolicy.keepLast()), Map.of("clean.neighborhoods", neighborhoods)).apply(records(
                List.of("id", "hood"), new String[] {"1", "Baker"}, new String[] {"2", "Atlantis"},
                new String[] {"3", null}));
        Map<Long, Row> rows = byLine(out);
        assertThat(status(rows.get(2L))).isEqualTo(RecordColumns.CLEAN);
        assertThat(status(rows.get(4L))).isEqualTo(RecordColumns.CLEAN);
        assertThat(rule(rows.get(3L))).isEqualTo("referential_hood");
        assertThat(reason(rows.get(3L))).isEqualTo("hood = 'Atlantis' is not in clean.neighborhoods.name");
    }

    @Test
    void referentialRuleWithoutItsTableIsRefused() {
        List<Rule> rules = List.of(Rule.builder(RuleKind.REFERENTIAL).columns("hood").table("clean.x")
                .refColumn("name").build());
        assertThatThrownBy(() -> new CleanTransform(spec(List.of(field("id", "long"), field("hood", "string")), rules,
                DedupPolicy.keepLast()), Map.of())).hasMessageContaining("needs table clean.x");
    }

    @Test
    void warnRulesCountButKeepTheRow() {
        List<Rule> rules = List.of(Rule.builder(RuleKind.RANGE).columns("n").max("10").level(RuleLevel.WARN).build());
        Row row = new CleanTransform(spec(List.of(field("id", "long"), field("n", "int")), rules,
                DedupPolicy.keepLast()), Map.of()).apply(records(List.of("id", "n"), new String[] {"1", "11"})).first();
        assertThat(status(row)).isEqualTo(RecordColumns.CLEAN);
        assertThat(row.getList(row.fieldIndex(RecordColumns.WARNINGS))).hasSize(1);
    }

    @Test
    void parseErrorIsTheOnlyFailureOfItsRecord() {
        Dataset<Row> input = records(List.of("id", "n"), new String[] {null, "x"})
                .withColumn(RecordColumns.PARSE_RULE, org.apache.spark.sql.functions.lit("parse_fields"))
                .withColumn(RecordColumns.PARSE_ERROR, org.apache.spark.sql.functions.lit("expected 2 fields, found 3"));
        Row row = new CleanTransform(spec(List.of(field("id", "long"), field("n", "int")), List.of(),
                DedupPolicy.keepLast()), Map.of()).apply(input).first();
        assertThat(status(row)).isEqualTo(RecordColumns.QUARANTINED);
        assertThat(rule(row)).isEqualTo("parse_fields");
        assertThat(reason(row)).isEqualTo("expected 2 fields, found 3");
    }

    @Test
    void missingKeyIsQuarantined() {
        Row row = new CleanTransform(spec(List.of(field("id", "long"), field("n", "int")), List.of(),
                DedupPolicy.keepLast()), Map.of()).apply(records(List.of("id", "n"), new String[] {"", "1"})).first();
        assertThat(rule(row)).isEqualTo("not_null_id");
        assertThat(reason(row)).isEqualTo("id is missing");
    }

    @Test
    void dedupDropsExactCopiesAndQuarantinesLosingVersions() {
        CleanSpec spec = spec(List.of(field("id", "long"), field("status", "string")), List.of(),
                DedupPolicy.keepLast());
        Dataset<Row> out = new CleanTransform(spec, Map.of()).apply(records(List.of("id", "status"),
                new String[] {"1", "Open"},      // line 2: exact copy of line 3
                new String[] {"1", "Open"},      // line 3: superseded by line 4
                new String[] {"1", "Closed"},    // line 4: the last version wins
                new String[] {"2", "Open"},      // line 5: only version
                new String[] {"2", "Open"}));    // line 6: exact copy; the last copy is kept
        Map<Long, Row> rows = byLine(out);
        assertThat(status(rows.get(4L))).isEqualTo(RecordColumns.CLEAN);
        assertThat(status(rows.get(3L))).isEqualTo(RecordColumns.QUARANTINED);
        assertThat(rule(rows.get(3L))).isEqualTo("unique");
        assertThat(reason(rows.get(3L))).isEqualTo("duplicate key id=1; line 4 of f.csv was kept");
        assertThat(status(rows.get(2L))).isEqualTo(RecordColumns.DUPLICATE);
        assertThat(status(rows.get(6L))).isEqualTo(RecordColumns.CLEAN);
        assertThat(status(rows.get(5L))).isEqualTo(RecordColumns.DUPLICATE);
        assertThat(out.count()).isEqualTo(5);
    }

    @Test
    void dedupHonoursOrderByAndKeepFirst() {
        List<Field> fields = List.of(field("id", "long"), field("version", "int"));
        DedupPolicy byVersionFirst = new DedupPolicy(List.of(SortKey.parse("version desc")), DedupPolicy.Keep.FIRST);
        Dataset<Row> out = new CleanTransform(spec(fields, List.of(), byVersionFirst), Map.of()).apply(records(
                List.of("id", "version"), new String[] {"1", "3"}, new String[] {"1", "5"}, new String[] {"1", "4"}));
        Map<Long, Row> rows = byLine(out);
        assertThat(status(rows.get(3L))).isEqualTo(RecordColumns.CLEAN);
        assertThat(status(rows.get(2L))).isEqualTo(RecordColumns.QUARANTINED);
        assertThat(status(rows.get(4L))).isEqualTo(RecordColumns.QUARANTINED);
    }

    @Test
    void everyRecordComesOutExactlyOnce() {
        CleanSpec spec = spec(List.of(field("id", "long"), field("n", "int")),
                List.of(Rule.builder(RuleKind.RANGE).columns("n").min("0").build()), DedupPolicy.keepLast());
        List<String[]> input = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            input.add(new String[] {Integer.toString(i % 300), Integer.toString(i % 7 - 1)});
        }
        Dataset<Row> out = new CleanTransform(spec, Map.of()).apply(records(List.of("id", "n"),
                input.toArray(String[][]::new)));
        Map<String, Long> counts = out.groupBy(RecordColumns.STATUS).count().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(500);
        assertThat(out.select(RecordColumns.LINE_NUMBER).distinct().count()).isEqualTo(500);
        // every key with at least one valid row has exactly one clean row
        long keysWithValid = out.where(RecordColumns.STATUS + " != 'quarantined' or " + RecordColumns.RULE + " = 'unique'")
                .select("id").distinct().count();
        assertThat(counts.get(RecordColumns.CLEAN)).isEqualTo(keysWithValid);
    }
}
