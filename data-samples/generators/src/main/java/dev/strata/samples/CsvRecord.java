package dev.strata.samples;

/**
 * Builds one RFC 4180 record, the quoting every CSV generator shares: fields separated by commas; a field holding
 * a comma, a double quote or a line break is put in double quotes with inner quotes doubled, and so, where the
 * record asks for it, is a field with a leading or trailing space (the spaces are data, and quoting keeps readers
 * that trim unquoted fields from losing them; exports such as Denver's 311 leave them bare). A null or empty value
 * is an empty field. (The MIMIC-III tables quote every text field, as the real files do: their writer is
 * {@code mimic.TableWriter}.)
 */
public final class CsvRecord {

    private final boolean quoteEdgeSpaces;
    private final StringBuilder line = new StringBuilder(256);
    private boolean first = true;
    private boolean quoted;
    private boolean multiline;

    /** A record whose fields with a leading or trailing space are quoted when {@code quoteEdgeSpaces}. */
    public CsvRecord(boolean quoteEdgeSpaces) {
        this.quoteEdgeSpaces = quoteEdgeSpaces;
    }

    /** The next field, quoted when it needs to be. */
    public CsvRecord field(String value) {
        separator();
        if (value == null || value.isEmpty()) {
            return this;
        }
        if (needsQuotes(value, quoteEdgeSpaces)) {
            quoted = true;
            line.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    line.append('"');
                } else if (c == '\n' || c == '\r') {
                    multiline = true;
                }
                line.append(c);
            }
            line.append('"');
        } else {
            line.append(value);
        }
        return this;
    }

    /** The next field written as it is, never quoted, even when it holds a comma (a broken line on purpose). */
    public CsvRecord verbatim(String value) {
        separator();
        if (value != null) {
            line.append(value);
        }
        return this;
    }

    public String text() {
        return line.toString();
    }

    /** Whether a field was quoted. */
    public boolean quoted() {
        return quoted;
    }

    /** Whether a quoted field holds a line break, so the record spans lines. */
    public boolean multiline() {
        return multiline;
    }

    public static boolean needsQuotes(String value, boolean quoteEdgeSpaces) {
        if (value.isEmpty()) {
            return false;
        }
        if (quoteEdgeSpaces && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ')) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private void separator() {
        if (!first) {
            line.append(',');
        }
        first = false;
    }
}
