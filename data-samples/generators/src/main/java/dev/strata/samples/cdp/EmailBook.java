package dev.strata.samples.cdp;

import dev.strata.samples.Dice;
import java.util.Locale;

/**
 * The email addresses handed out so far, so that no two people get the same address by chance (as a mail
 * provider would refuse it): only the household partners that share an address on purpose, and junk
 * values, are shared. Addresses are compared as the provider does: case-insensitively, and for
 * {@code gmail.com} without dots and {@code +tag} in the local part. Kept as 64-bit hashes in an
 * open-addressing table, about 16 bytes per address; a hash collision only makes a free address look
 * taken, so a person gets another one.
 */
final class EmailBook {

    private long[] slots = new long[1 << 10];
    private int size;

    /** Takes {@code address} if it is free; false when it (or its provider-equivalent form) is taken. */
    boolean claim(String address) {
        long hash = hash(canonical(address));
        int mask = slots.length - 1;
        int i = (int) Dice.mix(hash) & mask;
        while (slots[i] != 0) {
            if (slots[i] == hash) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = hash;
        if (++size * 2 > slots.length) {
            grow();
        }
        return true;
    }

    /** The form a provider compares: lower case, and for gmail.com without dots and {@code +tag}. */
    static String canonical(String address) {
        String lower = address.strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        if (at < 0 || !lower.substring(at + 1).equals("gmail.com")) {
            return lower;
        }
        String local = lower.substring(0, at);
        int plus = local.indexOf('+');
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        return local.replace(".", "") + "@gmail.com";
    }

    private static long hash(String text) {
        long h = 0x2545F4914F6CDD1DL;
        for (int i = 0; i < text.length(); i++) {
            h = Dice.mix(h ^ text.charAt(i)) + i;
        }
        return h == 0 ? 1 : h;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long hash : old) {
            if (hash != 0) {
                int i = (int) Dice.mix(hash) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = hash;
            }
        }
    }
}
