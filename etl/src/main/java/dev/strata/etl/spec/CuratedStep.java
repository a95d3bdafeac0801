package dev.strata.etl.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One curated table: computed by a SQL file under the SQL root or by a named Java transform,
 * and written with the given mode.
 */
public record CuratedStep(String name, Optional<String> sql, Optional<String> transform, CuratedMode mode,
        List<String> mergeKeys, List<String> partitionBy) {

    public CuratedStep {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(sql, "sql is null");
        Objects.requireNonNull(transform, "transform is null");
        Objects.requireNonNull(mode, "mode is null");
        mergeKeys = List.copyOf(Objects.requireNonNull(mergeKeys, "mergeKeys is null"));
        partitionBy = List.copyOf(Objects.requireNonNull(partitionBy, "partitionBy is null"));
    }
}
