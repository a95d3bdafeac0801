package dev.strata.samples.cdp;

import java.util.Objects;

/**
 * People living together: they share the address (and move together) and, when the household has one, a
 * landline phone and a family device. Names and dates of birth are each member's own.
 *
 * @param number 1, 2, ... in the order households are made
 * @param size how many people live in it (1 to 5); the last household of a run may have fewer of them in
 *     the run, so that the first k people of an N-person run are those of a k-person run
 * @param newHome where the household moved to, or null when it never moved
 * @param movedAt the epoch second of the move (records from then on show the new home), or
 *     {@link Long#MAX_VALUE} when it never moved
 * @param landline the ten digits of the shared landline, or null
 * @param sharedDevice the id of a device family members share (a tablet), or null
 */
record Household(int number, int size, Address home, Address newHome, long movedAt, String landline,
        String sharedDevice) {

    Household {
        Objects.requireNonNull(home, "home is null");
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1, cannot be: " + size);
        }
        if ((newHome == null) != (movedAt == Long.MAX_VALUE)) {
            throw new IllegalArgumentException("a household has a new home exactly when it has moved, cannot have: "
                    + newHome + " at " + movedAt);
        }
    }

    /** The address the household lived at at {@code epochSecond}. */
    Address addressAt(long epochSecond) {
        return epochSecond >= movedAt ? newHome : home;
    }

    boolean moved() {
        return newHome != null;
    }
}
