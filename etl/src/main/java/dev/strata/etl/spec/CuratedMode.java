package dev.strata.etl.spec;

import java.util.Locale;

/** How a curated step's result lands in its Delta table. */
public enum CuratedMode {
    /** MERGE on the merge keys: update changed rows, insert new ones, leave the rest. */
    MERGE,
    /** Overwrite the whole table. */
    REPLACE,
    /** Overwrite only the partitions present in the result. */
    REPLACE_PARTITIONS,
    /** Slowly changing dimension type 2 on the merge keys: valid_from, valid_to, is_current. */
    SCD2,
    /**
     * Not stored: a named query ({@code work.<name>}) that later steps of the same run read, for logic
     * several tables share.
     */
    VIEW;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
