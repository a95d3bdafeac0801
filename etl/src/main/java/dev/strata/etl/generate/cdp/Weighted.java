package dev.strata.etl.generate.cdp;

import dev.strata.etl.generate.Weights;
import java.util.List;
import java.util.Objects;

/** A fixed discrete distribution over items: draws an item with probability proportional to its weight. */
final class Weighted<T> {

    private final List<T> items;
    private final Weights weights;

    Weighted(List<T> items, double[] weights) {
        Objects.requireNonNull(items, "items is null");
        Objects.requireNonNull(weights, "weights is null");
        if (items.size() != weights.length) {
            throw new IllegalArgumentException("there must be one weight per item, " + items.size()
                    + " items cannot have: " + weights.length);
        }
        this.items = List.copyOf(items);
        this.weights = new Weights(weights.clone());
    }

    T draw(Dice dice) {
        return items.get(dice.pick(weights));
    }

    List<T> items() {
        return items;
    }
}
