package dev.strata.samples.cdp;

/** Zero-padded numbers without {@link String#format} (which builds a formatter per call, too slow here). */
final class Digits {

    private Digits() {
    }

    /** {@code value} (at least 0) in decimal, padded with zeros to at least {@code width} digits. */
    static String padded(long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("value must be at least 0, cannot be: " + value);
        }
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** {@code value} as 16 lower-case hexadecimal digits. */
    static String hex16(long value) {
        String digits = Long.toHexString(value);
        return digits.length() == 16 ? digits : "0".repeat(16 - digits.length()) + digits;
    }

    /** An amount in cents as {@code 12.34}. */
    static String cents(long cents) {
        return cents / 100 + "." + padded(cents % 100, 2);
    }
}
