package dev.strata.etl.clean;

import com.univocity.parsers.common.ParsingContext;
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
 * number of fields, or with bytes invalid in the declared encoding, carries a parse error instead of
 * failing the task.
 */
final class CsvRecordParser implements FlatMapFunction<FileTask, Row>, Serializable {

    private static final long serialVersionUID = 1L;

    private final boolean header;
    private final char delimiter;
    private final char quote;
    private final char escape;
    private final boolean multiline;
    private final String encoding;
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

    /** The header of a file, read on the driver to map declared fields to positions. */
    String[] header(String file) {
        CsvParser parser = newParser();
        try (BufferedReader reader = TextInput.open(hadoop.value(), file, Charset.forName(encoding))) {
            parser.beginParsing(reader);
            String[] first = parser.parseNext();
            parser.stopParsing();
            return first == null ? new String[0] : first;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public Iterator<Row> call(FileTask task) throws IOException {
        BufferedReader reader = task.wholeFile() ? TextInput.open(hadoop.value(), task.path(), Charset.forName(encoding))
                : TextInput.open(hadoop.value(), task.path(), Charset.forName(encoding), task.start(), task.end());
        CsvParser parser = newParser();
        parser.beginParsing(reader);
        if (header && task.start() == 0) {
            parser.parseNext();
        }
        long lineOffset = task.firstLine() - 1;
        return new Iterator<>() {
            private Row next = advance();

            private Row advance() {
                String[] tokens = parser.parseNext();
                if (tokens == null) {
                    parser.stopParsing();
                    return null;
                }
                ParsingContext context = parser.getContext();
                String raw = stripLineEnd(context.currentParsedContent());
                // the context counts lines up to the end of the record; step back over its own line breaks
                long line = lineOffset + Math.max(1, context.currentLine() - lineBreaks(raw));
                return toRow(task, line, raw, tokens, multiline);
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

    private static long lineBreaks(String text) {
        return text == null ? 0 : text.chars().filter(c -> c == '\n').count();
    }

    private static String stripLineEnd(String text) {
        if (text == null) {
            return null;
        }
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    static Row toRow(FileTask task, long line, String raw, String[] tokens, boolean multiline) {
        int[] positions = task.positions();
        String[] values = new String[positions.length];
        String rule = null;
        String error = null;
        if (raw != null && raw.indexOf(TextInput.REPLACEMENT) >= 0) {
            rule = "encoding";
            error = "the record holds bytes that are not valid in the declared encoding";
        } else if (tokens.length != task.width()) {
            rule = "parse_fields";
            error = "expected " + task.width() + " fields, found " + tokens.length;
        } else if (!multiline && raw != null && raw.indexOf('\n') >= 0) {
            rule = "parse_fields";
            error = "a quoted field spans lines but the source is not multiline";
        }
        if (error == null) {
            for (int i = 0; i < positions.length; i++) {
                values[i] = positions[i] >= 0 && positions[i] < tokens.length ? tokens[positions[i]] : null;
            }
        }
        return RecordLayout.row(task, line, raw, rule, error, values);
    }
}
