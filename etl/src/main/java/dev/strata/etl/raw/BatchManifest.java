package dev.strata.etl.raw;

import java.util.List;
import java.util.Objects;

/**
 * What one ingest wrote to the raw zone. Written last, so a batch folder without a manifest is an
 * interrupted ingest and is ignored (its files are copied again into a new batch on the next run).
 */
public record BatchManifest(String source, String batchId, String ingestDate, String ingestedAt, String location,
        List<IngestedFile> files) {

    public static final String FILE_NAME = "_manifest.json";

    public BatchManifest {
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(batchId, "batchId is null");
        Objects.requireNonNull(ingestDate, "ingestDate is null");
        Objects.requireNonNull(ingestedAt, "ingestedAt is null");
        Objects.requireNonNull(location, "location is null");
        files = List.copyOf(Objects.requireNonNull(files, "files is null"));
    }

    public long bytes() {
        return files.stream().mapToLong(IngestedFile::bytes).sum();
    }
}
