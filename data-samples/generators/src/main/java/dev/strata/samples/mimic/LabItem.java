package dev.strata.samples.mimic;

import java.util.Objects;

/**
 * A laboratory test (a D_LABITEMS row) and how its results are distributed: {@code mean} and {@code sd}
 * of the values, the normal range ({@code NaN} where open) outside which a result is flagged abnormal,
 * the decimals a result is written with, and how many results a patient has per ICU day.
 */
record LabItem(int itemId, String label, String fluid, String category, String loincCode, String unit,
        double normalLow, double normalHigh, double mean, double sd, int decimals, double perDay) {

    LabItem {
        Objects.requireNonNull(label, "label is null");
        Objects.requireNonNull(fluid, "fluid is null");
        Objects.requireNonNull(category, "category is null");
        if (itemId <= 0) {
            throw new IllegalArgumentException("lab itemid must be at least 1, cannot be: " + itemId);
        }
        if (!(mean >= 0) || !(sd >= 0)) {
            throw new IllegalArgumentException("lab item " + itemId + " needs a mean and sd of at least 0, cannot be: "
                    + mean + ", " + sd);
        }
        if (decimals < 0 || decimals > 4) {
            throw new IllegalArgumentException("lab item " + itemId + " decimals must be within 0..4, cannot be: "
                    + decimals);
        }
        if (!(perDay >= 0)) {
            throw new IllegalArgumentException("lab item " + itemId + " per_day must be at least 0, cannot be: "
                    + perDay);
        }
    }

    /** Whether {@code value} lies outside the normal range. */
    boolean abnormal(double value) {
        return value < normalLow || value > normalHigh;
    }
}
