package dev.strata.etl.raw;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The outcome of ingesting one source: the new batch, if any, and the files skipped as already ingested. */
public record IngestResult(String source, Optional<BatchManifest> batch, List<String> alreadyIngested) {

    public IngestResult {
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(batch, "batch is null");
        alreadyIngested = List.copyOf(Objects.requireNonNull(alreadyIngested, "alreadyIngested is null"));
    }
}
