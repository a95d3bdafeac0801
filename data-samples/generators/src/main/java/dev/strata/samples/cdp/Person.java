package dev.strata.samples.cdp;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One true person behind the records: the values every source would show if nobody made a mistake.
 *
 * @param number 1, 2, ...; the person id is {@code P} and the number in at least six digits
 * @param email the address the person gives; for a partner sharing the household's email, the head's
 * @param sharesEmail whether {@code email} is another household member's (a couple with one address)
 * @param secondEmail another address the person sometimes gives (work, old), or null
 * @param accountEmail the address of the person's second web account, or null when there is none
 * @param mobile the ten digits of the person's own phone
 * @param devices ids of the person's own devices (web and app)
 * @param cards fingerprints of the person's payment cards
 */
record Person(int number, String id, Sex sex, String givenName, String surname, LocalDate dateOfBirth, String email,
        boolean sharesEmail, String secondEmail, String accountEmail, String mobile, Household household,
        List<String> devices, List<String> cards, Presence presence) {

    Person {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(sex, "sex is null");
        Objects.requireNonNull(givenName, "givenName is null");
        Objects.requireNonNull(surname, "surname is null");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth is null");
        Objects.requireNonNull(email, "email is null");
        Objects.requireNonNull(mobile, "mobile is null");
        Objects.requireNonNull(household, "household is null");
        devices = List.copyOf(Objects.requireNonNull(devices, "devices is null"));
        cards = List.copyOf(Objects.requireNonNull(cards, "cards is null"));
        Objects.requireNonNull(presence, "presence is null");
        if (devices.isEmpty() || cards.isEmpty()) {
            throw new IllegalArgumentException("a person has at least one device and one card, " + id + " has: "
                    + devices.size() + " and " + cards.size());
        }
        if (presence.webAccounts() > 1 && accountEmail == null) {
            throw new IllegalArgumentException(id + " has a second web account, so it needs an account email");
        }
    }

    /** The person id for {@code number}: {@code P000123}. */
    static String id(int number) {
        return "P" + Digits.padded(number, 6);
    }
}
