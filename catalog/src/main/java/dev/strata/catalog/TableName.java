package dev.strata.catalog;

import java.util.Objects;
import java.util.regex.Pattern;

/** A table's name in the catalog: its zone (database) and table, written {@code zone.table}. */
public record TableName(String zone, String table) implements Comparable<TableName> {

    private static final Pattern PART = Pattern.compile("[a-z][a-z0-9_]*");

    public TableName {
        Objects.requireNonNull(zone, "zone is null");
        Objects.requireNonNull(table, "table is null");
        if (!PART.matcher(zone).matches()) {
            throw new IllegalArgumentException("zone must match [a-z][a-z0-9_]*, cannot be: '" + zone + "'");
        }
        if (!PART.matcher(table).matches()) {
            throw new IllegalArgumentException("table must match [a-z][a-z0-9_]*, cannot be: '" + table + "'");
        }
    }

    /** Parses {@code zone.table}. */
    public static TableName parse(String text) {
        Objects.requireNonNull(text, "text is null");
        int dot = text.indexOf('.');
        if (dot <= 0 || dot != text.lastIndexOf('.') || dot == text.length() - 1) {
            throw new IllegalArgumentException("a table name is zone.table, cannot be: '" + text + "'");
        }
        return new TableName(text.substring(0, dot), text.substring(dot + 1));
    }

    @Override
    public int compareTo(TableName other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return zone + "." + table;
    }
}
