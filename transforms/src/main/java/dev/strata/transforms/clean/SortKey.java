package dev.strata.transforms.clean;

import java.util.Objects;

/** A column to order by, ascending or descending. */
public record SortKey(String column, boolean descending) {

    public SortKey {
        Objects.requireNonNull(column, "column is null");
    }

    /** Parses {@code "col"} or {@code "col desc"} / {@code "col asc"}. */
    public static SortKey parse(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length == 1) {
            return new SortKey(parts[0], false);
        }
        if (parts.length == 2 && (parts[1].equalsIgnoreCase("desc") || parts[1].equalsIgnoreCase("asc"))) {
            return new SortKey(parts[0], parts[1].equalsIgnoreCase("desc"));
        }
        throw new IllegalArgumentException("expected 'column' or 'column desc', cannot be: '" + text + "'");
    }

    @Override
    public String toString() {
        return descending ? column + " desc" : column;
    }
}
