package dev.strata.samples.mimic;

/**
 * A stretch of an admission in one place: an ICU care unit ({@code icustayId} above 0) or a general
 * ward ({@code careUnit} null, {@code icustayId} 0). Becomes one TRANSFERS row.
 */
record Movement(long icustayId, String careUnit, int wardId, long inTime, long outTime) {

    Movement {
        if ((icustayId > 0) != (careUnit != null)) {
            throw new IllegalArgumentException("an ICU movement has a stay id and a care unit, a ward movement "
                    + "neither, cannot be: " + icustayId + ", " + careUnit);
        }
        if (outTime <= inTime) {
            throw new IllegalArgumentException("a movement must end after it starts, cannot last: "
                    + (outTime - inTime) + " minutes");
        }
    }
}
