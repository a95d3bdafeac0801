package dev.strata.etl.generate;

/** The kinds of bad row the 311 generator writes on purpose, each exactly one per defective row. */
public enum Defect {
    /** A good row. */
    NONE,
    /** Case Created dttm that is no date at all, or an impossible one. */
    UNPARSEABLE_DATE,
    /** Empty OBJECTID. */
    MISSING_KEY,
    /** A word where a number belongs (Council District or Latitude). */
    WRONG_TYPE,
    /** The last fields are missing. */
    TOO_FEW_FIELDS,
    /** An extra unquoted value at the end. */
    TOO_MANY_FIELDS,
    /** A byte-identical copy of an earlier good row. */
    DUPLICATE_EXACT,
    /** A later version of an earlier good row (same OBJECTID and created time, new status): it wins. */
    DUPLICATE_CONFLICT,
    /** Bytes that are not UTF-8 inside the summary. */
    INVALID_UTF8,
    /** Latitude or longitude far outside Denver. */
    OUT_OF_RANGE,
    /** A case status that is not one of the known ones. */
    UNKNOWN_STATUS,
    /** Closed before it was created. */
    CLOSED_BEFORE_CREATED
}
