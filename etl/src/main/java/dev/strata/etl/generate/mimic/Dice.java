package dev.strata.etl.generate.mimic;

import dev.strata.etl.generate.SplitMix;

/**
 * A small deterministic random source (SplitMix64) whose draws are the same on every JVM and platform:
 * the transcendental functions come from {@link StrictMath}, never from {@link Math}. One dice is made
 * per patient and purpose from the run's seed, so a patient's data depends only on the seed and the
 * subject, never on how many patients are generated.
 */
final class Dice {

    private final SplitMix random;
    private double spareGaussian;
    private boolean hasSpare;

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

    /** A number in {@code low} inclusive to {@code high} exclusive. */
    double uniform(double low, double high) {
        return low + unit() * (high - low);
    }

    boolean chance(double probability) {
        return unit() < probability;
    }

    /** A standard normal draw (Box-Muller, the second value of each pair kept for the next call). */
    double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double radius = StrictMath.sqrt(-2 * StrictMath.log(1 - unit()));
        double angle = 2 * StrictMath.PI * unit();
        spareGaussian = radius * StrictMath.sin(angle);
        hasSpare = true;
        return radius * StrictMath.cos(angle);
    }

    double normal(double mean, double sd) {
        return mean + sd * gaussian();
    }

    /** A log-normal draw with the given median and shape. */
    double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian());
    }

    /** {@code value} rounded down or up at random so that the mean of the result is {@code value}. */
    int rounded(double value) {
        if (value <= 0) {
            return 0;
        }
        double floor = Math.floor(value);
        return (int) floor + (unit() < value - floor ? 1 : 0);
    }

    /** A Poisson draw (Knuth's method; a normal approximation above 40). */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 40) {
            return Math.max(0, (int) Math.round(normal(mean, StrictMath.sqrt(mean))));
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
}
