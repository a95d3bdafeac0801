package dev.strata.etl.generate.cdp;

import dev.strata.etl.generate.SplitMix;
import dev.strata.etl.generate.Weights;
import java.util.List;
import java.util.Objects;

/**
 * A small deterministic random source (SplitMix64) whose draws are the same on every JVM and platform:
 * integer arithmetic only, and {@link StrictMath} for the few transcendental functions. One dice is made
 * per subject (a household, a person, an entity) and purpose from the run's seed, so what a subject looks
 * like depends on the seed and the subject, not on the order in which others were drawn.
 */
final class Dice {

    private final SplitMix random;

    Dice(long seed) {
        this.random = new SplitMix(seed);
    }

    /** The dice for one subject and one purpose ({@code salt}) of a run with {@code seed}. */
    static Dice of(long seed, long subject, long salt) {
        return new Dice(key(seed, subject, salt));
    }

    /** A well-mixed key of three numbers, for draws that must not depend on any state. */
    static long key(long seed, long subject, long salt) {
        return SplitMix.key(seed, subject, salt);
    }

    static long mix(long value) {
        return SplitMix.mix(value);
    }

    long nextLong() {
        return random.nextLong();
    }

    /** A draw in 0 inclusive to 1 exclusive. */
    double unit() {
        return random.unit();
    }

    /** A whole number in 0 inclusive to {@code bound} exclusive. */
    int below(int bound) {
        return random.below(bound);
    }

    /** A whole number in {@code low} to {@code high}, both inclusive. */
    int between(int low, int high) {
        return random.between(low, high);
    }

    /** A whole number in {@code low} to {@code high}, both inclusive. */
    long between(long low, long high) {
        if (high < low) {
            throw new IllegalArgumentException("high must be at least low (" + low + "), cannot be: " + high);
        }
        return low + (long) (unit() * (high - low + 1));
    }

    boolean chance(double probability) {
        return unit() < probability;
    }

    /** An index drawn from {@code weights}. */
    int pick(Weights weights) {
        return weights.pick(unit());
    }

    /** One of {@code items}, each as likely as the others. */
    <T> T oneOf(List<T> items) {
        Objects.requireNonNull(items, "items is null");
        return items.get(below(items.size()));
    }

    /** A log-normal draw with the given median and shape. */
    double logNormal(double median, double sigma) {
        double radius = StrictMath.sqrt(-2 * StrictMath.log(1 - unit()));
        double angle = 2 * StrictMath.PI * unit();
        return median * StrictMath.exp(sigma * radius * StrictMath.cos(angle));
    }

    /** A Poisson draw (Knuth's method), for small means. */
    int poisson(double mean) {
        if (!(mean >= 0 && mean <= 30)) {
            throw new IllegalArgumentException("mean must be within 0..30, cannot be: " + mean);
        }
        double limit = StrictMath.exp(-mean);
        double product = unit();
        int count = 0;
        while (product > limit) {
            product *= unit();
            count++;
        }
        return count;
    }

    /** {@code length} lower-case hexadecimal digits. */
    String hex(int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            long bits = nextLong();
            for (int i = 0; i < 16 && text.length() < length; i++) {
                text.append(Character.forDigit((int) (bits >>> (60 - 4 * i)) & 0xF, 16));
            }
        }
        return text.toString();
    }
}
