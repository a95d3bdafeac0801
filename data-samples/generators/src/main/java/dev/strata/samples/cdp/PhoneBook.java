package dev.strata.samples.cdp;

import dev.strata.samples.Dice;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands out US phone numbers, each once, in a seeded order: first the 555-0100 to 555-0199 numbers that
 * are reserved for fiction, in every plausible area code (about 70,000 numbers), then the rest of the 555
 * exchange (about 7 million more), and only after those numbers again. Area codes are spread over the
 * country and not tied to the address, like mobile numbers that people keep when they move.
 */
final class PhoneBook {

    private static final int FICTIONAL_LINES = 100;
    private static final int OTHER_LINES = 10_000 - FICTIONAL_LINES;

    private final List<Integer> areaCodes;
    private final Permutation fictional;
    private final Permutation other;
    private long issued;

    PhoneBook(long seed) {
        this.areaCodes = areaCodes();
        this.fictional = new Permutation((long) areaCodes.size() * FICTIONAL_LINES, Dice.key(seed, 1, 0x7E1));
        this.other = new Permutation((long) areaCodes.size() * OTHER_LINES, Dice.key(seed, 2, 0x7E1));
    }

    /** How many numbers can be handed out before one repeats. */
    long capacity() {
        return fictional.size() + other.size();
    }

    /** The next number, ten digits. */
    String next() {
        long k = issued++ % capacity();
        int areaCode;
        int line;
        if (k < fictional.size()) {
            long slot = fictional.apply(k);
            areaCode = areaCodes.get((int) (slot / FICTIONAL_LINES));
            line = 100 + (int) (slot % FICTIONAL_LINES);
        } else {
            long slot = other.apply(k - fictional.size());
            areaCode = areaCodes.get((int) (slot / OTHER_LINES));
            int index = (int) (slot % OTHER_LINES);
            line = index < 100 ? index : index + FICTIONAL_LINES;
        }
        return areaCode + "555" + Digits.padded(line, 4);
    }

    /**
     * Area codes of the North American plan that look real: 2xx to 9xx, middle digit not 9, not N11 or N00,
     * not toll-free (8xx with a repeated digit) and not 900.
     */
    static List<Integer> areaCodes() {
        List<Integer> codes = new ArrayList<>();
        for (int code = 200; code < 1000; code++) {
            int middle = code / 10 % 10;
            int last = code % 10;
            boolean tollFree = code / 100 == 8 && middle == last;
            if (middle == 9 || code % 100 == 11 || code % 100 == 0 || tollFree || code == 900 || code == 555) {
                continue;
            }
            codes.add(code);
        }
        return List.copyOf(codes);
    }

    /** A bijection of 0..size-1: {@code (a k + b) mod size} with {@code a} coprime to size. */
    private static final class Permutation {

        private final long size;
        private final long factor;
        private final long offset;

        Permutation(long size, long key) {
            this.size = size;
            long candidate = Math.floorMod(key, size - 1) + 1;
            while (gcd(candidate, size) != 1) {
                candidate = candidate % (size - 1) + 1;
            }
            this.factor = candidate;
            this.offset = Math.floorMod(Dice.mix(key), size);
        }

        long size() {
            return size;
        }

        long apply(long k) {
            return Math.floorMod(Math.addExact(Math.multiplyExact(factor, k) % size, offset), size);
        }

        private static long gcd(long a, long b) {
            return b == 0 ? a : gcd(b, a % b);
        }
    }
}
