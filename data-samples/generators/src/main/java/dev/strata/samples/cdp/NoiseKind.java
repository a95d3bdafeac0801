package dev.strata.samples.cdp;

/**
 * The kinds of noise the CDP generator puts into its source records on purpose, each at a documented rate
 * (see {@code data-samples/cdp/README.md}). {@link CdpSummary#noise()} counts how often each was applied.
 */
public enum NoiseKind {
    /** One letter inserted, deleted, substituted or two transposed in a first or last name. */
    NAME_TYPO,
    /** A first name given as a nickname from the table (Robert as Bob). */
    NICKNAME,
    /** First and last name exchanged. */
    SWAPPED_NAMES,
    /** One letter edited in the street name. */
    STREET_TYPO,
    /** The street suffix spelt out or with a period ({@code Street}, {@code St.} for {@code St}). */
    STREET_SUFFIX,
    /** One letter edited in the local part of an email address. */
    EMAIL_TYPO,
    /** Dots added or removed and/or a {@code +tag} in a gmail.com local part (the same mailbox). */
    GMAIL_VARIANT,
    /** A value in upper or lower case, or with a leading, trailing or doubled space. */
    CASE_OR_SPACING,
    /** A field left blank. */
    MISSING,
    /** A junk email ({@code test@test.com}, ...) in place of the person's. */
    JUNK_EMAIL,
    /** A junk phone ({@code 0000000000}, ...) in place of the person's. */
    JUNK_PHONE,
    /** A date of birth with day and month exchanged. */
    DOB_DAY_MONTH_SWAP,
    /** A ZIP written as ZIP+4, or without its leading zero. */
    ZIP_FORMAT,
    /** A record showing the household's new address after a move. */
    MOVED_ADDRESS,
    /** A record giving the household's landline instead of the person's own phone. */
    HOUSEHOLD_LANDLINE,
    /** A record giving the email the person shares with their partner. */
    SHARED_EMAIL,
    /** A record giving the person's second email address. */
    SECOND_EMAIL,
    /** A web account seen on the household's shared device. */
    SHARED_DEVICE,
    /** A second record of the same person in the same source (a duplicate CRM contact, a second account). */
    DUPLICATE_RECORD
}
