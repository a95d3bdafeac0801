package dev.strata.samples;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader written for the generator tests, independent of the code under test: quoted fields
 * may hold commas, doubled quotes and line breaks; a carriage return outside quotes is dropped.
 */
public final class CsvText {

    private CsvText() {
    }

    /** Every record of a whole file that ends with a line end; throws if it does not, or a quote is left open. */
    public static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(List.copyOf(fields));
                fields.clear();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is left open");
        }
        if (field.length() + fields.size() != 0) {
            throw new IllegalArgumentException("the text does not end with a line end");
        }
        return records;
    }

    /** The fields of one record (its text without the line end). */
    public static List<String> fields(String record) {
        return records(record + "\n").get(0);
    }
}
