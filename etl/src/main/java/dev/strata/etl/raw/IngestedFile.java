package dev.strata.etl.raw;

import java.util.Objects;

/** One file as it was copied into the raw zone. */
public record IngestedFile(String name, String origin, long bytes, String sha256) {

    public IngestedFile {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(origin, "origin is null");
        Objects.requireNonNull(sha256, "sha256 is null");
    }
}
