package dev.strata.samples.cdp;

import dev.strata.samples.Dice;
import dev.strata.samples.Weights;
import java.util.Objects;

/**
 * Makes the email addresses people choose from their names ({@code jane.doe@gmail.com},
 * {@code jdoe84@yahoo.com}, ...) and claims each in the {@link EmailBook}, adding digits when the address is
 * taken, as a person signing up with a mail provider would.
 */
final class Mailboxes {

    /**
     * first.last, firstlast, flast, first_last, first.lastNN, firstlastYY, firstNNN, flastNN, lastfirst, f.last,
     * first.m.last
     */
    private static final Weights PATTERNS = new Weights(24, 14, 12, 5, 9, 8, 7, 7, 3, 5, 4);
    /** flastNNNN, firstNNNN, first.lastNNNN: the addresses people make for one shop. */
    private static final Weights THROWAWAY_PATTERNS = new Weights(40, 35, 25);

    private final NameTables tables;
    private final EmailBook book;

    Mailboxes(NameTables tables, EmailBook book) {
        this.tables = Objects.requireNonNull(tables, "tables is null");
        this.book = Objects.requireNonNull(book, "book is null");
    }

    /** The address a person mostly gives. */
    String primary(String givenName, String surname, int birthYear, Dice dice) {
        return claim(local(givenName, surname, birthYear, dice), tables.emailDomain(dice), dice);
    }

    /** Another address of the same person, at another domain when the draw allows. */
    String second(String givenName, String surname, int birthYear, String primary, Dice dice) {
        String avoid = primary.substring(primary.indexOf('@') + 1);
        String domain = tables.emailDomain(dice);
        for (int i = 0; i < 5 && domain.equals(avoid); i++) {
            domain = tables.emailDomain(dice);
        }
        return claim(local(givenName, surname, birthYear, dice), domain, dice);
    }

    /** An address made for one sign-up, with four digits. */
    String throwaway(String givenName, String surname, Dice dice) {
        String first = letters(givenName);
        String last = letters(surname);
        String digits = Digits.padded(dice.below(10_000), 4);
        String local = switch (dice.pick(THROWAWAY_PATTERNS)) {
            case 0 -> first.charAt(0) + last + digits;
            case 1 -> first + digits;
            default -> first + "." + last + digits;
        };
        return claim(local, tables.emailDomain(dice), dice);
    }

    private String local(String givenName, String surname, int birthYear, Dice dice) {
        String first = letters(givenName);
        String last = letters(surname);
        char initial = first.charAt(0);
        return switch (dice.pick(PATTERNS)) {
            case 0 -> first + "." + last;
            case 1 -> first + last;
            case 2 -> initial + last;
            case 3 -> first + "_" + last;
            case 4 -> first + "." + last + dice.between(1, 99);
            case 5 -> first + last + Digits.padded(birthYear % 100, 2);
            case 6 -> first + dice.between(100, 9999);
            case 7 -> initial + last + dice.between(1, 99);
            case 8 -> last + first;
            case 9 -> initial + "." + last;
            default -> first + "." + (char) ('a' + dice.below(26)) + "." + last;
        };
    }

    private String claim(String local, String domain, Dice dice) {
        String address = local + "@" + domain;
        for (int attempt = 1; !book.claim(address); attempt++) {
            int digits = attempt <= 3 ? 2 : attempt <= 6 ? 3 : attempt <= 20 ? 4 : 6;
            int bound = (int) StrictMath.pow(10, digits);
            address = local + (bound / 10 + dice.below(bound - bound / 10)) + "@" + domain;
        }
        return address;
    }

    /** The letters of a name in lower case: {@code O'Brien} gives {@code obrien}, {@code Van Dyke} {@code vandyke}. */
    static String letters(String name) {
        StringBuilder letters = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                letters.append(Character.toLowerCase(c));
            }
        }
        if (letters.isEmpty()) {
            throw new IllegalArgumentException("a name must hold a letter, cannot be: '" + name + "'");
        }
        return letters.toString();
    }
}
