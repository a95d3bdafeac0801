package dev.strata.etl.clean;

import dev.strata.transforms.clean.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Matches declared fields to the columns a file has, by name ignoring case, spaces and underscores. */
final class SourceColumns {

    private SourceColumns() {
    }

    static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "").replace("\uFEFF", "");
    }

    /**
     * The declared fields matched to a header: each field's position ({@link FileTask#RESCUED} for the field that
     * keeps undeclared columns, -1 when missing), the fields the header lacks, and the positions of the header's
     * columns that no field reads.
     */
    record Match(int[] positions, List<Field> missing, List<Integer> extras) {
    }

    static Match match(List<Field> fields, String[] header, java.util.function.Predicate<String> rescued) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            if (header[i] != null) {
                index.putIfAbsent(canonical(header[i]), i);
            }
        }
        int[] positions = new int[fields.size()];
        List<Field> missing = new java.util.ArrayList<>();
        java.util.Set<Integer> read = new java.util.HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            if (rescued.test(field.name())) {
                positions[i] = FileTask.RESCUED;
                continue;
            }
            Integer at = index.get(canonical(field.source()));
            if (at == null) {
                missing.add(field);
                positions[i] = -1;
            } else {
                positions[i] = at;
                read.add(at);
            }
        }
        List<Integer> extras = new java.util.ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            if (!read.contains(i) && header[i] != null && !header[i].isBlank()) {
                extras.add(i);
            }
        }
        return new Match(positions, List.copyOf(missing), List.copyOf(extras));
    }

    /** Declared fields as a reader finds them in a message: "column 'A' (field a), column 'B' (field b)". */
    static String describe(List<Field> fields) {
        return String.join(", ", fields.stream().map(f -> "column '" + f.source() + "' (field " + f.name() + ")")
                .toList());
    }

    /**
     * When a header reads as one column, which other delimiter its text seems to use (the most frequent of
     * comma, semicolon, tab and bar): the usual cause of every column missing at once. Empty otherwise.
     */
    static String delimiterHint(String[] header, char declared) {
        if (header.length != 1 || header[0] == null) {
            return "";
        }
        char best = 0;
        long most = 0;
        for (char candidate : new char[] {',', ';', '\t', '|'}) {
            long count = header[0].chars().filter(c -> c == candidate).count();
            if (candidate != declared && count > most) {
                best = candidate;
                most = count;
            }
        }
        return most == 0 ? "" : "; the header reads as one column: it seems to use " + name(best)
                + " as its delimiter, not " + name(declared) + " (csv: delimiter)";
    }

    private static String name(char delimiter) {
        return delimiter == '\t' ? "tab ('\\t')" : "'" + delimiter + "'";
    }

    /** Positions for a file without a header: the declared order. */
    static int[] declaredOrder(int count) {
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = i;
        }
        return positions;
    }
}
