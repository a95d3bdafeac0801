package dev.strata.etl.spec;

import java.util.Locale;
import java.util.Objects;

/**
 * What a source does when a file's columns differ from its declared schema (a source's {@code schema_drift:}).
 * A file's drift is a data event, never a mistake in the command: it is handled here file by file, so the other
 * files of a batch go on.
 *
 * @param missing what a file that lacks a declared column does
 * @param extra what happens to columns a file has that no field declares
 */
public record SchemaDrift(Missing missing, Extra extra) {

    /** The column of the clean table that keeps a rescued file's undeclared columns, as a JSON object. */
    public static final String RESCUED = "_rescued";

    public SchemaDrift {
        Objects.requireNonNull(missing, "missing is null");
        Objects.requireNonNull(extra, "extra is null");
    }

    public static SchemaDrift defaults() {
        return new SchemaDrift(Missing.QUARANTINE_FILE, Extra.IGNORE);
    }

    /** A file without a declared column. */
    public enum Missing {
        /** The run stops with a data-quality failure (exit 3). */
        FAIL,
        /** Every record of the file is quarantined with the reason; the rest of the batch goes on. */
        QUARANTINE_FILE,
        /** The missing columns are null in every record of the file, when their fields are nullable. */
        FILL_NULL;

        public String specName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Columns a file has that no field declares. */
    public enum Extra {
        /** They are not read. */
        IGNORE,
        /** They are kept, as a JSON object of column name to text, in the clean table's {@value #RESCUED} column. */
        RESCUE;

        public String specName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
