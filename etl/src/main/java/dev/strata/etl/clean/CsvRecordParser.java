package dev.strata.etl.clean;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import dev.strata.etl.spec.CsvOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Parses one CSV file into records, streaming: each record keeps its first line number and the exact
 * text it was parsed from, so a quarantined row can be found in the raw file. A record with the wrong
 * number of fields, with bytes invalid in the declared encoding, or with a quote that never closes
 * ({@link CsvRecordText}) carries a parse error instead of failing the task; so does every record of a
 * file whose columns the source's drift policy quarantines.
 */
final class CsvRecordParser implements FlatMapFunction<FileTask, Row>, Serializable {

    private static final long serialVersionUID = 1L;

    private final boolean header;
    private final char delimiter;
    private final char quote;
    private final char escape;
    private final boolean multiline;
    private final String encoding;
    private final int maxRecordLines;
    private final long maxRecordBytes;
    private final SerializableConfiguration hadoop;

    /** A parser that reads files with this Hadoop configuration, which travels with each task. */
    CsvRecordParser(CsvOptions options, Configuration hadoop) {
        Objects.requireNonNull(options, "options is null");
        this.hadoop = new SerializableConfiguration(Objects.requireNonNull(hadoop, "hadoop is null"));
        this.header = options.header();
        this.delimiter = options.delimiter();
        this.quote = options.quote();
        this.escape = options.escape();
        this.multiline = options.multiline();
        this.encoding = options.encoding().name();
        this.maxRecordLines = options.maxRecordLines();
        this.maxRecordBytes = options.maxRecordBytes();
    }

    CsvParser newParser() {
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setDelimiter(delimiter);
        settings.getFormat().setQuote(quote);
        settings.getFormat().setQuoteEscape(escape);
        settings.getFormat().setComment('\0');
        settings.getFormat().setLineSeparator("\n");
        // with normalisation on, the parser's line count is exact for quoted line breaks too
        settings.setNormalizeLineEndingsWithinQuotes(true);
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        settings.setIgnoreLeadingWhitespacesInQuotes(false);
        settings.setIgnoreTrailingWhitespacesInQuotes(false);
        settings.setMaxCharsPerColumn(-1);
        settings.setMaxColumns(4096);
        settings.setSkipEmptyLines(true);
        settings.setNullValue(null);
        settings.setEmptyValue("");
        settings.setHeaderExtractionEnabled(false);
        return new CsvParser(settings);
    }

    /** The header of a file (empty when the file has no line), read on the driver to map fields to positions. */
    String[] header(String file) {
        return head(file).names();
    }

    /** A file's header, and whether any record follows it. */
    record Head(String[] names, boolean records) {
    }

    /** The header of a file and whether a record follows it: two records read on the driver, no more. */
    Head head(String file) {
        CsvParser parser = newParser();
        try (BufferedReader reader = TextInput.open(hadoop.value(), file, Charset.forName(encoding))) {
            CsvRecordText records = records(reader, 1);
            CsvRecordText.Chunk first = records.next();
            if (first == null) {
                return new Head(new String[0], false);
            }
            String[] names = parser.parseLine(first.text());
            return new Head(names == null ? new String[0] : names, records.next() != null);
        } catch (IOException | TextParsingException e) {
            throw new UncheckedIOException("cannot read " + file, e instanceof IOException io ? io
                    : new IOException(e.getMessage(), e));
        }
    }

    private CsvRecordText records(BufferedReader reader, long firstLine) {
        return new CsvRecordText(reader, firstLine, delimiter, quote, escape, multiline, maxRecordLines,
                maxRecordBytes);
    }

    @Override
    public Iterator<Row> call(FileTask task) throws IOException {
        BufferedReader reader = TextInput.open(hadoop.value(), task, Charset.forName(encoding));
        CsvRecordText records = records(reader, task.firstLine());
        CsvParser parser = newParser();
        // the parser drops a byte-order mark at the start of the first line it is given; the file's own mark is gone
        // before (TextLines), so a mark it meets later is data, whichever line a task starts at: it parses a line
        // of its own first
        parser.parseLine("-");
        if (header && task.start() == 0) {
            records.next();
        }
        return new Iterator<>() {
            private Row next = advance();

            private Row advance() {
                CsvRecordText.Chunk chunk;
                try {
                    chunk = records.next();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + task.path(), e);
                }
                if (chunk == null) {
                    try {
                        reader.close();
                    } catch (IOException e) {
                        // the file was read to its end
                    }
                    return null;
                }
                if (chunk.unterminated()) {
                    return RecordLayout.row(task, chunk.firstLine(), chunk.text(), "unterminated_quote",
                            "a quote opened on line " + chunk.firstLine() + " is not closed "
                                    + (multiline ? "within " + maxRecordLines + " lines (csv: max_record_lines) or "
                                            + maxRecordBytes + " characters (csv: max_record_bytes)"
                                            : "on its line (the source is not multiline)")
                                    + "; reading went on at the next line", new String[task.positions().length]);
                }
                String[] tokens;
                try {
                    tokens = parser.parseLine(chunk.text());
                } catch (TextParsingException e) {
                    return RecordLayout.row(task, chunk.firstLine(), chunk.text(), "parse_fields",
                            "the record cannot be parsed: " + firstLine(e.getMessage()),
                            new String[task.positions().length]);
                }
                return toRow(task, chunk.firstLine(), chunk.text(), tokens == null ? new String[0] : tokens);
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Row next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Row current = next;
                next = advance();
                return current;
            }
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    static Row toRow(FileTask task, long line, String raw, String[] tokens) {
        int[] positions = task.positions();
        String[] values = new String[positions.length];
        String rule = null;
        String error = null;
        if (task.drift() != null) {
            rule = "schema_drift";
            error = task.drift();
        } else if (raw != null && raw.indexOf(TextInput.REPLACEMENT) >= 0) {
            rule = "encoding";
            error = "the record holds bytes that are not valid in the declared encoding";
        } else if (raw != null && raw.indexOf('\0') >= 0) {
            rule = "encoding";
            error = "the record holds NUL characters";
        } else if (tokens.length != task.width()) {
            rule = "parse_fields";
            error = "expected " + task.width() + " fields, found " + tokens.length;
        }
        if (error == null) {
            for (int i = 0; i < positions.length; i++) {
                if (positions[i] == FileTask.RESCUED) {
                    values[i] = rescued(task, tokens);
                } else {
                    values[i] = positions[i] >= 0 && positions[i] < tokens.length ? tokens[positions[i]] : null;
                }
            }
        }
        return RecordLayout.row(task, line, raw, rule, error, values);
    }

    /** The record's undeclared columns as a JSON object of header name to text, or null when the file has none. */
    private static String rescued(FileTask task, String[] tokens) {
        if (task.extras().length == 0) {
            return null;
        }
        com.fasterxml.jackson.databind.node.ObjectNode object = JSON.createObjectNode();
        for (int i = 0; i < task.extras().length; i++) {
            object.put(task.extraNames()[i], tokens[task.extras()[i]]);
        }
        return object.toString();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
}
