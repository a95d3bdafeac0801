package dev.strata.samples.mimic;

import java.util.Objects;

/** An ICD-9-CM diagnosis or procedure code as MIMIC stores it (no dot: {@code 4019}), with its titles. */
record IcdCode(String code, String shortTitle, String longTitle, double weight) {

    IcdCode {
        Objects.requireNonNull(code, "code is null");
        Objects.requireNonNull(shortTitle, "shortTitle is null");
        Objects.requireNonNull(longTitle, "longTitle is null");
        if (code.isBlank()) {
            throw new IllegalArgumentException("code must not be blank, cannot be: '" + code + "'");
        }
    }
}
