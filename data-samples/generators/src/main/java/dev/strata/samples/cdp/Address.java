package dev.strata.samples.cdp;

import java.util.Objects;

/**
 * A US street address as a person would give it when nothing goes wrong: {@code 1234 W Maple St}, an
 * optional unit ({@code 4B}, written {@code Apt 4B}, {@code #4B}, ... by the record), city, state and a
 * five-digit ZIP.
 *
 * @param direction {@code N}, {@code S}, {@code E}, {@code W} or empty
 * @param unit the apartment or unit, or empty
 */
record Address(String number, String direction, String streetName, StreetSuffix suffix, String unit, City city,
        String zip) {

    Address {
        Objects.requireNonNull(number, "number is null");
        Objects.requireNonNull(direction, "direction is null");
        Objects.requireNonNull(streetName, "streetName is null");
        Objects.requireNonNull(suffix, "suffix is null");
        Objects.requireNonNull(unit, "unit is null");
        Objects.requireNonNull(city, "city is null");
        Objects.requireNonNull(zip, "zip is null");
        if (!zip.matches("\\d{5}")) {
            throw new IllegalArgumentException("zip must be five digits, cannot be: '" + zip + "'");
        }
    }

    /** The street line in its plain form: {@code 1234 W Maple St Apt 4B}. */
    String streetLine() {
        StringBuilder line = new StringBuilder(number).append(' ');
        if (!direction.isEmpty()) {
            line.append(direction).append(' ');
        }
        line.append(streetName).append(' ').append(suffix.abbreviation());
        if (!unit.isEmpty()) {
            line.append(" Apt ").append(unit);
        }
        return line.toString();
    }
}
