package dev.strata.samples.cdp;

import dev.strata.samples.Dice;
import dev.strata.samples.Weights;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The true people of a run, household by household, in person-number order, made lazily: only the
 * household being handed out is in memory (plus the {@link EmailBook} of addresses taken). A household is
 * drawn from the seed and its number, a person from the seed and their number; the phone numbers and email
 * addresses handed out before them decide only which numbers and digits are still free. So the first k
 * people of an N-person run are those of a k-person run.
 *
 * <p>Shapes: households of 1 (45%), 2 (35%), 3 (12%), 4 (6%) or 5 (2%) adults; a partner of the opposite
 * sex (90%) sharing the surname (70%) and 8% of partners giving the head's email; adult children (surname
 * of the head, 85%) or room-mates. 15% of households move once; 35% have a landline; 20% of households of
 * two or more share a device. Per person: 20% have a second email, 30% two devices, 1 to 3 cards.
 */
final class Population {

    /** 2022-01-01T00:00:00Z, the first second a record may carry. */
    static final long START = 1_640_995_200L;
    /** 2025-12-31T23:59:59Z, the last second a record may carry. */
    static final long END = 1_767_225_599L;
    /** The moves happen within 2022-04-01 .. 2025-09-30. */
    private static final long FIRST_MOVE = 1_648_771_200L;
    private static final long LAST_MOVE = 1_759_276_799L;

    static final double MOVE_RATE = 0.15;
    static final double LANDLINE_RATE = 0.35;
    static final double SHARED_DEVICE_RATE = 0.20;
    static final double SHARED_EMAIL_RATE = 0.08;
    static final double SECOND_EMAIL_RATE = 0.20;

    static final double CRM_SHARE = 0.70;
    static final double CRM_DUPLICATE_RATE = 0.06;
    static final double WEB_SHARE = 0.60;
    static final double WEB_SECOND_ACCOUNT_RATE = 0.10;
    static final double BUYER_SHARE = 0.85;
    static final double EXTRA_ORDERS_MEAN = 0.5;
    static final double LOYALTY_SHARE = 0.35;
    static final double LOYALTY_DUPLICATE_RATE = 0.03;

    private static final long SALT_HOUSEHOLD = 0x40B5E;
    private static final long SALT_PERSON = 0x9E450;
    private static final Weights HOUSEHOLD_SIZES = new Weights(45, 35, 12, 6, 2);
    private static final Weights CARDS = new Weights(70, 25, 5);
    private static final List<String> DIRECTIONS = List.of("N", "S", "E", "W");

    private final long seed;
    private final NameTables tables;
    private final int people;
    private final PhoneBook phones;
    private final Mailboxes mailboxes;
    private final Deque<Person> pending = new ArrayDeque<>();
    private int handedOut;
    private int households;

    Population(long seed, NameTables tables, int people) {
        if (people < 0) {
            throw new IllegalArgumentException("people must be at least 0, cannot be: " + people);
        }
        this.seed = seed;
        this.tables = Objects.requireNonNull(tables, "tables is null");
        this.people = people;
        this.phones = new PhoneBook(seed);
        this.mailboxes = new Mailboxes(tables, new EmailBook());
    }

    boolean hasNext() {
        return handedOut < people;
    }

