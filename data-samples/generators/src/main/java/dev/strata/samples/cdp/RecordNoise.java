package dev.strata.samples.cdp;

import dev.strata.samples.Dice;
import dev.strata.samples.Weights;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes the values of one record the way a person or a clerk typed them: the true value, or with noise
 * at the rates of {@link NoiseRates}, each application counted in the run's {@link NoiseTally}. All draws
 * come from the record's own dice, in a fixed order.
 */
final class RecordNoise {

    /** upper case, lower case, a stray space */
    private static final Weights STYLES = new Weights(40, 35, 25);
    /** {@code Apt 4B}, {@code #4B}, {@code Unit 4B}, {@code , Apt 4B} */
    private static final Weights UNIT_FORMATS = new Weights(50, 20, 15, 15);
    /** (303) 555-0142, 303-555-0142, 303.555.0142, +1 303 555 0142, 3035550142, 1-303-555-0142 */
    static final Weights PHONE_FORMATS = new Weights(30, 25, 15, 10, 15, 5);
    /** dots changed, a +tag, both */
    private static final Weights GMAIL_CHANGES = new Weights(40, 35, 25);
    static final List<String> GMAIL_TAGS = List.of("shop", "news", "promo", "orders", "deals", "store", "web", "2024");

    private final NameTables tables;
    private final NoiseTally tally;
    private final Dice dice;

    RecordNoise(NameTables tables, NoiseTally tally, Dice dice) {
        this.tables = Objects.requireNonNull(tables, "tables is null");
        this.tally = Objects.requireNonNull(tally, "tally is null");
        this.dice = Objects.requireNonNull(dice, "dice is null");
    }

    Dice dice() {
        return dice;
    }

    /** True with {@code probability}; when true, one blank field is counted. */
    boolean blank(double probability) {
        if (dice.chance(probability)) {
            tally.add(NoiseKind.MISSING);
            return true;
        }
        return false;
    }

    String firstName(Person person) {
        String value = person.givenName();
        List<String> nicknames = tables.nicknames(value);
        if (!nicknames.isEmpty() && dice.chance(NoiseRates.NICKNAME)) {
            value = dice.oneOf(nicknames);
            tally.add(NoiseKind.NICKNAME);
        } else if (dice.chance(NoiseRates.NAME_TYPO)) {
            value = Typos.oneEdit(value, dice);
            tally.add(NoiseKind.NAME_TYPO);
        }
        return styled(value);
    }

    String lastName(Person person) {
        String value = person.surname();
        if (dice.chance(NoiseRates.NAME_TYPO)) {
            value = Typos.oneEdit(value, dice);
            tally.add(NoiseKind.NAME_TYPO);
        }
        return styled(value);
    }

    /** Exchanges {@code names[0]} and {@code names[1]} at the documented rate when both are given. */
    void maybeSwap(String[] names) {
        if (!names[0].isEmpty() && !names[1].isEmpty() && dice.chance(NoiseRates.SWAPPED_NAMES)) {
            String first = names[0];
            names[0] = names[1];
            names[1] = first;
            tally.add(NoiseKind.SWAPPED_NAMES);
        }
    }

    /** The street line of {@code address}, with typo, suffix, unit format and style noise. */
    String street(Address address) {
        String name = address.streetName();
        if (letters(name) >= 4 && dice.chance(NoiseRates.STREET_TYPO)) {
            name = Typos.oneEdit(name, dice);
            tally.add(NoiseKind.STREET_TYPO);
        }
        StreetSuffix suffix = address.suffix();
        String suffixText = suffix.abbreviation();
        if (suffix.varies() && dice.chance(NoiseRates.STREET_SUFFIX)) {
            suffixText = dice.chance(0.7) ? suffix.full() : suffix.abbreviation() + ".";
            tally.add(NoiseKind.STREET_SUFFIX);
        }
        StringBuilder line = new StringBuilder(address.number()).append(' ');
        if (!address.direction().isEmpty()) {
            line.append(address.direction()).append(' ');
        }
        line.append(name).append(' ').append(suffixText);
        if (!address.unit().isEmpty()) {
            line.append(switch (dice.pick(UNIT_FORMATS)) {
                case 0 -> " Apt ";
                case 1 -> " #";
                case 2 -> " Unit ";
                default -> ", Apt ";
            }).append(address.unit());
        }
        return styled(line.toString());
    }

    String city(Address address) {
        return styled(address.city().name());
    }

    String zip(Address address) {
        String zip = address.zip();
        if (dice.chance(NoiseRates.ZIP_PLUS_FOUR)) {
            tally.add(NoiseKind.ZIP_FORMAT);
            return zip + "-" + Digits.padded(dice.between(1, 9999), 4);
        }
        if (zip.charAt(0) == '0' && dice.chance(NoiseRates.ZIP_LEADING_ZERO_LOST)) {
            tally.add(NoiseKind.ZIP_FORMAT);
            return zip.substring(1);
        }
        return zip;
    }

