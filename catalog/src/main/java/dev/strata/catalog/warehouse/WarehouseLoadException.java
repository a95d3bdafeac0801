package dev.strata.catalog.warehouse;

import java.util.Objects;

/**
 * A load that failed and was rolled back: the target is as it was. The message is one line naming the table, the
 * kind of statement that failed and the server's message.
 */
public final class WarehouseLoadException extends RuntimeException {

    private final String table;
    private final String statementKind;

    public WarehouseLoadException(String table, String statementKind, String reason, Throwable cause) {
        super("load of " + Objects.requireNonNull(table, "table is null") + " failed at "
                + Objects.requireNonNull(statementKind, "statementKind is null") + ": "
                + Objects.requireNonNull(reason, "reason is null"), cause);
        this.table = table;
        this.statementKind = statementKind;
    }

    /** {@code schema.table}. */
    public String table() {
        return table;
    }

    /** The kind of statement that failed, e.g. {@code MERGE}. */
    public String statementKind() {
        return statementKind;
    }
}
