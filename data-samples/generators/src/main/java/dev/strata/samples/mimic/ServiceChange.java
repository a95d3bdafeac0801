package dev.strata.samples.mimic;

import java.util.Objects;

/** A change of the clinical service in charge (a SERVICES row); {@code previous} is null for the first. */
record ServiceChange(long time, String previous, String current) {

    ServiceChange {
        Objects.requireNonNull(current, "current is null");
    }
}
