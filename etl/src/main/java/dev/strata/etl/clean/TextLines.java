package dev.strata.etl.clean;

import java.io.IOException;
import java.io.Reader;

/**
 * The physical lines of a text: a line ends at a line feed only (a carriage return before it belongs to the line
 * end, a lone one is data), as the line numbers of a file cut into parts are counted; a byte-order mark at the
 * start of the text is not part of its first line.
 */
final class TextLines {

    private final Reader reader;
    private final char[] buffer = new char[1 << 14];
    private final StringBuilder text = new StringBuilder();
    private int position;
    private int limit;
    private boolean first;

    /** @param atStart whether the reader starts at the start of the file (where a byte-order mark may be) */
    TextLines(Reader reader, boolean atStart) {
        this.reader = reader;
        this.first = atStart;
    }

    /** The next line without its line end, or null at the end of the text. */
    String next() throws IOException {
        text.setLength(0);
        boolean any = false;
        while (true) {
            if (position >= limit) {
                limit = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? finish() : null;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            text.append(buffer, start, position - start);
            if (position < limit) {
                position++;
                return finish();
            }
        }
    }

    private String finish() {
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '\r') {
            end--;
        }
        int start = 0;
        if (first && end > 0 && text.charAt(0) == '\uFEFF') {
            start = 1;
        }
        first = false;
        return text.substring(start, end);
    }

    void close() throws IOException {
        reader.close();
    }
}
