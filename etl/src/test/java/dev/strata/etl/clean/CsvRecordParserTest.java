package dev.strata.etl.clean;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.etl.engine.EngineTestSession;
import dev.strata.etl.spec.CsvOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRecordParserTest {

    @TempDir
    Path dir;

    private List<Row> parse(byte[] content, CsvOptions options, int width) throws Exception {
        return ParsedFile.rows(new CsvRecordParser(options, new Configuration()), dir.resolve("in.csv"), content, width);
    }

    private static String field(Row row, int index) {
        return ParsedFile.field(row, index);
    }

    @Test
    void keepsLineNumbersAndRawTextAcrossQuotedLineBreaks() throws Exception {
        String text = "id,summary,status\n"
                + "1,\"Pothole, large\nnear \"\"the\"\" corner\",Open\n"
                + "\n"
                + "2,plain,Closed\n";
        List<Row> rows = parse(text.getBytes(StandardCharsets.UTF_8), CsvOptions.defaults(), 3);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getLong(2)).isEqualTo(2L);
        assertThat(field(rows.get(0), 1)).isEqualTo("Pothole, large\nnear \"the\" corner");
        assertThat(rows.get(0).getString(3)).isEqualTo("1,\"Pothole, large\nnear \"\"the\"\" corner\",Open");
        assertThat(rows.get(0).isNullAt(5)).isTrue();
        assertThat(rows.get(1).getLong(2)).isEqualTo(5L);
        assertThat(field(rows.get(1), 2)).isEqualTo("Closed");
    }

    @Test
    void aFileCutIntoPartsGivesTheSameRecordsAndLineNumbersAsWhole() throws Exception {
        StringBuilder text = new StringBuilder("id,summary,status\n");
        for (int i = 1; i <= 200; i++) {
            text.append(i).append(",note ").append("x".repeat(i % 17)).append(",Open\n");
            if (i % 50 == 0) {
                text.append("\n");
            }
        }
        // a line longer than a slice: the slices it covers start no part of their own
        text.append("201,").append("y".repeat(1000)).append(",Open\n202,last,Open\n");
        Path file = dir.resolve("big.csv");
        Files.writeString(file, text);
        CsvOptions options = new CsvOptions(true, ',', '"', '"', false, StandardCharsets.UTF_8);
        CsvRecordParser parser = new CsvRecordParser(options, new Configuration());
        FileTask whole = new FileTask(file.toUri().toString(), "b1", 0L, new int[] {0, 1, 2}, 3);
        List<FileTask> parts = LineCuts.parts(JavaSparkContext.fromSparkContext(EngineTestSession.get().sparkContext()),
                new Configuration(), List.of(new LineCuts.Sized(whole, Files.size(file))), 300);
        assertThat(parts).hasSizeGreaterThan(5);
        assertThat(parts.get(0).start()).isZero();
        assertThat(parts.get(parts.size() - 1).end()).isEqualTo(Files.size(file));
        for (int i = 1; i < parts.size(); i++) {
            assertThat(parts.get(i).start()).isEqualTo(parts.get(i - 1).end());
        }
        List<String> fromWhole = new ArrayList<>();
        for (Iterator<Row> it = parser.call(whole); it.hasNext();) {
            Row row = it.next();
            fromWhole.add(row.getLong(2) + ":" + row.getString(3));
        }
        List<String> fromParts = new ArrayList<>();
        for (FileTask part : parts) {
            for (Iterator<Row> it = parser.call(part); it.hasNext();) {
                Row row = it.next();
                fromParts.add(row.getLong(2) + ":" + row.getString(3));
            }
        }
        assertThat(fromWhole).hasSize(202).startsWith("2:1,note x,Open").endsWith("207:202,last,Open");
        assertThat(fromParts).isEqualTo(fromWhole);
    }

    @Test
    void cutsFallAtTheFirstLineStartOfEachSliceAndCountTheLinesBefore() {
        FileTask whole = new FileTask("file:/x.csv", "b1", 0L, new int[] {0}, 1);
        // slices of 10 bytes of a 40-byte file: a line feed just before the second slice, none in the third,
        // the fourth's first line feed inside it
        List<FileTask> parts = LineCuts.cut(new LineCuts.Sized(whole, 40), List.of(
                new LineCuts.Found(0, 0, 3, 2), new LineCuts.Found(0, 10, 1, 9), new LineCuts.Found(0, 20, 0, -1),
                new LineCuts.Found(0, 30, 2, 33)));
        assertThat(parts).extracting(p -> p.start() + "-" + p.end() + "@" + p.firstLine())
                .containsExactly("0-10@1", "10-34@4", "34-40@6");
    }

    @Test
    void wrongFieldCountsCarryAParseError() throws Exception {
        String text = "id,summary,status\n1,a\n2,a,b,c\n3,a,b\n";
        List<Row> rows = parse(text.getBytes(StandardCharsets.UTF_8), CsvOptions.defaults(), 3);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getString(4)).isEqualTo("parse_fields");
        assertThat(rows.get(0).getString(5)).isEqualTo("expected 3 fields, found 2");
        assertThat(rows.get(1).getString(5)).isEqualTo("expected 3 fields, found 4");
        assertThat(rows.get(2).isNullAt(5)).isTrue();
        assertThat(rows.get(2).getLong(2)).isEqualTo(4L);
    }

    @Test
    void invalidBytesAreAnEncodingError() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("id,summary,status\n1,caf".getBytes(StandardCharsets.UTF_8));
        out.write(new byte[] {(byte) 0xC3, (byte) 0x28});
        out.write(",Open\n2,café,Open\n".getBytes(StandardCharsets.UTF_8));
        List<Row> rows = parse(out.toByteArray(), CsvOptions.defaults(), 3);
        assertThat(rows.get(0).getString(4)).isEqualTo("encoding");
        assertThat(rows.get(1).isNullAt(4)).isTrue();
        assertThat(field(rows.get(1), 1)).isEqualTo("café");
    }

    @Test
    void aQuoteLeftOpenOnItsLineIsThatLineAloneWhenTheSourceIsNotMultiline() throws Exception {
        CsvOptions single = new CsvOptions(true, ',', '"', '"', false, StandardCharsets.UTF_8);
        List<Row> rows = parse("id,summary,status\n1,\"a\nb\",Open\n3,c,Open\n".getBytes(StandardCharsets.UTF_8),
                single, 3);
        assertThat(rows).extracting(r -> r.getLong(2) + ":" + r.getString(4))
                .containsExactly("2:unterminated_quote", "3:parse_fields", "4:null");
        assertThat(rows.get(0).getString(5)).contains("line 2", "not multiline");
    }

    @Test
    void aQuoteThatNeverClosesCostsOneLineAndReadingGoesOnAtTheNext() throws Exception {
        StringBuilder text = new StringBuilder("id,summary,status\n");
        for (int i = 1; i <= 40; i++) {
            text.append(i).append(',').append(i == 11 ? "\"broken, never closed" : "fine").append(",Open\n");
        }
        List<Row> rows = parse(text.toString().getBytes(StandardCharsets.UTF_8), CsvOptions.defaults(), 3);
        assertThat(rows).hasSize(40);
        Row broken = rows.get(10);
        assertThat(broken.getLong(2)).isEqualTo(12L);
        assertThat(broken.getString(3)).isEqualTo("11,\"broken, never closed,Open");
        assertThat(broken.getString(4)).isEqualTo("unterminated_quote");
        assertThat(broken.getString(5)).contains("line 12", "max_record_lines");
        assertThat(rows).filteredOn(r -> r.isNullAt(4)).hasSize(39);
        assertThat(rows.get(39).getLong(2)).isEqualTo(41L);
        assertThat(field(rows.get(39), 0)).isEqualTo("40");
    }

    @Test
    void aQuotedFieldMaySpanUpToTheDeclaredNumberOfLines() throws Exception {
        String text = "id,summary,status\n1,\"a\nb\nc\",Open\n2,\"d\ne\nf\ng\",Open\n3,h,Open\n";
        CsvOptions threeLines = new CsvOptions(true, ',', '"', '"', true, StandardCharsets.UTF_8, 3, 1 << 20);
        List<Row> rows = parse(text.getBytes(StandardCharsets.UTF_8), threeLines, 3);
        assertThat(rows).extracting(r -> r.getLong(2) + ":" + r.getString(4))
                .containsExactly("2:null", "5:unterminated_quote", "6:parse_fields", "7:parse_fields",
                        "8:parse_fields", "9:null");
        assertThat(field(rows.get(0), 1)).isEqualTo("a\nb\nc");
        CsvOptions tenChars = new CsvOptions(true, ',', '"', '"', true, StandardCharsets.UTF_8, 100, 10);
        assertThat(parse(text.getBytes(StandardCharsets.UTF_8), tenChars, 3).get(0).getString(4))
                .isEqualTo("unterminated_quote");
    }

    @Test
    void quotesOpenAFieldOnlyAtItsStart() throws Exception {
        String text = "id,summary,status\n1,5\" pipe,Open\n2,\"say \"\"hi\"\"\",Open\n3,x,Open\n";
        List<Row> rows = parse(text.getBytes(StandardCharsets.UTF_8), CsvOptions.defaults(), 3);
        assertThat(rows).extracting(r -> r.getString(4)).containsOnlyNulls();
        assertThat(field(rows.get(0), 1)).isEqualTo("5\" pipe");
        assertThat(field(rows.get(1), 1)).isEqualTo("say \"hi\"");
        assertThat(rows.get(2).getLong(2)).isEqualTo(4L);
    }

    @Test
    void readsCrLfLineEndsAndAByteOrderMark() throws Exception {
        String text = "\uFEFFid,summary,status\r\n1,\"two\r\nlines\",Open\r\n\r\n2,b,Closed\r\n";
        List<Row> rows = parse(text.getBytes(StandardCharsets.UTF_8), CsvOptions.defaults(), 3);
        assertThat(rows).hasSize(2);
        assertThat(field(rows.get(0), 1)).isEqualTo("two\nlines");
        assertThat(field(rows.get(0), 2)).isEqualTo("Open");
        assertThat(rows.get(1).getLong(2)).isEqualTo(5L);
        assertThat(field(rows.get(1), 2)).isEqualTo("Closed");
        assertThat(new CsvRecordParser(CsvOptions.defaults(), new Configuration()).header(
                dir.resolve("in.csv").toUri().toString())).containsExactly("id", "summary", "status");
    }

    @Test
    void nulCharactersAndTooManyColumnsAreErrorsOfTheirRecordOnly() throws Exception {
        String text = "id,summary,status\n1,a\u0000b,Open\n2," + ",".repeat(5000) + "\n3,c,Open\n";
        List<Row> rows = parse(text.getBytes(StandardCharsets.UTF_8), CsvOptions.defaults(), 3);
        assertThat(rows).extracting(r -> r.getString(4)).containsExactly("encoding", "parse_fields", null);
    }

    @Test
    void aDriftedFileQuarantinesEveryRecordAndARescuedFileKeepsItsExtraColumns() throws Exception {
        Path file = dir.resolve("drift.csv");
        Files.writeString(file, "id,summary,status,ward\n1,a,Open,7\n");
        CsvRecordParser parser = new CsvRecordParser(CsvOptions.defaults(), new Configuration());
        FileTask task = new FileTask(file.toUri().toString(), "b1", 0L, new int[] {0, 1, FileTask.RESCUED}, 4);
        Row rescued = parser.call(task.rescuing(new int[] {2, 3}, new String[] {"status", "ward"})).next();
        assertThat(rescued.isNullAt(4)).isTrue();
        assertThat(field(rescued, 2)).isEqualTo("{\"status\":\"Open\",\"ward\":\"7\"}");
        Row drifted = parser.call(task.drifted("the header lacks column 'x'")).next();
        assertThat(drifted.getString(4)).isEqualTo("schema_drift");
        assertThat(drifted.getString(5)).isEqualTo("the header lacks column 'x'");
    }

    @Test
    void honoursDelimiterQuoteAndEscape() throws Exception {
        CsvOptions semicolons = new CsvOptions(true, ';', '\'', '\\', true, StandardCharsets.UTF_8);
        List<Row> rows = parse("id;summary;status\n1;'it\\'s; fine';Open\n".getBytes(StandardCharsets.UTF_8),
                semicolons, 3);
        assertThat(field(rows.get(0), 1)).isEqualTo("it's; fine");
    }
}
