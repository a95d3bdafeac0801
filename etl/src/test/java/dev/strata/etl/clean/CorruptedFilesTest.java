package dev.strata.etl.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.etl.spec.CsvOptions;
import dev.strata.transforms.clean.Field;
import dev.strata.transforms.clean.FieldType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of random corruptions of sample files (byte flips, truncation, inserted quotes, delimiters, line breaks
 * and NULs, invalid UTF-8, removed or extra columns, repeated headers, CRLF, a byte-order mark, gzip), each parsed
 * as a task parses it: no corruption makes the parser fail, and every non-blank physical line of the input is
 * covered by exactly one record (from its line number over the lines of its text), so every line lands in a clean
 * row or a quarantine record. Seeded: a failure names its seed and is repeated by it.
 */
class CorruptedFilesTest {

    private static final int CSV_CASES = 2500;
    private static final int JSON_CASES = 1000;
    private static final long SEED = 20261206L;

    private static byte[] csvSample;
    private static byte[] jsonSample;

    @TempDir
    Path dir;

    @BeforeAll
    static void samples() throws IOException {
        Path file = Path.of(System.getProperty("strata.repo.root", "..")).resolve(
                "data-samples/service_requests/service_requests_part-00000.csv");
        // the header and about forty records (a few of them quoted), byte for byte
        List<String> lines = lines(Files.readAllBytes(file)).subList(0, 41);
        csvSample = join(lines);
        ObjectMapper json = new ObjectMapper();
        StringBuilder jsonLines = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            ObjectNode object = json.createObjectNode();
            object.put("id", 1000 + i);
            object.put("summary", i % 7 == 0 ? "quoted \"word\", comma" : "plain " + i);
            object.put("status", i % 2 == 0 ? "Open" : "Closed");
            jsonLines.append(object).append('\n');
        }
        jsonSample = jsonLines.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyLineOfEveryCorruptedCsvFileIsInExactlyOneRecord() throws Exception {
        Random random = new Random(SEED);
        String[] header = new String(csvSample, StandardCharsets.UTF_8).split("\n", 2)[0].split(",");
        Map<String, Integer> errors = new TreeMap<>();
        long records = 0;
        Configuration hadoop = new Configuration();
        CsvOptions[] variants = {new CsvOptions(true, ',', '"', '"', true, StandardCharsets.UTF_8),
            new CsvOptions(true, ',', '"', '"', false, StandardCharsets.UTF_8)};
        CsvRecordParser[] parsers = {new CsvRecordParser(variants[0], hadoop), new CsvRecordParser(variants[1], hadoop)};
        for (int i = 0; i < CSV_CASES; i++) {
            long seed = random.nextLong();
            Corruption corruption = corrupt(csvSample, new Random(seed), true);
            CsvOptions options = variants[i % 3 == 0 ? 1 : 0];
            CsvRecordParser parser = parsers[i % 3 == 0 ? 1 : 0];
            Path file = write(corruption, "case.csv");
            String[] found = parser.header(file.toUri().toString());
            FileTask task = new FileTask(file.toUri().toString(), "b1", 0L, SourceColumns.declaredOrder(header.length),
                    header.length);
            if (!Arrays.equals(found, header)) {
                task = task.drifted("the header differs from the declared columns");
            }
            List<Row> rows = parse(parser, task, seed, corruption);
            if (!options.multiline() && !corruption.gzip()) {
                sameRows(inParts(parser, task, random.nextInt(64, 1024), seed, corruption), rows, seed, corruption);
            }
            long headerLines = headerLines(corruption.text(), options);
            checkCoverage(rows, corruption, headerLines, seed, false);
            rows.forEach(r -> errors.merge(r.isNullAt(4) ? "clean" : r.getString(4), 1, Integer::sum));
            records += rows.size();
        }
        System.out.printf("%,d corrupted CSV files, %,d records: %s%n", CSV_CASES, records, errors);
        assertThat(errors).containsKeys("clean", "parse_fields", "encoding", "unterminated_quote", "schema_drift");
    }

