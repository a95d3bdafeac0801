package dev.strata.samples;

import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/** A fixed discrete distribution over items: draws an item with probability proportional to its weight. */
public final class Weighted<T> {

    private final List<T> items;
    private final Weights weights;

    /** {@code items} with one weight each (at least 0, not all 0). */
    public Weighted(List<T> items, double[] weights) {
        Objects.requireNonNull(items, "items is null");
        Objects.requireNonNull(weights, "weights is null");
        if (items.size() != weights.length) {
            throw new IllegalArgumentException("there must be one weight per item, " + items.size()
                    + " items cannot have: " + weights.length);
        }
        this.items = List.copyOf(items);
        this.weights = new Weights(weights.clone());
    }

    /**
     * The distribution of {@code items} by {@code weight}; items of weight 0 are never drawn.
     *
     * @throws IllegalArgumentException when there is no item, a weight is negative or not a number, or all are 0
     */
    public static <T> Weighted<T> of(String what, List<T> items, ToDoubleFunction<T> weight) {
        Objects.requireNonNull(what, "what is null");
        Objects.requireNonNull(items, "items is null");
        Objects.requireNonNull(weight, "weight is null");
        if (items.isEmpty()) {
            throw new IllegalArgumentException(what + ": there must be at least one item to draw from");
        }
        double[] values = new double[items.size()];
        double total = 0;
        for (int i = 0; i < items.size(); i++) {
            double w = weight.applyAsDouble(items.get(i));
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException(what + ": weight of " + items.get(i)
                        + " must be a number of at least 0, cannot be: " + w);
            }
            total += w;
            values[i] = w;
        }
        if (total <= 0) {
            throw new IllegalArgumentException(what + ": the weights must not all be 0");
        }
        return new Weighted<>(items, values);
    }

    public T draw(Dice dice) {
        return items.get(dice.pick(weights));
    }

    public List<T> items() {
        return items;
    }
}
