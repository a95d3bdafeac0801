package dev.strata.etl.spec;

import java.util.Locale;

/** The file formats a source can arrive in. */
public enum SourceFormat {
    CSV, JSONL, PARQUET;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