    @Test
    void everyLineOfEveryCorruptedJsonLinesFileIsInExactlyOneRecord() throws Exception {
        Random random = new Random(SEED + 1);
        List<Field> fields = List.of(Field.of("id", FieldType.of(FieldType.Kind.LONG)),
                Field.of("summary", FieldType.of(FieldType.Kind.STRING)),
                Field.of("status", FieldType.of(FieldType.Kind.STRING)));
        JsonLinesRecordParser parser = new JsonLinesRecordParser(fields, StandardCharsets.UTF_8, new Configuration());
        Map<String, Integer> errors = new TreeMap<>();
        for (int i = 0; i < JSON_CASES; i++) {
            long seed = random.nextLong();
            Corruption corruption = corrupt(jsonSample, new Random(seed), false);
            Path file = write(corruption, "case.jsonl");
            FileTask task = new FileTask(file.toUri().toString(), "b1", 0L, new int[] {0, 1, 2}, 3);
            List<Row> rows = parse(parser, task, seed, corruption);
            if (!corruption.gzip()) {
                sameRows(inParts(parser, task, random.nextInt(64, 1024), seed, corruption), rows, seed, corruption);
            }
            checkCoverage(rows, corruption, 0, seed, true);
            rows.forEach(r -> errors.merge(r.isNullAt(4) ? "clean" : r.getString(4), 1, Integer::sum));
        }
        System.out.printf("%,d corrupted JSON-lines files: %s%n", JSON_CASES, errors);
        assertThat(errors).containsKeys("clean", "parse_fields", "encoding");
    }

    /** A corrupted file: its bytes as written (maybe gzip), the text they decode to, and what was done. */
    record Corruption(byte[] bytes, String text, boolean gzip, List<String> steps) {
    }

