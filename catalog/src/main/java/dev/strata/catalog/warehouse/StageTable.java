package dev.strata.catalog.warehouse;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The temporary table a load fills before it merges: its name and its columns in the target's order, which is the
 * order of the Parquet files' columns.
 */
public record StageTable(String name, List<Column> columns, WarehouseFlavor flavor) {

    /** One stage column: its name, the {@link java.sql.Types} code a null is bound with, and whether it holds JSON. */
    public record Column(String name, int sqlType, boolean nested) {
        public Column {
            name = SqlName.of("stage column", name).value();
        }
    }

    public StageTable {
        name = SqlName.of("stage table", name).value();
        columns = List.copyOf(Objects.requireNonNull(columns, "columns is null"));
        Objects.requireNonNull(flavor, "flavor is null");
    }

    /** The stage's name, quoted. */
    public String quotedName() {
        return new SqlName(name).quoted();
    }

    /** The column names, quoted, joined by commas. */
    public String quotedColumns() {
        return columns.stream().map(column -> new SqlName(column.name()).quoted()).collect(Collectors.joining(", "));
    }

    /** {@code INSERT INTO stage (…) VALUES (?, …)}; a nested column's JSON text is parsed by the server. */
    public String insertStatement() {
        String values = columns.stream()
                .map(column -> !column.nested() ? "?"
                        : flavor == WarehouseFlavor.REDSHIFT ? "JSON_PARSE(?)" : "CAST(? AS JSONB)")
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + quotedName() + " (" + quotedColumns() + ") VALUES (" + values + ")";
    }
}
