package dev.strata.samples.mimic;

import java.util.Objects;

/**
 * One line of the microbiology code list: a specimen, the organism grown (none: {@code orgItemId} 0 and
 * {@code organism} null, a negative culture) and an antibiotic tested on it (none: 0 and null).
 */
record MicroResult(int specItemId, String specimen, int orgItemId, String organism, int abItemId,
        String antibiotic, double weight) {

    MicroResult {
        Objects.requireNonNull(specimen, "specimen is null");
        if ((orgItemId > 0) != (organism != null)) {
            throw new IllegalArgumentException("organism id and name go together, cannot be: " + orgItemId + ", "
                    + organism);
        }
        if ((abItemId > 0) != (antibiotic != null) || (abItemId > 0 && orgItemId <= 0)) {
            throw new IllegalArgumentException("an antibiotic needs its id, name and an organism, cannot be: "
                    + abItemId + ", " + antibiotic + " on " + organism);
        }
    }

    boolean growth() {
        return orgItemId > 0;
    }
}
