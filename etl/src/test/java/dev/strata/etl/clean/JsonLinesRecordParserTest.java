package dev.strata.etl.clean;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.transforms.clean.Field;
import dev.strata.transforms.clean.FieldType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One JSON object per line: values as text, line numbers kept, anything else a parse error with its line. */
class JsonLinesRecordParserTest {

    @TempDir
    Path dir;

    private static final List<Field> FIELDS = List.of(Field.of("id", FieldType.of(FieldType.Kind.LONG)),
            Field.of("customer_name", FieldType.of(FieldType.Kind.STRING)),
            Field.of("tags", FieldType.of(FieldType.Kind.STRING)),
            Field.of("score", FieldType.of(FieldType.Kind.DOUBLE)));

    private List<Row> parse(byte[] content) throws Exception {
        return ParsedFile.rows(new JsonLinesRecordParser(FIELDS, StandardCharsets.UTF_8, new Configuration()),
                dir.resolve("in.jsonl"), content, FIELDS.size());
    }

    private static String field(Row row, int index) {
        return ParsedFile.field(row, index);
    }

    @Test
    void valuesAreTextAndNamesMatchLooselyAndLineNumbersSkipBlankLines() throws Exception {
        List<Row> rows = parse(("""
                {"id": 7, "Customer Name": "Ada", "tags": ["a", "b"], "score": 1.5}

                {"id": "8", "customer-name": null, "score": true, "extra": {"x": 1}}
                """).getBytes(StandardCharsets.UTF_8));
        assertThat(rows).hasSize(2);
        Row first = rows.get(0);
        assertThat(first.getLong(2)).isEqualTo(1L);
        assertThat(first.isNullAt(4)).as("no parse rule").isTrue();
        assertThat(List.of(field(first, 0), field(first, 1), field(first, 2), field(first, 3)))
                .containsExactly("7", "Ada", "[\"a\",\"b\"]", "1.5");
        Row second = rows.get(1);
        assertThat(second.getLong(2)).isEqualTo(3L);
        assertThat(field(second, 0)).isEqualTo("8");
        assertThat(second.isNullAt(RecordLayout.METADATA + 1)).as("null is null, not the text null").isTrue();
        assertThat(second.isNullAt(RecordLayout.METADATA + 2)).as("a missing key").isTrue();
        assertThat(field(second, 3)).isEqualTo("true");
    }

    @Test
    void aLineThatIsNotAnObjectIsAParseErrorWithItsTextAndLine() throws Exception {
        List<Row> rows = parse(("{\"id\": 1}\nnot json\n[1, 2]\n{\"id\": 2, \"customer_name\": \"cut\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).isNullAt(4)).isTrue();
        assertThat(rows.subList(1, 4)).allSatisfy(r -> assertThat(r.getString(4)).isEqualTo("parse_fields"));
        assertThat(rows.get(1).getLong(2)).isEqualTo(2L);
        assertThat(rows.get(1).getString(3)).isEqualTo("not json");
        assertThat(rows.get(1).getString(5)).startsWith("invalid JSON");
        assertThat(rows.get(2).getString(5)).isEqualTo("the line is not a JSON object");
        assertThat(rows.get(3).getLong(2)).isEqualTo(4L);
        assertThat(rows.get(3).getString(5)).startsWith("invalid JSON");
    }

    @Test
    void bytesInvalidInTheEncodingAreAnEncodingError() throws Exception {
        byte[] bad = "{\"id\": 1, \"customer_name\": \"Ren\u00e9e\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        List<Row> rows = parse(bad);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.getString(4)).isEqualTo("encoding");
            assertThat(r.getString(5)).contains("not valid in the declared encoding");
        });
    }

    @Test
    void aFileCutIntoPartsGivesTheSameRecordsAndLineNumbersAsWhole() throws Exception {
        StringBuilder text = new StringBuilder("\uFEFF");
        for (int i = 1; i <= 150; i++) {
            text.append("{\"id\": ").append(i).append(", \"customer_name\": \"").append("n".repeat(i % 13))
                    .append("\"}").append(i % 3 == 0 ? "\r\n" : "\n");
            if (i % 40 == 0) {
                text.append("\n");
            }
        }
        Path file = dir.resolve("big.jsonl");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        JsonLinesRecordParser parser = new JsonLinesRecordParser(FIELDS, StandardCharsets.UTF_8, new Configuration());
        FileTask whole = new FileTask(file.toUri().toString(), "b1", 0L, new int[] {0, 1, 2, 3}, 4);
        List<FileTask> parts = LineCuts.parts(org.apache.spark.api.java.JavaSparkContext.fromSparkContext(
                dev.strata.etl.engine.EngineTestSession.get().sparkContext()), new Configuration(),
                List.of(new LineCuts.Sized(whole, Files.size(file))), 200);
        assertThat(parts).hasSizeGreaterThan(10);
        List<String> fromWhole = described(parser, List.of(whole));
        assertThat(fromWhole).hasSize(150).startsWith("1:1:n").contains("42:41:nn");
        assertThat(described(parser, parts)).isEqualTo(fromWhole);
    }

    /** Line, id and name of each record the tasks give, with any parse error. */
    private static List<String> described(JsonLinesRecordParser parser, List<FileTask> tasks) throws Exception {
        List<String> out = new ArrayList<>();
        for (FileTask task : tasks) {
            for (Iterator<Row> it = parser.call(task); it.hasNext();) {
                Row row = it.next();
                out.add(row.getLong(2) + ":" + field(row, 0) + ":" + field(row, 1)
                        + (row.isNullAt(5) ? "" : " " + row.getString(5)));
            }
        }
        return out;
    }
}