    /** The email the person gives: the primary (maybe shared) or, sometimes, the second one. */
    String email(Person person) {
        String address = person.email();
        if (person.secondEmail() != null && dice.chance(NoiseRates.SECOND_EMAIL)) {
            address = person.secondEmail();
            tally.add(NoiseKind.SECOND_EMAIL);
        } else if (person.sharesEmail()) {
            tally.add(NoiseKind.SHARED_EMAIL);
        }
        return emailAs(address);
    }

    /** {@code address} as typed: junk, a gmail variant, a typo, capitals, or as it is. */
    String emailAs(String address) {
        if (dice.chance(NoiseRates.JUNK_EMAIL)) {
            tally.add(NoiseKind.JUNK_EMAIL);
            return tables.junkEmail(dice);
        }
        int at = address.lastIndexOf('@');
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (domain.equals("gmail.com") && dice.chance(NoiseRates.GMAIL_VARIANT)) {
            local = gmailVariant(local);
            tally.add(NoiseKind.GMAIL_VARIANT);
        } else if (dice.chance(NoiseRates.EMAIL_TYPO) && Typos.editable(local)) {
            local = Typos.oneEdit(local, dice);
            tally.add(NoiseKind.EMAIL_TYPO);
        }
        String value = local + "@" + domain;
        if (dice.chance(NoiseRates.EMAIL_CASE)) {
            value = dice.chance(0.3) ? value.toUpperCase(Locale.ROOT) : capitalised(value);
            tally.add(NoiseKind.CASE_OR_SPACING);
        }
        return value;
    }

    /** The phone the person gives: own mobile or the household landline, in one of six formats, or junk. */
    String phone(Person person) {
        if (dice.chance(NoiseRates.JUNK_PHONE)) {
            tally.add(NoiseKind.JUNK_PHONE);
            return tables.junkPhone(dice);
        }
        String digits = person.mobile();
        String landline = person.household().landline();
        if (landline != null && dice.chance(NoiseRates.HOUSEHOLD_LANDLINE)) {
            digits = landline;
            tally.add(NoiseKind.HOUSEHOLD_LANDLINE);
        }
        String area = digits.substring(0, 3);
        String exchange = digits.substring(3, 6);
        String line = digits.substring(6);
        return switch (dice.pick(PHONE_FORMATS)) {
            case 0 -> "(" + area + ") " + exchange + "-" + line;
            case 1 -> area + "-" + exchange + "-" + line;
            case 2 -> area + "." + exchange + "." + line;
            case 3 -> "+1 " + area + " " + exchange + " " + line;
            case 4 -> digits;
            default -> "1-" + area + "-" + exchange + "-" + line;
        };
    }

    String dateOfBirth(LocalDate date) {
        int day = date.getDayOfMonth();
        int month = date.getMonthValue();
        if (day <= 12 && day != month && dice.chance(NoiseRates.DOB_DAY_MONTH_SWAP)) {
            tally.add(NoiseKind.DOB_DAY_MONTH_SWAP);
            return Timestamps.date(LocalDate.of(date.getYear(), day, month));
        }
        return Timestamps.date(date);
    }

    /** {@code value} in upper or lower case or with a stray space, at the documented rate. */
    String styled(String value) {
        if (!dice.chance(NoiseRates.CASE_OR_SPACING)) {
            return value;
        }
        String styled = switch (dice.pick(STYLES)) {
            case 0 -> value.toUpperCase(Locale.ROOT);
            case 1 -> value.toLowerCase(Locale.ROOT);
            default -> spaced(value);
        };
        if (!styled.equals(value)) {
            tally.add(NoiseKind.CASE_OR_SPACING);
        }
        return styled;
    }

    private String spaced(String value) {
        int inner = value.indexOf(' ');
        int kind = dice.below(inner > 0 ? 3 : 2);
        return switch (kind) {
            case 0 -> " " + value;
            case 1 -> value + " ";
            default -> value.substring(0, inner) + " " + value.substring(inner);
        };
    }

    private String gmailVariant(String local) {
        int change = dice.pick(GMAIL_CHANGES);
        String variant = local;
        if (change != 1) {
            if (variant.indexOf('.') >= 0) {
                variant = variant.replace(".", "");
            } else if (variant.length() >= 2) {
                int at = dice.between(1, variant.length() - 1);
                variant = variant.substring(0, at) + "." + variant.substring(at);
            }
        }
        if (change != 0 || variant.equals(local)) {
            variant = variant + "+" + dice.oneOf(GMAIL_TAGS);
        }
        return variant;
    }

    /** {@code jane.doe@gmail.com} as {@code Jane.Doe@Gmail.com}: capitals after each separator of the local part. */
    private static String capitalised(String value) {
        int at = value.lastIndexOf('@');
        StringBuilder text = new StringBuilder(value.length());
        boolean start = true;
        for (int i = 0; i < at; i++) {
            char c = value.charAt(i);
            boolean letter = c >= 'a' && c <= 'z';
            text.append(letter && start ? Character.toUpperCase(c) : c);
            start = c == '.' || c == '_' || c == '+';
        }
        return text.append('@').append(Character.toUpperCase(value.charAt(at + 1))).append(value.substring(at + 2))
                .toString();
    }

    static int letters(String value) {
        int letters = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isLetter(value.charAt(i))) {
                letters++;
            }
        }
        return letters;
    }
}
