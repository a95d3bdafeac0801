package dev.strata.transforms.clean;

import java.util.List;

/**
 * Names of the metadata columns that travel with every record from raw to clean and quarantine.
 * Declared columns never start with an underscore, so these cannot clash with them.
 */
public final class RecordColumns {
    public static final String BATCH_ID = "_batch_id";
    public static final String SOURCE_FILE = "_source_file";
    public static final String LINE_NUMBER = "_line_number";
    public static final String RAW_TEXT = "_raw_text";
    public static final String PARSE_RULE = "_parse_rule";
    public static final String PARSE_ERROR = "_parse_error";
    public static final String INGESTED_AT = "_ingested_at";
    public static final String ROW_HASH = "_row_hash";
    public static final String FAILURES = "_failures";
    public static final String WARNINGS = "_warnings";
    public static final String STATUS = "_status";
    public static final String RULE = "_rule";
    public static final String REASON = "_reason";

    /** Status values of a classified row. */
    public static final String CLEAN = "clean";
    public static final String QUARANTINED = "quarantined";
    public static final String DUPLICATE = "duplicate";

    /** Metadata kept in the clean table beside the declared columns. */
    public static final List<String> CLEAN_METADATA = List.of(BATCH_ID, SOURCE_FILE, LINE_NUMBER, INGESTED_AT, ROW_HASH);

    /** Metadata kept in the quarantine table. */
    public static final List<String> QUARANTINE_METADATA =
            List.of(BATCH_ID, SOURCE_FILE, LINE_NUMBER, RAW_TEXT, RULE, REASON, FAILURES, INGESTED_AT);

    private RecordColumns() {
    }
}
