package dev.strata.samples;

import java.util.Objects;

/** A fixed discrete distribution: picks an index with probability proportional to its weight. */
public final class Weights {

    private final double[] cumulative;

    public Weights(double... weights) {
        Objects.requireNonNull(weights, "weights is null");
        if (weights.length == 0) {
            throw new IllegalArgumentException("weights must not be empty");
        }
        cumulative = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0 || Double.isNaN(weights[i])) {
                throw new IllegalArgumentException("weight " + i + " must be at least 0, cannot be: " + weights[i]);
            }
            total += weights[i];
            cumulative[i] = total;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("weights must not all be 0");
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
    }

    /** The index whose share of the total holds {@code roll} (0 inclusive to 1 exclusive). */
    public int pick(double roll) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] > roll) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    public int size() {
        return cumulative.length;
    }
}
