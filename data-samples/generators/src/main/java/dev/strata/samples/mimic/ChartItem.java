package dev.strata.samples.mimic;

import java.util.Objects;

/**
 * A charted item (a D_ITEMS row linked to CHARTEVENTS) of one ICU system ({@code dbsource} carevue or
 * metavision) and how its values are distributed: {@code mean} and {@code sd}, kept within
 * {@code low}..{@code high}, written with {@code decimals}, {@code perDay} values per ICU day.
 */
record ChartItem(int itemId, String label, String abbreviation, String dbsource, String linksto, String category,
        String unit, double mean, double sd, double low, double high, int decimals, double perDay) {

    ChartItem {
        Objects.requireNonNull(label, "label is null");
        Objects.requireNonNull(dbsource, "dbsource is null");
        if (itemId <= 0) {
            throw new IllegalArgumentException("chart itemid must be at least 1, cannot be: " + itemId);
        }
        if (!(mean >= low && mean <= high) || !(sd >= 0)) {
            throw new IllegalArgumentException("chart item " + itemId + " needs low <= mean <= high and sd >= 0, "
                    + "cannot be: " + low + " <= " + mean + " <= " + high + ", sd " + sd);
        }
        if (decimals < 0 || decimals > 4) {
            throw new IllegalArgumentException("chart item " + itemId + " decimals must be within 0..4, cannot be: "
                    + decimals);
        }
        if (!(perDay >= 0)) {
            throw new IllegalArgumentException("chart item " + itemId + " per_day must be at least 0, cannot be: "
                    + perDay);
        }
    }
}
