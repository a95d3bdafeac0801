package dev.strata.catalog.warehouse;

import java.util.Objects;

/**
 * What one load did. {@code rowsUpdated} counts the target rows a MERGE matched and rewrote (their values may be
 * unchanged); {@code rowsDeleted} the rows a keyless table's full replace removed.
 *
 * @param table               {@code schema.table}
 * @param rowsStaged          rows the fill put in the stage
 * @param duplicateRowsDropped staged rows dropped because another staged row had the same key
 * @param rowsInserted        rows new in the target (count after minus count before, for a keyed table)
 * @param rowsUpdated         target rows matched and updated
 * @param rowsDeleted         target rows removed by a full replace
 * @param seconds             wall time of the whole load
 */
public record LoadResult(String table, long rowsStaged, long duplicateRowsDropped, long rowsInserted, long rowsUpdated,
                         long rowsDeleted, double seconds) {

    public LoadResult {
        Objects.requireNonNull(table, "table is null");
    }
}
