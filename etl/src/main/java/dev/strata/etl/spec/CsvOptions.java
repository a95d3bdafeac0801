package dev.strata.etl.spec;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * How a CSV source is written.
 *
 * @param maxRecordLines the most lines one record may span: a quoted field still open after this many lines
 *     is taken to be a quote that never closes (its first line is quarantined and reading goes on at the next)
 * @param maxRecordBytes the same limit in characters of the record's text
 */
public record CsvOptions(boolean header, char delimiter, char quote, char escape, boolean multiline,
        Charset encoding, int maxRecordLines, long maxRecordBytes) {

    /** The quote character of a source read without quoting. */
    public static final char NO_QUOTE = '\0';

    /** Lines a record may span unless the source says otherwise. */
    public static final int MAX_RECORD_LINES = 100;

    /** Characters a record may hold unless the source says otherwise (1 MiB). */
    public static final long MAX_RECORD_BYTES = 1L << 20;

    public CsvOptions {
        Objects.requireNonNull(encoding, "encoding is null");
        if (maxRecordLines < 1 || maxRecordBytes < 1) {
            throw new IllegalArgumentException("a record may span at least one line of at least one character");
        }
    }

    public CsvOptions(boolean header, char delimiter, char quote, char escape, boolean multiline, Charset encoding) {
        this(header, delimiter, quote, escape, multiline, encoding, MAX_RECORD_LINES, MAX_RECORD_BYTES);
    }

    public static CsvOptions defaults() {
        return new CsvOptions(true, ',', '"', '"', true, java.nio.charset.StandardCharsets.UTF_8);
    }
}
