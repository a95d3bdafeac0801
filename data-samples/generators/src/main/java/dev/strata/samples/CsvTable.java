package dev.strata.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One table the generators draw from (a code list, a name table), read from the class path: an RFC 4180 CSV
 * file with a header line (fields may be quoted, with doubled quotes inside, and then hold commas and line
 * breaks). Values are kept exactly as written, spaces included; blank lines are skipped.
 */
public final class CsvTable {

    private final String name;
    private final Map<String, Integer> columns;
    private final List<List<String>> records;

    /** One record of the file, read by column name. */
    public record Row(CsvTable file, int number, List<String> fields) {

        public Row {
            Objects.requireNonNull(file, "file is null");
            fields = List.copyOf(Objects.requireNonNull(fields, "fields is null"));
        }

        /** The value as written, "" when empty. */
        public String text(String column) {
            return fields.get(file.index(column));
        }

        /** The value, which must not be empty. */
        public String required(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                throw new IllegalArgumentException(where() + ": " + column + " must not be empty");
            }
            return value;
        }

        /** The value, or null when empty. */
        public String textOrNull(String column) {
            String value = text(column);
            return value.isEmpty() ? null : value;
        }

        /** A number, or NaN when empty. */
        public double number(String column) {
            String value = text(column).strip();
            if (value.isEmpty()) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where() + ": " + column + " must be a number, cannot be: '"
                        + value + "'");
            }
        }

        /** A whole number, or 0 when empty. */
        public int integer(String column) {
            String value = text(column).strip();
            if (value.isEmpty()) {
                return 0;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where() + ": " + column + " must be a whole number, cannot be: '"
                        + value + "'");
            }
        }

        /** The weight column: a number of at least 0 (1 when empty). */
        public double weight() {
            double weight = number("weight");
            if (Double.isNaN(weight)) {
                return 1;
            }
            if (weight < 0 || Double.isInfinite(weight)) {
                throw new IllegalArgumentException(where() + ": weight must be at least 0, cannot be: " + weight);
            }
            return weight;
        }

        /** The file and line, for messages. */
        public String where() {
            return file.name + " record " + number;
        }
    }

    private CsvTable(String name, Map<String, Integer> columns, List<List<String>> records) {
        this.name = name;
        this.columns = columns;
        this.records = records;
    }

    /**
     * Reads {@code resource} (e.g. {@code generate/mimic/drugs.csv}) from the class path and checks that its
     * header holds every one of {@code required} (other columns are allowed, in any order).
     */
    public static CsvTable read(String resource, List<String> required) {
        try (InputStream in = CsvTable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("table " + resource + " is not on the class path");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), required);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read table " + resource, e);
        }
    }

    /** Parses {@code text} as the file {@code name}; see {@link #read}. */
    public static CsvTable parse(String name, String text, List<String> required) {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(text, "text is null");
        Objects.requireNonNull(required, "required is null");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> all = split(name, text);
        if (all.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty; its header must hold " + required);
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = all.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip(), i);
        }
        List<String> missing = required.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(name + ": the header must hold " + required + ", missing " + missing
                    + " in: " + String.join(",", header));
        }
        List<List<String>> records = new ArrayList<>();
        for (int i = 1; i < all.size(); i++) {
            List<String> record = all.get(i);
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            if (record.size() != header.size()) {
                throw new IllegalArgumentException(name + " record " + i + " must have " + header.size()
                        + " fields like the header, cannot have: " + record.size());
            }
            records.add(record);
        }
        return new CsvTable(name, Map.copyOf(columns), List.copyOf(records));
    }

    public String name() {
        return name;
    }

    /** The records after the header, in file order, numbered from 1. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            rows.add(new Row(this, i + 1, records.get(i)));
        }
        return rows;
    }

    private int index(String column) {
        Integer index = columns.get(column);
        if (index == null) {
            throw new IllegalArgumentException(name + " has no column '" + column + "'");
        }
        return index;
    }

    /** Splits RFC 4180 text into records of fields; CRLF and LF both end a record outside quotes. */
    private static List<List<String>> split(String name, String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < length && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                records.add(List.copyOf(fields));
                fields.clear();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(name + ": a quoted field is not closed at the end of the file");
        }
        if (any || field.length() > 0) {
            fields.add(field.toString());
            records.add(List.copyOf(fields));
        }
        return records;
    }
}
