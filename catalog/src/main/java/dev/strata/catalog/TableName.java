package dev.strata.catalog;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;

/** A table's name in the catalog: its zone (database) and table, written {@code zone.table}. */
public record TableName(String zone, String table) implements Comparable<TableName> {

    private static final Pattern PART = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Comparator<TableName> ORDER =
            Comparator.comparing(TableName::zone).thenComparing(TableName::table);

    public TableName {
        requireValidPart("zone", zone);
        requireValidPart("table", table);
    }

    /** Parses {@code zone.table}, for example {@code clean.service_requests}. */
    public static TableName parse(String text) {
        Objects.requireNonNull(text, "text is null");
        int dot = text.indexOf('.');
        if (dot <= 0 || dot != text.lastIndexOf('.') || dot == text.length() - 1) {
            throw new IllegalArgumentException("a table name is written zone.table, cannot be: '" + text + "'");
        }
        return new TableName(text.substring(0, dot), text.substring(dot + 1));
    }

    /** Checks one part of a name (a zone or a table) and returns it. */
    static String requireValidPart(String what, String value) {
        Objects.requireNonNull(value, what + " is null");
        if (!PART.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match [a-z][a-z0-9_]*, cannot be: '" + value + "'");
        }
        return value;
    }

    /** Orders by zone, then by table. */
    @Override
    public int compareTo(TableName other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return zone + "." + table;
    }
}
