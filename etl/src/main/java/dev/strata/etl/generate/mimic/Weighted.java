package dev.strata.etl.generate.mimic;

import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/** A fixed discrete distribution over items: draws an item with probability proportional to its weight. */
final class Weighted<T> {

    private final List<T> items;
    private final double[] cumulative;

    private Weighted(List<T> items, double[] cumulative) {
        this.items = items;
        this.cumulative = cumulative;
    }

    /**
     * The distribution of {@code items} by {@code weight}; items of weight 0 are never drawn.
     *
     * @throws IllegalArgumentException when there is no item, a weight is negative or not a number, or all are 0
     */
    static <T> Weighted<T> of(String what, List<T> items, ToDoubleFunction<T> weight) {
        Objects.requireNonNull(what, "what is null");
        Objects.requireNonNull(items, "items is null");
        Objects.requireNonNull(weight, "weight is null");
        if (items.isEmpty()) {
            throw new IllegalArgumentException(what + ": there must be at least one item to draw from");
        }
        double[] cumulative = new double[items.size()];
        double total = 0;
        for (int i = 0; i < items.size(); i++) {
            double w = weight.applyAsDouble(items.get(i));
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException(what + ": weight of " + items.get(i)
                        + " must be a number of at least 0, cannot be: " + w);
            }
            total += w;
            cumulative[i] = total;
        }
        if (total <= 0) {
            throw new IllegalArgumentException(what + ": the weights must not all be 0");
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
        return new Weighted<>(List.copyOf(items), cumulative);
    }

    T draw(Dice dice) {
        double roll = dice.unit();
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
        return items.get(low);
    }

    List<T> items() {
        return items;
    }
}
