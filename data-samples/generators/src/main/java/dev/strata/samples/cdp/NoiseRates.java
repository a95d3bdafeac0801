package dev.strata.samples.cdp;

/**
 * The documented rates of the field noise (see {@code data-samples/cdp/README.md}, which repeats them), as
 * probabilities per non-blank value unless said otherwise. Blank rates per source and column are in
 * {@link SourceRows}, household and person shapes in {@link Population}.
 */
final class NoiseRates {

    /** A first name replaced by a nickname, among first names that have one in the table. */
    static final double NICKNAME = 0.12;
    /** A typo in a first name not replaced by a nickname, and in a last name. */
    static final double NAME_TYPO = 0.02;
    /** First and last name exchanged, among records with both. */
    static final double SWAPPED_NAMES = 0.015;
    /** Upper case, lower case or a stray space in a first name, last name, street or city. */
    static final double CASE_OR_SPACING = 0.04;
    /** A typo in the street name, among street names of four letters or more. */
    static final double STREET_TYPO = 0.03;
    /** The suffix spelt out or with a period, among suffixes that have a long form. */
    static final double STREET_SUFFIX = 0.10;
    /** ZIP+4 instead of the five-digit ZIP. */
    static final double ZIP_PLUS_FOUR = 0.04;
    /** A ZIP that starts with 0 written without it (read as a number once), among ZIP5 values starting with 0. */
    static final double ZIP_LEADING_ZERO_LOST = 0.20;
    /** The second email instead of the primary, among records of people who have one. */
    static final double SECOND_EMAIL = 0.35;
    /** A junk email instead of the person's. */
    static final double JUNK_EMAIL = 0.01;
    /** Dots or a +tag changed, among gmail.com addresses that are not junk. */
    static final double GMAIL_VARIANT = 0.30;
    /** A typo in the local part, among emails that are neither junk nor a gmail variant. */
    static final double EMAIL_TYPO = 0.01;
    /** An email written with capitals ({@code Jane.Doe@Gmail.com} or all upper case), among emails not junk. */
    static final double EMAIL_CASE = 0.03;
    /** The household landline instead of the own mobile, among phones of people whose household has one. */
    static final double HOUSEHOLD_LANDLINE = 0.40;
    /** A junk phone instead of the person's. */
    static final double JUNK_PHONE = 0.015;
    /** Day and month exchanged, among dates of birth whose day is 12 or less and differs from the month. */
    static final double DOB_DAY_MONTH_SWAP = 0.03;
    /** A web account on the household's shared device, among accounts of people whose household has one. */
    static final double SHARED_DEVICE = 0.50;

    private NoiseRates() {
    }
}
