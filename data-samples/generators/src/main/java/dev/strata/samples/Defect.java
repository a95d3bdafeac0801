package dev.strata.samples;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The kinds of bad row the 311 generator writes on purpose; a defective row has exactly one. Each
 * constant says what the line looks like and what a correct clean stage does with it under the bundled
 * {@code service_requests} spec (the rule named is the first failure it records; {@code <defectColumn>} is
 * {@link GeneratedRow#defectColumn()}).
 */
public enum Defect {
    /** A good row (it may still hold quoted commas, quotes or a quoted line break). */
    NONE("good row", "clean"),
    /** Case Created dttm is not a date ({@code not a date}) or an impossible one ({@code 13/45/2024 25:61:00 PM}). */
    UNPARSEABLE_DATE("Case Created dttm does not parse", "quarantined: type_case_created_dttm"),
    /** OBJECTID is empty. */
    MISSING_KEY("empty OBJECTID", "quarantined: not_null_case_id"),
    /**
     * A word where a number or flag belongs: Council District {@code eleven}, Police District {@code 3rd},
     * Latitude {@code N/A}, Longitude {@code unknown} or First Call Resolution {@code Maybe}.
     */
    WRONG_TYPE("text in a typed field", "quarantined: type_<defectColumn>"),
    /** The record stops early: the last one to three fields are missing. */
    TOO_FEW_FIELDS("22 to 24 fields instead of 25", "quarantined: parse_fields"),
    /** An unquoted comma inside Incident Address 1, or an extra value at the end: 26 or 27 fields. */
    TOO_MANY_FIELDS("26 or 27 fields instead of 25", "quarantined: parse_fields"),
    /** A byte-identical copy of an earlier good row of the same file and year. */
    DUPLICATE_EXACT("byte-identical copy of an earlier good row", "dropped as an exact duplicate"),
    /**
     * A later update of an earlier good row of the same file and year: same OBJECTID and Case Created dttm,
     * another status and/or closing time. Under {@code dedup: order_by [case_created_dttm], keep last}
     * the created times tie, so the later line wins: this row is kept and the earlier one is quarantined
     * by the unique rule.
     */
    DUPLICATE_CONFLICT("later update of an earlier good row (same key and created time)",
            "kept; the earlier row is quarantined: unique"),
    /** Raw bytes that are not UTF-8 ({@code 0xFF}, or {@code 0xC3 0x28}) inside Case Summary. */
    INVALID_UTF8("invalid UTF-8 bytes in Case Summary", "quarantined: encoding"),
    /**
     * Latitude (two times in three) or longitude, never both, far outside Denver: 0, 91.5, a dropped minus
     * sign or a slipped decimal point.
     */
    OUT_OF_RANGE("coordinate outside Denver", "quarantined: range_<defectColumn>"),
    /** A case status that is not Open, In Progress or Closed. */
    UNKNOWN_STATUS("status not in the allowed set", "quarantined: allowed_values_case_status"),
    /** Closed, with a closing time before the creation time. */
    CLOSED_BEFORE_CREATED("closed before created", "quarantined: closed_after_created");

    private final String description;
    private final String expected;

    Defect(String description, String expected) {
        this.description = Objects.requireNonNull(description, "description is null");
        this.expected = Objects.requireNonNull(expected, "expected is null");
    }

    /** What the line looks like. */
    public String description() {
        return description;
    }

    /** What a correct clean stage does with the line under the bundled spec. */
    public String expected() {
        return expected;
    }

    /** Every defect kind, without {@link #NONE}. */
    public static List<Defect> kinds() {
        return Arrays.stream(values()).filter(d -> d != NONE).toList();
    }
}