    private static Corruption corrupt(byte[] sample, Random random, boolean csv) throws IOException {
        byte[] bytes = sample.clone();
        List<String> steps = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(csv ? 13 : 9);
            steps.add(Integer.toString(kind));
            bytes = switch (kind) {
                case 0 -> flip(bytes, random);
                case 1 -> Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length));
                case 2 -> insert(bytes, random, "\"");
                case 3 -> insert(bytes, random, csv ? "," : "}");
                case 4 -> insert(bytes, random, List.of("\n", "\r\n", "\r", "\n\n").get(random.nextInt(4)));
                case 5 -> insert(bytes, random, "\0");
                case 6 -> insert(bytes, random, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
                case 7 -> replaceAll(bytes, "\n", "\r\n");
                case 8 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
                case 9 -> removeColumn(bytes, random, random.nextBoolean());
                case 10 -> extraColumn(bytes, random.nextBoolean());
                case 11 -> repeatHeader(bytes, random);
                default -> insert(bytes, random, "\"" + "x\n".repeat(random.nextInt(150)));
            };
        }
        String text = decode(bytes);
        boolean gzip = random.nextInt(10) == 0;
        if (gzip) {
            steps.add("gzip");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
                zip.write(bytes);
            }
            bytes = out.toByteArray();
        }
        return new Corruption(bytes, text, gzip, steps);
    }

    private Path write(Corruption corruption, String name) throws IOException {
        Path file = dir.resolve(corruption.gzip() ? name + ".gz" : name);
        Files.deleteIfExists(dir.resolve(name));
        Files.deleteIfExists(dir.resolve(name + ".gz"));
        Files.write(file, corruption.bytes());
        return file;
    }

    private static List<Row> parse(FlatMapFunction<FileTask, Row> parser, FileTask task, long seed,
            Corruption corruption) {
        List<Row> rows = new ArrayList<>();
        try {
            for (Iterator<Row> it = parser.call(task); it.hasNext();) {
                rows.add(it.next());
            }
        } catch (Exception e) {
            throw new AssertionError("seed " + seed + " " + corruption.steps() + ": the parser failed", e);
        }
        return rows;
    }

    /** The records of the file parsed in parts are those of the whole file, in order; else the first that differs. */
    private static void sameRows(List<Row> parts, List<Row> whole, long seed, Corruption corruption) {
        for (int i = 0; i < Math.max(parts.size(), whole.size()); i++) {
            Row a = i < parts.size() ? parts.get(i) : null;
            Row b = i < whole.size() ? whole.get(i) : null;
            if (!java.util.Objects.equals(a, b)) {
                fail("seed " + seed + " " + corruption.steps() + ": record " + i + " of the file parsed in parts is\n"
                        + a + "\nand of the whole file\n" + b);
            }
        }
    }

    /** The records of a file cut into slices of {@code partBytes} as the executors cut it, part by part. */
    private static List<Row> inParts(FlatMapFunction<FileTask, Row> parser, FileTask whole, int partBytes, long seed,
            Corruption corruption) {
        Configuration conf = new Configuration();
        long bytes = corruption.bytes().length;
        List<LineCuts.Found> found = LineCuts.slices(0, bytes, partBytes).stream()
                .map(slice -> LineCuts.scan(conf, whole.path(), slice)).toList();
        List<Row> rows = new ArrayList<>();
        for (FileTask part : LineCuts.cut(new LineCuts.Sized(whole, bytes), found)) {
            rows.addAll(parse(parser, part, seed, corruption));
        }
        return rows;
    }

    /** The lines the header record spans (0 for an empty file). */
    private static long headerLines(String text, CsvOptions options) throws IOException {
        CsvRecordText records = new CsvRecordText(new StringReader(text), 1, options.delimiter(), options.quote(),
                options.escape(), options.multiline(), options.maxRecordLines(), options.maxRecordBytes());
        CsvRecordText.Chunk first = records.next();
        return first == null ? 0 : first.firstLine() + first.lines() - 1;
    }

    /**
     * Every record starts on a non-blank line and covers the lines of its text; no two records share a line; every
     * non-blank line after the header is covered.
     */
    private static void checkCoverage(List<Row> rows, Corruption corruption, long headerLines, long seed,
            boolean whitespaceIsBlank) {
        String[] lines = corruption.text().split("\n", -1);
        int physical = corruption.text().endsWith("\n") ? lines.length - 1 : lines.length;
        BitSet covered = new BitSet();
        for (Row row : rows) {
            long first = row.getLong(2);
            String raw = row.getString(3);
            long span = raw == null ? 1 : raw.chars().filter(c -> c == '\n').count() + 1;
            if (first <= headerLines || first + span - 1 > physical || blank(lines[(int) first - 1], first, whitespaceIsBlank)) {
                fail("seed " + seed + " " + corruption.steps() + ": record at line " + first + " spanning " + span
                        + " of " + physical + " lines (header " + headerLines + ")");
            }
            for (long line = first; line < first + span; line++) {
                if (covered.get((int) line)) {
                    fail("seed " + seed + " " + corruption.steps() + ": line " + line + " is in two records");
                }
                covered.set((int) line);
            }
        }
        for (int line = (int) headerLines + 1; line <= physical; line++) {
            if (!covered.get(line) && !blank(lines[line - 1], line, whitespaceIsBlank)) {
                fail("seed " + seed + " " + corruption.steps() + ": line " + line + " is in no record: "
                        + lines[line - 1]);
            }
        }
    }

    /** A line no record starts on: empty (or, for JSON lines, only whitespace), its line end aside. */
    private static boolean blank(String line, long number, boolean whitespaceIsBlank) {
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (number == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return whitespaceIsBlank ? text.isBlank() : text.isEmpty();
    }

    private static String decode(byte[] bytes) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static byte[] flip(byte[] bytes, Random random) {
        if (bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
        }
        return bytes;
    }

    private static byte[] insert(byte[] bytes, Random random, String text) {
        return insert(bytes, random, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] insert(byte[] bytes, Random random, byte[] inserted) {
        int at = random.nextInt(bytes.length + 1);
        return concat(concat(Arrays.copyOf(bytes, at), inserted), Arrays.copyOfRange(bytes, at, bytes.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] replaceAll(byte[] bytes, String from, String to) {
        return new String(bytes, StandardCharsets.ISO_8859_1).replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The text of the file as lines of Latin-1 (every byte kept as it is). */
    private static List<String> lines(byte[] bytes) {
        return new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.ISO_8859_1).split("\n", -1)));
    }

    private static byte[] join(List<String> lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The third column removed from the header only, or from every line (naively, by commas). */
    private static byte[] removeColumn(byte[] bytes, Random random, boolean everyLine) {
        List<String> lines = lines(bytes);
        for (int i = 0; i < (everyLine ? lines.size() : Math.min(1, lines.size())); i++) {
            List<String> cells = new ArrayList<>(Arrays.asList(lines.get(i).split(",", -1)));
            if (cells.size() > 2) {
                cells.remove(2);
            }
            lines.set(i, String.join(",", cells));
        }
        return join(lines);
    }

    private static byte[] extraColumn(byte[] bytes, boolean everyLine) {
        List<String> lines = lines(bytes);
        for (int i = 0; i < (everyLine ? lines.size() : Math.min(1, lines.size())); i++) {
            if (!lines.get(i).isEmpty()) {
                lines.set(i, lines.get(i) + (i == 0 ? ",Extra" : ",x"));
            }
        }
        return join(lines);
    }

    private static byte[] repeatHeader(byte[] bytes, Random random) {
        List<String> lines = lines(bytes);
        if (!lines.isEmpty()) {
            lines.add(1 + random.nextInt(lines.size()), lines.get(0));
        }
        return join(lines);
    }
}
