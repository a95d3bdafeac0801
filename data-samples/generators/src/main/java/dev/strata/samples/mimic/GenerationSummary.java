package dev.strata.samples.mimic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What one generation wrote: the number of records (header lines not counted) of each table, in the
 * order of {@link MimicTable}.
 */
public record GenerationSummary(Map<String, Long> rows) {

    public GenerationSummary {
        Objects.requireNonNull(rows, "rows is null");
        Map<String, Long> copy = new LinkedHashMap<>();
        rows.forEach((table, count) -> {
            Objects.requireNonNull(table, "table is null");
            if (count == null || count < 0) {
                throw new IllegalArgumentException("rows of " + table + " must be at least 0, cannot be: " + count);
            }
            copy.put(table, count);
        });
        rows = Collections.unmodifiableMap(copy);
    }

    /** The records of {@code table}, e.g. {@code "ADMISSIONS"}; 0 for a table not written. */
    public long rows(String table) {
        return rows.getOrDefault(Objects.requireNonNull(table, "table is null"), 0L);
    }

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One line a table, {@code ADMISSIONS         1,312}, and a total line. */
    @Override
    public String toString() {
        int width = Math.max(5, rows.keySet().stream().mapToInt(String::length).max().orElse(0));
        StringBuilder table = new StringBuilder();
        rows.forEach((name, count) -> table.append(String.format(Locale.ROOT, "%-" + width + "s %,13d%n", name, count)));
        table.append(String.format(Locale.ROOT, "%-" + width + "s %,13d", "total", totalRows()));
        return table.toString();
    }
}
