package dev.strata.etl.generate.cdp;

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
 * One name table, read from the class path under {@code generate/cdp/}: a plain CSV file with a header
 * line, no quoting (no value holds a comma), {@code \n} line ends. Values are stripped of surrounding
 * spaces.
 */
final class TableFile {

    /** Where the name tables live on the class path. */
    static final String FOLDER = "generate/cdp/";

    private final String name;
    private final Map<String, Integer> columns;
    private final List<List<String>> records;

    /** One record of a table, read by column name. */
    record Row(TableFile file, int number, List<String> fields) {

        Row {
            Objects.requireNonNull(file, "file is null");
            fields = List.copyOf(Objects.requireNonNull(fields, "fields is null"));
        }

        String text(String column) {
            String value = fields.get(file.index(column));
            if (value.isEmpty()) {
                throw new IllegalArgumentException(where() + ": " + column + " must not be empty");
            }
            return value;
        }

        /** The weight column: a number above 0. */
        double weight() {
            String value = text("weight");
            double weight;
            try {
                weight = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where() + ": weight must be a number, cannot be: '" + value + "'");
            }
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException(where() + ": weight must be above 0, cannot be: " + value);
            }
            return weight;
        }

        String where() {
            return file.name + " record " + number;
        }
    }

    private TableFile(String name, Map<String, Integer> columns, List<List<String>> records) {
        this.name = name;
        this.columns = columns;
        this.records = records;
    }

    /** Reads {@code generate/cdp/<file>} from the class path; its header must hold every one of {@code required}. */
    static TableFile read(String file, List<String> required) {
        String resource = FOLDER + file;
        try (InputStream in = TableFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("name table " + resource + " is not on the class path");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), required);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read name table " + resource, e);
        }
    }

    /** Parses {@code text} as the table {@code name}; see {@link #read}. */
    static TableFile parse(String name, String text, List<String> required) {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(text, "text is null");
        Objects.requireNonNull(required, "required is null");
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty; its header must hold " + required);
        }
        List<String> header = split(lines.get(0));
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i), i);
        }
        List<String> missing = required.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(name + ": the header must hold " + required + ", missing " + missing
                    + " in: " + lines.get(0));
        }
        List<List<String>> records = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> record = split(lines.get(i));
            if (record.size() != header.size()) {
                throw new IllegalArgumentException(name + " record " + i + " must have " + header.size()
                        + " fields like the header, cannot have: " + record.size());
            }
            records.add(record);
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException(name + " must hold at least one record");
        }
        return new TableFile(name, Map.copyOf(columns), List.copyOf(records));
    }

    /** The records after the header, in file order, numbered from 1. */
    List<Row> rows() {
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

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        for (String field : line.split(",", -1)) {
            fields.add(field.strip());
        }
        return fields;
    }
}
