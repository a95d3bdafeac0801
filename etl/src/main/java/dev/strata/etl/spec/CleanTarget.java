package dev.strata.etl.spec;

import java.util.List;
import java.util.Objects;

/** Where a source's clean rows go: {@code clean.<table>}, optionally partitioned. */
public record CleanTarget(String table, List<String> partitionBy) {

    public CleanTarget {
        Objects.requireNonNull(table, "table is null");
        partitionBy = List.copyOf(Objects.requireNonNull(partitionBy, "partitionBy is null"));
    }
}
