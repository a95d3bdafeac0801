package dev.strata.etl.clean;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.etl.spec.CsvOptions;
import java.io.ByteArrayOutputStream;
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
        Path file = dir.resolve("big.csv");
        Files.writeString(file, text);
        CsvOptions options = new CsvOptions(true, ',', '"', '"', false, StandardCharsets.UTF_8);
        CsvRecordParser parser = new CsvRecordParser(options, new Configuration());
        FileTask whole = new FileTask(file.toUri().toString(), "b1", 0L, new int[] {0, 1, 2}, 3);
        List<FileTask> parts = RecordReader.parts(new Configuration(), whole, 300);
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
        assertThat(fromWhole).hasSize(200).startsWith("2:1,note x,Open");
        assertThat(fromParts).isEqualTo(fromWhole);
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
    void quotedLineBreakIsAnErrorWhenTheSourceIsNotMultiline() throws Exception {
        CsvOptions single = new CsvOptions(true, ',', '"', '"', false, StandardCharsets.UTF_8);
        List<Row> rows = parse("id,summary,status\n1,\"a\nb\",Open\n".getBytes(StandardCharsets.UTF_8), single, 3);
        assertThat(rows.get(0).getString(4)).isEqualTo("parse_fields");
    }

    @Test
    void honoursDelimiterQuoteAndEscape() throws Exception {
        CsvOptions semicolons = new CsvOptions(true, ';', '\'', '\\', true, StandardCharsets.UTF_8);
        List<Row> rows = parse("id;summary;status\n1;'it\\'s; fine';Open\n".getBytes(StandardCharsets.UTF_8),
                semicolons, 3);
        assertThat(field(rows.get(0), 1)).isEqualTo("it's; fine");
    }
}
