package dev.strata.etl.generate;

/**
 * The core of the generators' random sources: SplitMix64, integer arithmetic only, so every draw is the
 * same on every JVM and platform. Keyed by (seed, subject, purpose), so what one subject looks like never
 * depends on how many others are drawn, or in which order.
 */
public final class SplitMix {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    public SplitMix(long seed) {
        this.state = seed;
    }

    /** The source for one subject and one purpose ({@code salt}) of a run with {@code seed}. */
    public static SplitMix of(long seed, long subject, long salt) {
        return new SplitMix(key(seed, subject, salt));
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
}
