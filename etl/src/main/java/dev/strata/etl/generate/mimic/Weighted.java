package dev.strata.etl.generate.mimic;

import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import dev.strata.etl.generate.Weights;

/** A fixed discrete distribution over items: draws an item with probability proportional to its weight. */
final class Weighted<T> {

    private final List<T> items;
    private final Weights weights;

    private Weighted(List<T> items, Weights weights) {
        this.items = items;
        this.weights = weights;
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
        return new Weighted<>(List.copyOf(items), new Weights(values));
    }

    T draw(Dice dice) {
        return items.get(weights.pick(dice.unit()));
    }

    List<T> items() {
        return items;
    }
}
