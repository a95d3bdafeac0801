package dev.strata.samples.cdp;

/** The sex a given name is drawn for. */
enum Sex {
    FEMALE,
    MALE;

    Sex opposite() {
        return this == FEMALE ? MALE : FEMALE;
    }
}
