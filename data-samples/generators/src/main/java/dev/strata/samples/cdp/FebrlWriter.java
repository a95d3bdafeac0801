package dev.strata.samples.cdp;

import dev.strata.samples.Dice;
import dev.strata.samples.Weights;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes synthetic test files in the format of the data sets made with FEBRL (Freely Extensible Biomedical
 * Record Linkage) that peers benchmark on, FEBRL3 for deduplication and FEBRL4 for linkage: a header line
 * {@code rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state,
 * date_of_birth, soc_sec_id}, values separated by a comma and a space, lower-case names and places,
 * Australian-style suburbs, four-digit postcodes and state abbreviations, {@code date_of_birth} as
 * {@code yyyyMMdd}, a seven-digit {@code soc_sec_id}, and blanks. The values are drawn from this project's
 * own tables, not from FEBRL's data. The entity of a record is the {@code rec-<n>} prefix of its id.
 *
 * <p>An original ({@code rec-<n>-org}) has blanks at small rates (given name 1.5%, surname 1%, street number
 * 3%, address_1 2%, suburb, postcode and state 1% each, date of birth 3%, soc_sec_id 0.5%; address_2 is
 * present for 40%). A duplicate ({@code rec-<n>-dup-<k>}) is the original with 1 (45%), 2 (35%) or 3 (20%)
 * modifications (one more when two undo each other): a one-letter typo in a name or address field (35%), a
 * digit changed or two transposed in street number, postcode, date of birth or soc_sec_id (25%), a blanked
 * value (15%), a nickname for the given name (10%), given name and surname swapped (5%), day and month of
 * birth swapped (5%), another suburb of the same state with its postcode (5%). A changed digit may make a
 * date that does not exist, as in FEBRL, so read dates and postcodes as strings.
 *
 * <p>Records are written in a seeded random order. The same seed and arguments give byte-identical files.
 */
public final class FebrlWriter {

    /** The header line of every file. */
    public static final String HEADER = FebrlRecord.header();
    /** The most entities one file may hold (soc_sec_ids stay unique seven-digit numbers). */
    public static final int MAX_ENTITIES = 9_000_000;
    /** The most duplicates of one entity in a deduplication file. */
    public static final int MAX_DUPLICATES_PER_ENTITY = 9;

    private static final long SALT_ORIGINAL = 0xF0;
    private static final long SALT_DUPLICATE = 0xF1;
    private static final long SALT_COUNT = 0xF2;
    private static final long SALT_ORDER_A = 0xF3;
    private static final long SALT_ORDER_B = 0xF4;
    private static final long SALT_SOC_SEC = 0xF5;
    private static final Weights MODIFICATION_COUNTS = new Weights(45, 35, 20);
    /** typo, digit, blank, nickname, swapped names, day-month swap, other suburb */
    private static final Weights MODIFICATIONS = new Weights(35, 25, 15, 10, 5, 5, 5);
    private static final int[] TEXT_FIELDS = {FebrlRecord.GIVEN_NAME, FebrlRecord.SURNAME, FebrlRecord.ADDRESS_1,
        FebrlRecord.ADDRESS_2, FebrlRecord.SUBURB};
    private static final int[] DIGIT_FIELDS = {FebrlRecord.STREET_NUMBER, FebrlRecord.POSTCODE,
        FebrlRecord.DATE_OF_BIRTH, FebrlRecord.SOC_SEC_ID};
    private static final double[] ORIGINAL_BLANKS = {0.015, 0.01, 0.03, 0.02, 0, 0.01, 0.01, 0.01, 0.03, 0.005};
    private static final List<String> UNIT_WORDS = List.of("unit", "flat", "villa", "lot");

    private final long seed;
    private final NameTables tables;
    private final int runSize;
    private final long socSecFactor;
    private final long socSecOffset;

    /**
     * A writer drawing from the name tables on the class path.
     *
     * @throws IllegalStateException when a table is missing
     */
    public FebrlWriter(long seed) {
        this(seed, NameTables.load(), OrderedRows.DEFAULT_RUN_SIZE);
    }

    FebrlWriter(long seed, NameTables tables, int runSize) {
        this.seed = seed;
        this.tables = Objects.requireNonNull(tables, "tables is null");
        if (runSize < 1) {
            throw new IllegalArgumentException("run size must be at least 1, cannot be: " + runSize);
        }
        this.runSize = runSize;
        long factor = Math.floorMod(Dice.key(seed, 0, SALT_SOC_SEC), MAX_ENTITIES - 1) + 1;
        while (gcd(factor, MAX_ENTITIES) != 1) {
            factor = factor % (MAX_ENTITIES - 1) + 1;
        }
        this.socSecFactor = factor;
        this.socSecOffset = Math.floorMod(Dice.key(seed, 1, SALT_SOC_SEC), MAX_ENTITIES);
    }

    public long seed() {
        return seed;
    }

