package dev.strata.catalog.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * A table whose staging files and manifest are complete: what a downstream loader needs to COPY that
 * table alone.
 *
 * @param table the table's qualified name, e.g. {@code curated.person}
 * @param manifest the COPY manifest ({@code s3://…/person.manifest})
 * @param location the folder of the staged Parquet files
 */
public record TableReady(String pipeline, String runId, String table, String manifest, String location, long rows,
        int files, long bytes, Instant at) {

    public TableReady {
        Objects.requireNonNull(pipeline, "pipeline is null");
        Objects.requireNonNull(runId, "runId is null");
        Objects.requireNonNull(table, "table is null");
        Objects.requireNonNull(manifest, "manifest is null");
        Objects.requireNonNull(location, "location is null");
        Objects.requireNonNull(at, "at is null");
        if (rows < 0 || files < 0 || bytes < 0) {
            throw new IllegalArgumentException("rows, files and bytes cannot be negative: " + rows + ", " + files
                    + ", " + bytes);
        }
    }
}
