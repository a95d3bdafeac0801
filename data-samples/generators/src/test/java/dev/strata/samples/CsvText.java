package dev.strata.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /** The repository's root: the nearest folder up from the working one that holds {@code data-samples/}. */
    public static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.isDirectory(here.resolve("data-samples"))) {
            here = here.getParent();
        }
        return here == null ? Path.of("") : here;
    }

    /** A CSV file read back with {@link #records}: the header and the records. */
    public record Table(List<String> header, List<List<String>> rows) {

        public static Table read(Path file) throws IOException {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        }

        public static Table parse(String text) {
            List<List<String>> records = records(text);
            return new Table(records.get(0), records.subList(1, records.size()));
        }

        /** As {@link #read}, the header in upper case (MIMIC's columns, whatever case a file writes). */
        public static Table readUpperCase(Path file) throws IOException {
            return parseUpperCase(Files.readString(file, StandardCharsets.UTF_8));
        }

        public static Table parseUpperCase(String text) {
            Table table = parse(text);
            return new Table(table.header().stream().map(h -> h.toUpperCase(Locale.ROOT)).toList(), table.rows());
        }

        public int column(String name) {
            int index = header.indexOf(name);
            assertThat(index).as("column " + name).isNotNegative();
            return index;
        }

        public String get(List<String> row, String name) {
            return row.get(column(name));
        }

        public List<String> values(String name) {
            int index = column(name);
            return rows.stream().map(r -> r.get(index)).toList();
        }
    }
}
