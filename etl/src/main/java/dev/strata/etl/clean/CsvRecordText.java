package dev.strata.etl.clean;

import dev.strata.etl.spec.CsvOptions;
import java.io.Reader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Cuts a CSV file's text into the text of its records, before any field is parsed: a record is one line, or
 * several when a quoted field holds line breaks. A quote that is still open after {@code maxLines} lines or
 * {@code maxChars} characters, or at the end of the input, is taken never to close: its first line becomes a
 * record of its own marked {@link Chunk#unterminated()} and reading starts again on the next line, so one stray
 * quote costs one line and never the records after it. A source that is not multiline ends every record at its
 * line's end. Blank lines between records are skipped; line numbers count every physical line.
 *
 * <p>Quotes open a field only at its start (RFC 4180); inside a quoted field a doubled quote, or the escape
 * character and the character after it, is data.
 */
final class CsvRecordText {

    /**
     * The text of one record without its final line break (inner line breaks as {@code \n}), the number of its
     * first line and how many lines it spans.
     */
    record Chunk(String text, long firstLine, int lines, boolean unterminated) {
    }

    private final TextLines lines;
    private final char delimiter;
    private final char quote;
    private final char escape;
    private final boolean multiline;
    private final int maxLines;
    private final long maxChars;
    /** Lines read ahead of the record being cut (after an unterminated quote), with their numbers. */
    private final Deque<String> pending = new ArrayDeque<>();
    private long nextLine;

    CsvRecordText(Reader reader, long firstLine, char delimiter, char quote, char escape, boolean multiline,
            int maxLines, long maxChars) {
        this.lines = new TextLines(reader, firstLine == 1);
        this.nextLine = firstLine;
        this.delimiter = delimiter;
        this.quote = quote;
        this.escape = escape;
        this.multiline = multiline;
        this.maxLines = multiline ? maxLines : 1;
        this.maxChars = maxChars;
    }

    /** The next record, or null at the end of the input. */
    Chunk next() throws IOException {
        String line;
        long number;
        do {
            number = nextLine;
            line = line();
            if (line == null) {
                return null;
            }
        } while (line.isEmpty());
        if (quote == CsvOptions.NO_QUOTE || !opensQuote(line, false)) {
            return new Chunk(line, number, 1, false);
        }
        List<String> lines = new ArrayList<>();
        lines.add(line);
        long chars = line.length();
        boolean open = true;
        while (open && lines.size() < maxLines && chars <= maxChars) {
            String more = line();
            if (more == null) {
                break;
            }
            lines.add(more);
            chars += more.length() + 1;
            open = opensQuote(more, true);
        }
        if (!open && chars <= maxChars) {
            return new Chunk(String.join("\n", lines), number, lines.size(), false);
        }
        // the quote never closes within bounds: the first line alone is the record, the rest is read again
        for (int i = lines.size() - 1; i >= 1; i--) {
            pending.addFirst(lines.get(i));
        }
        nextLine = number + 1;
        return new Chunk(line, number, 1, true);
    }

    /** The next physical line ({@link TextLines}), or null at the end. */
    private String line() throws IOException {
        String line = pending.pollFirst();
        if (line == null) {
            line = lines.next();
            if (line == null) {
                return null;
            }
        }
        nextLine++;
        return line;
    }

    /** The quote state carried from one line of a record to the next. */
    private boolean inQuotes;

    /**
     * Whether a quoted field is still open at the end of this line; {@code continued} says the line continues a
     * record whose quoted field was open at the end of the previous line.
     */
    private boolean opensQuote(String line, boolean continued) {
        boolean quoted = continued && inQuotes;
        boolean fieldStart = !continued;
        int length = line.length();
        for (int i = 0; i < length; i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == escape && escape != quote && i + 1 < length) {
                    i++;
                } else if (c == quote) {
                    if (escape == quote && i + 1 < length && line.charAt(i + 1) == quote) {
                        i++;
                    } else {
                        quoted = false;
                    }
                }
            } else if (c == delimiter) {
                fieldStart = true;
            } else {
                if (c == quote && fieldStart) {
                    quoted = true;
                }
                fieldStart = false;
            }
        }
        inQuotes = quoted;
        return quoted;
    }
}