    /**
     * Writes one file for deduplication: every entity's original and, for about half of the entities, 1 to
     * {@code duplicatesPerEntityMax} duplicates (k with weight 1/k, so fewer are likelier; 0 gives none).
     */
    public FebrlSummary writeDedup(Path file, int entities, int duplicatesPerEntityMax) throws IOException {
        Objects.requireNonNull(file, "file is null");
        checkEntities(entities);
        if (duplicatesPerEntityMax < 0 || duplicatesPerEntityMax > MAX_DUPLICATES_PER_ENTITY) {
            throw new IllegalArgumentException("duplicates per entity must be within 0.." + MAX_DUPLICATES_PER_ENTITY
                    + ", cannot be: " + duplicatesPerEntityMax);
        }
        Weights duplicateCounts = zipf(Math.max(1, duplicatesPerEntityMax));
        long duplicates = 0;
        try (OrderedRows rows = rows(file)) {
            long ordinal = 0;
            for (int entity = 0; entity < entities; entity++) {
                FebrlRecord original = original(entity);
                rows.add(Dice.key(seed, ordinal, SALT_ORDER_A), ordinal++, original.line());
                Dice count = Dice.of(seed, entity, SALT_COUNT);
                int copies = duplicatesPerEntityMax == 0 || count.chance(0.5) ? 0 : 1 + count.pick(duplicateCounts);
                for (int k = 0; k < copies; k++) {
                    rows.add(Dice.key(seed, ordinal, SALT_ORDER_A), ordinal++, duplicate(original, entity, k).line());
                    duplicates++;
                }
            }
            write(file, rows);
        }
        return new FebrlSummary(entities, duplicates);
    }

