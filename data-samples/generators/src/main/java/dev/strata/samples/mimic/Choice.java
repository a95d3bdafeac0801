package dev.strata.samples.mimic;

import java.util.Objects;

/** A value of a categorical column (an insurance, a care unit, a note category...), how common it is. */
record Choice(String value, String description, double weight) {

    Choice {
        Objects.requireNonNull(value, "value is null");
    }
}
