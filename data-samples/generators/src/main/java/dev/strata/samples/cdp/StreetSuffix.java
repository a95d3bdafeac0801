package dev.strata.samples.cdp;

import java.util.Objects;

/** A street suffix as the US Postal Service abbreviates it ({@code St}) and spelt out ({@code Street}). */
record StreetSuffix(String abbreviation, String full) {

    StreetSuffix {
        Objects.requireNonNull(abbreviation, "abbreviation is null");
        Objects.requireNonNull(full, "full is null");
    }

    /** Whether the suffix can be written another way than its abbreviation ({@code Way} cannot). */
    boolean varies() {
        return !abbreviation.equals(full);
    }
}
