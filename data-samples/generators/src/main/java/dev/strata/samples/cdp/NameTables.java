package dev.strata.samples.cdp;

import dev.strata.samples.CsvTable;
import dev.strata.samples.Weighted;
import dev.strata.samples.Dice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The lists the generators draw from, read from {@code generate/cdp/*.csv} on the class path: US given
 * names by sex and surnames with weights (how common they are), a nickname table (Robert: Bob, Rob, Bobby,
 * Robbie), street names and suffixes, cities with state and ZIP prefix, email domains, junk identifiers,
 * and for FEBRL Australian localities, street types and property names. Written for this project from
 * general knowledge; immutable once loaded.
 */
final class NameTables {

    /** Where the name tables live on the class path. */
    private static final String FOLDER = "generate/cdp/";

    private final Weighted<String> femaleNames;
    private final Weighted<String> maleNames;
    private final Weighted<String> surnames;
    private final Map<String, List<String>> nicknames;
    private final Weighted<String> streets;
    private final Weighted<StreetSuffix> suffixes;
    private final Weighted<City> cities;
    private final Weighted<String> emailDomains;
    private final Weighted<String> junkEmails;
    private final Weighted<String> junkPhones;
    private final List<Locality> localities;
    private final Weighted<String> auStreetTypes;
    private final List<String> propertyNames;

    private NameTables(Builder builder) {
        this.femaleNames = builder.femaleNames.build();
        this.maleNames = builder.maleNames.build();
        this.surnames = builder.surnames.build();
        this.nicknames = Map.copyOf(builder.nicknames);
        this.streets = builder.streets.build();
        this.suffixes = builder.suffixes.build();
        this.cities = builder.cities.build();
        this.emailDomains = builder.emailDomains.build();
        this.junkEmails = builder.junkEmails.build();
        this.junkPhones = builder.junkPhones.build();
        this.localities = List.copyOf(builder.localities);
        this.auStreetTypes = builder.auStreetTypes.build();
        this.propertyNames = List.copyOf(builder.propertyNames);
    }

    /**
     * Reads every table from the class path.
     *
     * @throws IllegalStateException when a table is missing
     * @throws IllegalArgumentException when a table is malformed (the message says which and where)
     */
    static NameTables load() {
        Builder builder = new Builder();
        Set<String> given = new HashSet<>();
        for (CsvTable.Row row : CsvTable.read(FOLDER + "given_names.csv", List.of("name", "sex", "weight")).rows()) {
            String name = row.required("name");
            if (!given.add(name)) {
                throw new IllegalArgumentException(row.where() + ": given name " + name + " is listed twice");
            }
            switch (row.required("sex")) {
                case "F" -> builder.femaleNames.add(name, row.weight());
                case "M" -> builder.maleNames.add(name, row.weight());
                default -> throw new IllegalArgumentException(row.where() + ": sex must be F or M, cannot be: '"
                        + row.required("sex") + "'");
            }
        }
        for (CsvTable.Row row : CsvTable.read(FOLDER + "surnames.csv", List.of("name", "weight")).rows()) {
            builder.surnames.add(row.required("name"), row.weight());
        }
        for (CsvTable.Row row : CsvTable.read(FOLDER + "nicknames.csv", List.of("name", "nicknames")).rows()) {
            String name = row.required("name");
            if (!given.contains(name)) {
                throw new IllegalArgumentException(row.where() + ": " + name + " is not in given_names.csv");
            }
            List<String> forms = Arrays.stream(row.required("nicknames").split("\\|")).map(String::strip).toList();
            if (forms.stream().anyMatch(String::isEmpty) || forms.contains(name)
                    || builder.nicknames.put(name, forms) != null) {
                throw new IllegalArgumentException(row.where() + ": nicknames of " + name
                        + " must be distinct from it, not empty and listed once, cannot be: " + row.required("nicknames"));
            }
        }
        for (CsvTable.Row row : CsvTable.read(FOLDER + "streets.csv", List.of("name", "weight")).rows()) {
            builder.streets.add(row.required("name"), row.weight());
        }
        for (CsvTable.Row row : CsvTable.read(FOLDER + "street_suffixes.csv", List.of("abbreviation", "full", "weight"))
                .rows()) {
            builder.suffixes.add(new StreetSuffix(row.required("abbreviation"), row.required("full")), row.weight());
        }
        for (CsvTable.Row row : CsvTable.read(FOLDER + "us_cities.csv", List.of("city", "state", "zip_prefix", "weight"))
                .rows()) {
            builder.cities.add(new City(row.required("city"), row.required("state"), row.required("zip_prefix")), row.weight());
        }
        for (CsvTable.Row row : CsvTable.read(FOLDER + "email_domains.csv", List.of("domain", "weight")).rows()) {
            builder.emailDomains.add(row.required("domain"), row.weight());
        }
        for (CsvTable.Row row : CsvTable.read(FOLDER + "junk_identifiers.csv", List.of("kind", "value", "weight")).rows()) {
            String value = row.required("value");
            switch (row.required("kind")) {
                case "email" -> builder.junkEmails.add(value, row.weight());
                case "phone" -> {
                    if (!value.matches("\\d{10}")) {
                        throw new IllegalArgumentException(row.where()
                                + ": a junk phone must be ten digits, cannot be: '" + value + "'");
                    }
                    builder.junkPhones.add(value, row.weight());
                }
                default -> throw new IllegalArgumentException(row.where()
                        + ": kind must be email or phone, cannot be: '" + row.required("kind") + "'");
            }
        }
        for (CsvTable.Row row : CsvTable.read(FOLDER + "au_localities.csv", List.of("suburb", "state", "postcode")).rows()) {
            builder.localities.add(new Locality(row.required("suburb"), row.required("state"), row.required("postcode")));
        }
        for (CsvTable.Row row : CsvTable.read(FOLDER + "au_street_types.csv", List.of("type", "weight")).rows()) {
            builder.auStreetTypes.add(row.required("type"), row.weight());
        }
        for (CsvTable.Row row : CsvTable.read(FOLDER + "au_property_names.csv", List.of("name")).rows()) {
            builder.propertyNames.add(row.required("name"));
        }
        return new NameTables(builder);
    }

    String givenName(Sex sex, Dice dice) {
        return (sex == Sex.FEMALE ? femaleNames : maleNames).draw(dice);
    }

    String surname(Dice dice) {
        return surnames.draw(dice);
    }

    /** The nicknames of {@code givenName} in the table, empty when it has none. */
    List<String> nicknames(String givenName) {
        return nicknames.getOrDefault(Objects.requireNonNull(givenName, "givenName is null"), List.of());
    }

    String street(Dice dice) {
        return streets.draw(dice);
    }

    StreetSuffix suffix(Dice dice) {
        return suffixes.draw(dice);
    }

    List<StreetSuffix> suffixes() {
        return suffixes.items();
    }

    City city(Dice dice) {
        return cities.draw(dice);
    }

    String emailDomain(Dice dice) {
        return emailDomains.draw(dice);
    }

    String junkEmail(Dice dice) {
        return junkEmails.draw(dice);
    }

    String junkPhone(Dice dice) {
        return junkPhones.draw(dice);
    }

    List<String> junkEmails() {
        return junkEmails.items();
    }

    List<String> junkPhones() {
        return junkPhones.items();
    }

    Locality locality(Dice dice) {
        return dice.oneOf(localities);
    }

    String auStreetType(Dice dice) {
        return auStreetTypes.draw(dice);
    }

    String propertyName(Dice dice) {
        return dice.oneOf(propertyNames);
    }

    /** Collects items and weights in file order. */
    private static final class Draws<T> {

        private final String what;
        private final List<T> items = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();

        Draws(String what) {
            this.what = what;
        }

        void add(T item, double weight) {
            items.add(item);
            weights.add(weight);
        }

        Weighted<T> build() {
            if (items.isEmpty()) {
                throw new IllegalArgumentException("the name tables hold no " + what);
            }
            return new Weighted<>(items, weights.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    private static final class Builder {

        final Draws<String> femaleNames = new Draws<>("female given names (given_names.csv, sex F)");
        final Draws<String> maleNames = new Draws<>("male given names (given_names.csv, sex M)");
        final Draws<String> surnames = new Draws<>("surnames (surnames.csv)");
        final Map<String, List<String>> nicknames = new HashMap<>();
        final Draws<String> streets = new Draws<>("street names (streets.csv)");
        final Draws<StreetSuffix> suffixes = new Draws<>("street suffixes (street_suffixes.csv)");
        final Draws<City> cities = new Draws<>("cities (us_cities.csv)");
        final Draws<String> emailDomains = new Draws<>("email domains (email_domains.csv)");
        final Draws<String> junkEmails = new Draws<>("junk emails (junk_identifiers.csv, kind email)");
        final Draws<String> junkPhones = new Draws<>("junk phones (junk_identifiers.csv, kind phone)");
        final List<Locality> localities = new ArrayList<>();
        final Draws<String> auStreetTypes = new Draws<>("Australian street types (au_street_types.csv)");
        final List<String> propertyNames = new ArrayList<>();
    }
}
