package dev.strata.etl.clean;

import dev.strata.etl.UserError;
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

    /** Positions of each declared field in a header; a missing column is a user error naming the file. */
    static int[] positions(List<Field> fields, String[] header, String file, String sourceName) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            if (header[i] != null) {
                index.putIfAbsent(canonical(header[i]), i);
            }
        }
        int[] positions = new int[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            Integer at = index.get(canonical(field.source()));
            if (at == null) {
                throw new UserError("source " + sourceName + ": column '" + field.source() + "' (field "
                        + field.name() + ") is not in the header of " + file + "; the header has: "
                        + String.join(", ", java.util.Arrays.stream(header).map(String::valueOf).toList()));
            }
            positions[i] = at;
        }
        return positions;
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
