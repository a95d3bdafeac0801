package dev.strata.samples.cdp;

import dev.strata.samples.Dice;
import java.util.Objects;

/**
 * One-letter typing mistakes: a letter inserted, deleted or substituted, or two adjacent different letters
 * transposed, so the result is always one Damerau-Levenshtein edit from the original. The first character
 * is never touched (people rarely get it wrong), and only letters are deleted, substituted or moved; a new
 * letter takes the case of the one it replaces.
 */
final class Typos {

    private Typos() {
    }

    /** Whether {@code value} has a letter after its first character, so {@link #oneEdit} can work on it. */
    static boolean editable(String value) {
        for (int i = 1; i < value.length(); i++) {
            if (Character.isLetter(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static String oneEdit(String value, Dice dice) {
        Objects.requireNonNull(value, "value is null");
        if (!editable(value)) {
            throw new IllegalArgumentException("a typo needs a letter after the first character, cannot be: '"
                    + value + "'");
        }
        int kind = dice.below(4);
        if (kind == 3) {
            int pairs = 0;
            for (int i = 1; i + 1 < value.length(); i++) {
                if (swappable(value, i)) {
                    pairs++;
                }
            }
            if (pairs > 0) {
                int target = dice.below(pairs);
                for (int i = 1; i + 1 < value.length(); i++) {
                    if (swappable(value, i) && target-- == 0) {
                        return value.substring(0, i) + value.charAt(i + 1) + value.charAt(i) + value.substring(i + 2);
                    }
                }
            }
            kind = 0;
        }
        if (kind == 0) {
            int at = dice.between(1, value.length());
            return value.substring(0, at) + (char) ('a' + dice.below(26)) + value.substring(at);
        }
        int letters = 0;
        for (int i = 1; i < value.length(); i++) {
            if (Character.isLetter(value.charAt(i))) {
                letters++;
            }
        }
        int target = dice.below(letters);
        int at = 1;
        for (int i = 1; i < value.length(); i++) {
            if (Character.isLetter(value.charAt(i)) && target-- == 0) {
                at = i;
                break;
            }
        }
        if (kind == 1) {
            return value.substring(0, at) + value.substring(at + 1);
        }
        char old = value.charAt(at);
        char replacement = (char) ('a' + dice.below(25));
        if (replacement >= Character.toLowerCase(old)) {
            replacement++;
        }
        if (Character.isUpperCase(old)) {
            replacement = Character.toUpperCase(replacement);
        }
        return value.substring(0, at) + replacement + value.substring(at + 1);
    }

    private static boolean swappable(String value, int i) {
        char a = value.charAt(i);
        char b = value.charAt(i + 1);
        return Character.isLetter(a) && Character.isLetter(b) && Character.toLowerCase(a) != Character.toLowerCase(b);
    }
}
