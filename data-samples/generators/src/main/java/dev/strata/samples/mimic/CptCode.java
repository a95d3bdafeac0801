package dev.strata.samples.mimic;

import java.util.Objects;

/** A CPT code as CPTEVENTS bills it, with its section and subsection headers. */
record CptCode(String code, String sectionHeader, String subsectionHeader, double weight) {

    CptCode {
        Objects.requireNonNull(code, "code is null");
        if (code.isBlank()) {
            throw new IllegalArgumentException("cpt code must not be blank, cannot be: '" + code + "'");
        }
    }

    /** The leading digits as a number (CPT_NUMBER), or 0 when there are none. */
    int number() {
        int end = 0;
        while (end < code.length() && Character.isDigit(code.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(code.substring(0, Math.min(end, 9)));
    }

    /** What follows the leading digits (CPT_SUFFIX, e.g. {@code F}), or null. */
    String suffix() {
        int end = 0;
        while (end < code.length() && Character.isDigit(code.charAt(end))) {
            end++;
        }
        return end == code.length() ? null : code.substring(end);
    }
}