    Person next() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + people + " people have been handed out");
        }
        if (pending.isEmpty()) {
            makeHousehold();
        }
        handedOut++;
        return pending.removeFirst();
    }

    private void makeHousehold() {
        int number = ++households;
        int firstPerson = handedOut + 1;
        Dice dice = Dice.of(seed, number, SALT_HOUSEHOLD);
        int size = 1 + dice.pick(HOUSEHOLD_SIZES);
        Address home = address(dice, tables.city(dice));
        Address newHome = null;
        long movedAt = Long.MAX_VALUE;
        if (dice.chance(MOVE_RATE)) {
            newHome = address(dice, dice.chance(0.5) ? home.city() : tables.city(dice));
            movedAt = dice.between(FIRST_MOVE, LAST_MOVE);
        }
        String landline = dice.chance(LANDLINE_RATE) ? phones.next() : null;
        String sharedDevice = size >= 2 && dice.chance(SHARED_DEVICE_RATE) ? device(dice) : null;
        boolean partnerSharesEmail = dice.chance(SHARED_EMAIL_RATE);
        Household household = new Household(number, size, home, newHome, movedAt, landline, sharedDevice);

        int present = Math.min(size, people - handedOut);
        List<Person> members = new ArrayList<>(present);
        Sex headSex = dice.chance(0.5) ? Sex.FEMALE : Sex.MALE;
        String headSurname = tables.surname(dice);
        for (int member = 0; member < present; member++) {
            int personNumber = firstPerson + member;
            Dice own = Dice.of(seed, personNumber, SALT_PERSON);
            Sex sex;
            String surname;
            LocalDate born;
            Person head = members.isEmpty() ? null : members.get(0);
            if (head == null) {
                sex = headSex;
                surname = headSurname;
                born = own.chance(0.7) ? birthDate(own, 1955, 1995) : birthDate(own, 1940, 2005);
            } else if (member == 1) {
                sex = own.chance(0.9) ? headSex.opposite() : headSex;
                surname = own.chance(0.7) ? headSurname : tables.surname(own);
                int year = Math.min(2005, Math.max(1935, head.dateOfBirth().getYear() + own.between(-8, 8)));
                born = birthDate(own, year, year);
            } else if (head.dateOfBirth().getYear() <= 1985 && own.chance(0.75)) {
                sex = own.chance(0.5) ? Sex.FEMALE : Sex.MALE;
                surname = own.chance(0.85) ? headSurname : tables.surname(own);
                int from = head.dateOfBirth().getYear() + 20;
                born = birthDate(own, from, Math.min(2005, from + 18));
            } else {
                sex = own.chance(0.5) ? Sex.FEMALE : Sex.MALE;
                surname = tables.surname(own);
                born = birthDate(own, 1975, 2005);
            }
            String givenName = tables.givenName(sex, own);
            for (int i = 0; i < 20 && taken(members, givenName, born); i++) {
                givenName = tables.givenName(sex, own);
                born = born.plusDays(own.between(1, 400));
                if (born.getYear() > 2005) {
                    born = born.minusYears(2);
                }
            }
            String mobile = phones.next();
            boolean sharesEmail = member == 1 && partnerSharesEmail;
            String email = sharesEmail ? head.email()
                    : mailboxes.primary(givenName, surname, born.getYear(), own);
            String secondEmail = own.chance(SECOND_EMAIL_RATE)
                    ? mailboxes.second(givenName, surname, born.getYear(), email, own) : null;
            Presence presence = presence(own);
            String accountEmail = presence.webAccounts() < 2 ? null
                    : secondEmail != null ? secondEmail : mailboxes.throwaway(givenName, surname, own);
            List<String> devices = own.chance(0.3) ? List.of(device(own), device(own)) : List.of(device(own));
            List<String> cards = new ArrayList<>();
            for (int card = 0, count = 1 + own.pick(CARDS); card < count; card++) {
                cards.add(own.hex(32));
            }
            members.add(new Person(personNumber, Person.id(personNumber), sex, givenName, surname, born, email,
                    sharesEmail, secondEmail, accountEmail, mobile, household, devices, cards, presence));
        }
        pending.addAll(members);
    }

    private static boolean taken(List<Person> members, String givenName, LocalDate born) {
        for (Person member : members) {
            if (member.givenName().equals(givenName) || member.dateOfBirth().equals(born)) {
                return true;
            }
        }
        return false;
    }

    private static Presence presence(Dice dice) {
        int crm = dice.chance(CRM_SHARE) ? 1 + (dice.chance(CRM_DUPLICATE_RATE) ? 1 : 0) : 0;
        int web = dice.chance(WEB_SHARE) ? 1 + (dice.chance(WEB_SECOND_ACCOUNT_RATE) ? 1 : 0) : 0;
        int orders = dice.chance(BUYER_SHARE) ? Math.min(40, 1 + dice.poisson(EXTRA_ORDERS_MEAN)) : 0;
        int loyalty = dice.chance(LOYALTY_SHARE) ? 1 + (dice.chance(LOYALTY_DUPLICATE_RATE) ? 1 : 0) : 0;
        return new Presence(crm, web, orders, loyalty);
    }

    private Address address(Dice dice, City city) {
        double size = dice.unit();
        int number = size < 0.2 ? dice.between(1, 99) : size < 0.7 ? dice.between(100, 999)
                : dice.between(1000, 19999);
        String direction = dice.chance(0.15) ? dice.oneOf(DIRECTIONS) : "";
        String street = tables.street(dice);
        StreetSuffix suffix = tables.suffix(dice);
        String unit = "";
        if (dice.chance(0.2)) {
            unit = Integer.toString(dice.between(1, 30));
            if (dice.chance(0.3)) {
                unit += (char) ('A' + dice.below(4));
            }
        }
        String zip = city.zipPrefix() + Digits.padded(dice.between(1, 99), 2);
        return new Address(Integer.toString(number), direction, street, suffix, unit, city, zip);
    }

    private static LocalDate birthDate(Dice dice, int fromYear, int toYear) {
        long first = LocalDate.of(fromYear, 1, 1).toEpochDay();
        long last = LocalDate.of(toYear, 12, 31).toEpochDay();
        return LocalDate.ofEpochDay(dice.between(first, last));
    }

    /** A device id in the shape of a random UUID. */
    static String device(Dice dice) {
        return dice.hex(8) + "-" + dice.hex(4) + "-4" + dice.hex(3) + "-" + "89ab".charAt(dice.below(4)) + dice.hex(3)
                + "-" + dice.hex(12);
    }
}
