package dev.strata.samples;

import java.util.List;
import java.util.Objects;

/**
 * The generators' one random source: SplitMix64, integer arithmetic only, and {@link StrictMath} (never
 * {@link Math}) for the few transcendental functions, so every draw is the same on every JVM and platform.
 * One dice is made per subject (a patient, a household, a vehicle day) and purpose from the run's seed, so what
 * a subject looks like depends on the seed and the subject, never on how many others are drawn or in which
 * order.
 */
public final class Dice {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    public Dice(long seed) {
        this.state = seed;
    }

    /** The dice for one subject and one purpose ({@code salt}) of a run with {@code seed}. */
    public static Dice of(long seed, long subject, long salt) {
        return new Dice(key(seed, subject, salt));
    }

    /** A well-mixed key of three numbers, for draws that must not depend on any state. */
    public static long key(long seed, long subject, long salt) {
        return mix(mix(mix(seed) + subject * GOLDEN) ^ salt);
    }

    /** The SplitMix64 finaliser: a bijection of the 64-bit numbers that spreads every input bit. */
    public static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** A draw in 0 inclusive to 1 exclusive. */
    public double unit() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A whole number in 0 inclusive to {@code bound} exclusive. */
    public int below(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be at least 1, cannot be: " + bound);
        }
        return (int) (unit() * bound);
    }

    /** A whole number in {@code low} to {@code high}, both inclusive. */
    public int between(int low, int high) {
        if (high < low) {
            throw new IllegalArgumentException("high must be at least low (" + low + "), cannot be: " + high);
        }
        return low + below(high - low + 1);
    }

    /** A whole number in {@code low} to {@code high}, both inclusive. */
    public long between(long low, long high) {
        if (high < low) {
            throw new IllegalArgumentException("high must be at least low (" + low + "), cannot be: " + high);
        }
        return low + (long) (unit() * (high - low + 1));
    }

    /**
     * 32 random bits. This and the {@code next…} draws below take from the stream the way
     * {@link java.util.SplittableRandom} does from a seed (SplitMix64 with the golden gamma, its own mix for
     * 32-bit results, bounded draws by rejection), so the 311 generator, written against that class, draws
     * exactly what it drew before; {@link #below} and {@link #between} are the cheaper draws the other
     * generators use.
     */
    public int nextInt() {
        state += GOLDEN;
        long z = state;
        z = (z ^ (z >>> 33)) * 0x62A9D9ED799705F5L;
        return (int) (((z ^ (z >>> 28)) * 0xCB24D0A5C88C35B3L) >>> 32);
    }

    /** A whole number in 0 inclusive to {@code bound} exclusive, without bias (see {@link #nextInt()}). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be at least 1, cannot be: " + bound);
        }
        int r = nextInt();
        int m = bound - 1;
        if ((bound & m) == 0) {
            return r & m;
        }
        for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = nextInt() >>> 1) {
            // a draw from the incomplete last stretch of the range is drawn again
        }
        return r;
    }

    /** A whole number in 0 inclusive to {@code bound} exclusive, without bias (see {@link #nextInt()}). */
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be at least 1, cannot be: " + bound);
        }
        long r = nextLong();
        long m = bound - 1;
        if ((bound & m) == 0L) {
            return r & m;
        }
        for (long u = r >>> 1; u + m - (r = u % bound) < 0L; u = nextLong() >>> 1) {
            // a draw from the incomplete last stretch of the range is drawn again
        }
        return r;
    }

    /** A coin (see {@link #nextInt()}). */
    public boolean nextBoolean() {
        return nextInt() < 0;
    }

    /** A draw in 0 inclusive to 1 exclusive: {@link #unit()}, under the name the 311 generator draws it by. */
    public double nextDouble() {
        return unit();
    }

    /** A number in {@code low} inclusive to {@code high} exclusive. */
    public double uniform(double low, double high) {
        return low + unit() * (high - low);
    }

    public boolean chance(double probability) {
        return unit() < probability;
    }

    /** An index drawn from {@code weights}. */
    public int pick(Weights weights) {
        return weights.pick(unit());
    }

    /** One of {@code items}, each as likely as the others. */
    public <T> T oneOf(List<T> items) {
        Objects.requireNonNull(items, "items is null");
        return items.get(below(items.size()));
    }

    /** A standard normal draw (Box-Muller, the second value of each pair kept for the next call). */
    public double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double radius = boxMullerRadius();
        double angle = 2 * StrictMath.PI * unit();
        spareGaussian = radius * StrictMath.sin(angle);
        hasSpare = true;
        return radius * StrictMath.cos(angle);
    }

    public double normal(double mean, double sd) {
        return mean + sd * gaussian();
    }

    /** A log-normal draw with the given median and shape, from {@link #gaussian()}. */
    public double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian());
    }

    /**
     * A log-normal draw with the given median and shape from a pair of uniforms of its own: the pair's second
     * normal value is dropped rather than kept for the next draw, so each call takes exactly two uniforms.
     */
    public double logNormalOfOwnPair(double median, double sigma) {
        double radius = boxMullerRadius();
        double angle = 2 * StrictMath.PI * unit();
        return median * StrictMath.exp(sigma * radius * StrictMath.cos(angle));
    }

    /** {@code value} rounded down or up at random so that the mean of the result is {@code value}. */
    public int rounded(double value) {
        if (value <= 0) {
            return 0;
        }
        double floor = Math.floor(value);
        return (int) floor + (unit() < value - floor ? 1 : 0);
    }

    /** A Poisson draw (Knuth's method; a normal approximation above 40); 0, without a draw, for a mean of 0 or less. */
    public int poisson(double mean) {
        if (Double.isNaN(mean) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("mean must be a finite number, cannot be: " + mean);
        }
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

    /** {@code length} lower-case hexadecimal digits. */
    public String hex(int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            long bits = nextLong();
            for (int i = 0; i < 16 && text.length() < length; i++) {
                text.append(Character.forDigit((int) (bits >>> (60 - 4 * i)) & 0xF, 16));
            }
        }
        return text.toString();
    }

    private double boxMullerRadius() {
        return StrictMath.sqrt(-2 * StrictMath.log(1 - unit()));
    }
}