    /**
     * Writes a pair of files for linkage: {@code fileA} holds every entity's original, {@code fileB} one
     * duplicate ({@code -dup-0}) of every entity; each file in its own random order.
     */
    public FebrlSummary writeLinkage(Path fileA, Path fileB, int entities) throws IOException {
        Objects.requireNonNull(fileA, "fileA is null");
        Objects.requireNonNull(fileB, "fileB is null");
        checkEntities(entities);
        if (fileA.toAbsolutePath().normalize().equals(fileB.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("file A and file B must differ, cannot both be: " + fileA);
        }
        try (OrderedRows a = rows(fileA); OrderedRows b = rows(fileB)) {
            for (int entity = 0; entity < entities; entity++) {
                FebrlRecord original = original(entity);
                a.add(Dice.key(seed, entity, SALT_ORDER_A), entity, original.line());
                b.add(Dice.key(seed, entity, SALT_ORDER_B), entity, duplicate(original, entity, 0).line());
            }
            write(fileA, a);
            write(fileB, b);
        }
        return new FebrlSummary(entities, entities);
    }

    private static void checkEntities(int entities) {
        if (entities < 0 || entities > MAX_ENTITIES) {
            throw new IllegalArgumentException("entities must be within 0.." + MAX_ENTITIES + ", cannot be: "
                    + entities);
        }
    }

    private OrderedRows rows(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        return new OrderedRows(folder, "febrl", runSize);
    }

    private static void write(Path file, OrderedRows rows) throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            out.write(HEADER);
            out.write('\n');
            rows.drain((sequence, line) -> {
                out.write(line);
                out.write('\n');
            });
        }
    }

    /** The original record of {@code entity}, drawn from the seed and the entity alone. */
    FebrlRecord original(int entity) {
        Dice dice = Dice.of(seed, entity, SALT_ORIGINAL);
        Sex sex = dice.chance(0.5) ? Sex.FEMALE : Sex.MALE;
        String[] values = new String[FebrlRecord.COLUMNS.size() - 1];
        values[FebrlRecord.GIVEN_NAME] = lower(tables.givenName(sex, dice));
        values[FebrlRecord.SURNAME] = lower(tables.surname(dice));
        double size = dice.unit();
        values[FebrlRecord.STREET_NUMBER] = Integer.toString(size < 0.6 ? dice.between(1, 50)
                : size < 0.9 ? dice.between(51, 300) : dice.between(301, 999));
        String street = dice.chance(0.7) ? tables.surname(dice) : tables.street(dice);
        if (Character.isDigit(street.charAt(0))) {
            street = tables.surname(dice);
        }
        values[FebrlRecord.ADDRESS_1] = lower(street) + " " + tables.auStreetType(dice);
        values[FebrlRecord.ADDRESS_2] = !dice.chance(0.4) ? ""
                : dice.chance(0.6) ? tables.propertyName(dice) : dice.oneOf(UNIT_WORDS) + " " + dice.between(1, 40);
        Locality locality = tables.locality(dice);
        values[FebrlRecord.SUBURB] = locality.suburb();
        values[FebrlRecord.POSTCODE] = locality.postcode();
        values[FebrlRecord.STATE] = locality.state();
        LocalDate born = LocalDate.ofEpochDay(dice.between(LocalDate.of(1920, 1, 1).toEpochDay(),
                LocalDate.of(2005, 12, 31).toEpochDay()));
        values[FebrlRecord.DATE_OF_BIRTH] = Digits.padded(born.getYear(), 4)
                + Digits.padded(born.getMonthValue(), 2) + Digits.padded(born.getDayOfMonth(), 2);
        values[FebrlRecord.SOC_SEC_ID] = Long.toString(1_000_000 + socialSecurityIndex(entity));
        for (int i = 0; i < values.length; i++) {
            if (dice.chance(ORIGINAL_BLANKS[i])) {
                values[i] = "";
            }
        }
        return new FebrlRecord("rec-" + entity + "-org", List.of(values));
    }

    /** Duplicate {@code k} of {@code original}: 1 to 3 modifications drawn from the seed, entity and k. */
    FebrlRecord duplicate(FebrlRecord original, int entity, int k) {
        Dice dice = Dice.of(seed, (long) entity * (MAX_DUPLICATES_PER_ENTITY + 1) + k, SALT_DUPLICATE);
        List<String> values = new ArrayList<>(original.values());
        int modifications = 1 + dice.pick(MODIFICATION_COUNTS);
        for (int done = 0, attempts = 0; (done < modifications || values.equals(original.values())) && attempts < 100;
                attempts++) {
            if (modify(values, dice)) {
                done++;
            }
        }
        return new FebrlRecord("rec-" + entity + "-dup-" + k, values);
    }

    /** Applies one drawn modification; false when it does not apply to these values or changes nothing. */
    private boolean modify(List<String> values, Dice dice) {
        switch (dice.pick(MODIFICATIONS)) {
            case 0 -> {
                int field = TEXT_FIELDS[dice.below(TEXT_FIELDS.length)];
                String value = values.get(field);
                return Typos.editable(value) && changed(values, field, Typos.oneEdit(value, dice));
            }
            case 1 -> {
                int field = DIGIT_FIELDS[dice.below(DIGIT_FIELDS.length)];
                return values.get(field).length() >= 2 && changed(values, field, digitError(values.get(field), dice));
            }
            case 2 -> {
                int field = dice.below(values.size());
                return changed(values, field, "");
            }
            case 3 -> {
                String given = values.get(FebrlRecord.GIVEN_NAME);
                if (given.isEmpty()) {
                    return false;
                }
                List<String> nicknames = tables.nicknames(Character.toUpperCase(given.charAt(0)) + given.substring(1));
                return !nicknames.isEmpty() && changed(values, FebrlRecord.GIVEN_NAME, lower(dice.oneOf(nicknames)));
            }
            case 4 -> {
                String given = values.get(FebrlRecord.GIVEN_NAME);
                String surname = values.get(FebrlRecord.SURNAME);
                if (given.isEmpty() || surname.isEmpty() || given.equals(surname)) {
                    return false;
                }
                values.set(FebrlRecord.GIVEN_NAME, surname);
                values.set(FebrlRecord.SURNAME, given);
                return true;
            }
            case 5 -> {
                String date = values.get(FebrlRecord.DATE_OF_BIRTH);
                if (date.length() != 8) {
                    return false;
                }
                String month = date.substring(4, 6);
                String day = date.substring(6);
                return day.compareTo("12") <= 0 && !day.equals("00")
                        && changed(values, FebrlRecord.DATE_OF_BIRTH, date.substring(0, 4) + day + month);
            }
            default -> {
                String state = values.get(FebrlRecord.STATE);
                String suburb = values.get(FebrlRecord.SUBURB);
                for (int i = 0; i < 20; i++) {
                    Locality other = tables.locality(dice);
                    if (other.state().equals(state) && !other.suburb().equals(suburb)) {
                        values.set(FebrlRecord.SUBURB, other.suburb());
                        values.set(FebrlRecord.POSTCODE, other.postcode());
                        return true;
                    }
                }
                return false;
            }
        }
    }

    private static boolean changed(List<String> values, int field, String value) {
        if (values.get(field).equals(value)) {
            return false;
        }
        values.set(field, value);
        return true;
    }

    /** One digit replaced by another (70%), or two adjacent different digits transposed. */
    private static String digitError(String digits, Dice dice) {
        if (dice.chance(0.3)) {
            int at = dice.below(digits.length() - 1);
            if (digits.charAt(at) != digits.charAt(at + 1)) {
                return digits.substring(0, at) + digits.charAt(at + 1) + digits.charAt(at) + digits.substring(at + 2);
            }
        }
        int at = dice.below(digits.length());
        int replacement = dice.below(9);
        if (replacement >= digits.charAt(at) - '0') {
            replacement++;
        }
        return digits.substring(0, at) + (char) ('0' + replacement) + digits.substring(at + 1);
    }

    /** A bijection of 0..8,999,999 keyed by the seed, so soc_sec_ids are unique and in no visible order. */
    private long socialSecurityIndex(int entity) {
        return (socSecFactor * entity + socSecOffset) % MAX_ENTITIES;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Weights 1, 1/2, ..., 1/n. */
    private static Weights zipf(int n) {
        double[] weights = new double[n];
        for (int k = 0; k < n; k++) {
            weights[k] = 1.0 / (k + 1);
        }
        return new Weights(weights);
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
