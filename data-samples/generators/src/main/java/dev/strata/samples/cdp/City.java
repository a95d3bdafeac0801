package dev.strata.samples.cdp;

import java.util.Objects;

/** A US city with its state and the first three digits of its ZIP codes. */
record City(String name, String state, String zipPrefix) {

    City {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(state, "state is null");
        Objects.requireNonNull(zipPrefix, "zipPrefix is null");
        if (!state.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("state must be two capital letters, cannot be: '" + state + "'");
        }
        if (!zipPrefix.matches("\\d{3}")) {
            throw new IllegalArgumentException("zip prefix must be three digits, cannot be: '" + zipPrefix + "'");
        }
    }
}
