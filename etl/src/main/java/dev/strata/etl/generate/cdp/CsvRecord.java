package dev.strata.etl.generate.cdp;

/**
 * Builds one RFC 4180 record: fields separated by commas; a field holding a comma, a double quote, a line
 * break, or a leading or trailing space is put in double quotes with inner quotes doubled (the spaces are
 * data, and quoting keeps readers that trim unquoted fields from losing them). A null or empty value is an
 * empty field.
 */
final class CsvRecord {

    private final StringBuilder line = new StringBuilder(256);
    private boolean first = true;

    CsvRecord field(String value) {
        if (!first) {
            line.append(',');
        }
        first = false;
        if (value == null || value.isEmpty()) {
            return this;
        }
        if (needsQuotes(value)) {
            line.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    line.append('"');
                }
                line.append(c);
            }
            line.append('"');
        } else {
            line.append(value);
        }
        return this;
    }

    String text() {
        return line.toString();
    }

    static boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return false;
        }
        if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
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
}
