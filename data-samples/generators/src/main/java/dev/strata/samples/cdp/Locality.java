package dev.strata.samples.cdp;

import java.util.Objects;

/** An Australian suburb or town with its state (lower case, {@code nsw}) and four-digit postcode. */
record Locality(String suburb, String state, String postcode) {

    Locality {
        Objects.requireNonNull(suburb, "suburb is null");
        Objects.requireNonNull(state, "state is null");
        Objects.requireNonNull(postcode, "postcode is null");
        if (!postcode.matches("\\d{4}")) {
            throw new IllegalArgumentException("postcode must be four digits, cannot be: '" + postcode + "'");
        }
    }
}
