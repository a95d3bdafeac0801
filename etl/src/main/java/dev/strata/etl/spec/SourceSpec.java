package dev.strata.etl.spec;

import dev.strata.transforms.clean.CleanSpec;
import java.util.Objects;

/** One source of a pipeline: where its files are, how to read them and how to clean them. */
public record SourceSpec(String name, String path, SourceFormat format, CsvOptions csv, CleanSpec clean,
        CleanTarget target) {

    public SourceSpec {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(format, "format is null");
        Objects.requireNonNull(csv, "csv is null");
        Objects.requireNonNull(clean, "clean is null");
        Objects.requireNonNull(target, "target is null");
    }

    public SourceSpec withPath(String newPath) {
        return new SourceSpec(name, newPath, format, csv, clean, target);
    }
}
