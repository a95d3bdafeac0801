package dev.strata.etl.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One curated table: computed by a SQL file under the SQL root or by a named Java transform,
 * and written with the given mode.
 *
 * @param requires tables ({@code clean.x}, {@code curated.y}) without which the step is skipped with a warning
 * @param requiresAny tables of which at least one must hold data, else the step is skipped with a warning
 * @param stage whether the table is also written to the pipeline's staging area
 * @param cache for a view read by more than one later step: whether its rows are computed once per run and kept
 *     (Spark's cache, in memory and on local disk) for the steps that read it, then released at the stage's end
 */
public record CuratedStep(String name, Optional<String> sql, Optional<String> transform, CuratedMode mode,
        List<String> mergeKeys, List<String> partitionBy, List<String> requires, List<String> requiresAny,
        boolean stage, boolean cache) {

    public CuratedStep {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(sql, "sql is null");
        Objects.requireNonNull(transform, "transform is null");
        Objects.requireNonNull(mode, "mode is null");
        mergeKeys = List.copyOf(Objects.requireNonNull(mergeKeys, "mergeKeys is null"));
        partitionBy = List.copyOf(Objects.requireNonNull(partitionBy, "partitionBy is null"));
        requires = List.copyOf(Objects.requireNonNull(requires, "requires is null"));
        requiresAny = List.copyOf(Objects.requireNonNull(requiresAny, "requiresAny is null"));
    }

    public CuratedStep(String name, Optional<String> sql, Optional<String> transform, CuratedMode mode,
            List<String> mergeKeys, List<String> partitionBy) {
        this(name, sql, transform, mode, mergeKeys, partitionBy, List.of(), List.of(), true, false);
    }
}
