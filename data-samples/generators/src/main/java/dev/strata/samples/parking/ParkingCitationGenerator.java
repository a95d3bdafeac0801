package dev.strata.samples.parking;

import dev.strata.samples.CsvLine;
import dev.strata.samples.Dice;
import dev.strata.samples.Weights;
import dev.strata.transforms.geo.Reprojection;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic city's parking citations, one CSV file per day in the Los Angeles open-data layout: the issue
 * date as a timestamp at midnight, the issue time as HHMM digits without leading zeros ({@code 45} is 00:45),
 * the plate's expiry as YYYYMM, makes as 4-letter codes, and the position in California State Plane zone 5
 * (EPSG:2229, US survey feet) with the easting under the export's "Latitude" header and the northing under
 * "Longitude", 99999 in both where the officer's device had no fix.
 *
 * <p>What a daily feed does that a pipeline must absorb: a share of each day's citations is written late, in a
 * later day's file; each file after the first repeats some of the day before's lines (a resend); and a few
 * lines are broken (an impossible time, no ticket number, a fine that is not a number, a cut line), each
 * counted in the report. Positions are drawn around enforcement districts and converted from WGS 84 by the
 * same projection library the pipeline uses to convert them back.
 *
 * <p>The same seed and arguments give byte-identical files.
 */
public final class ParkingCitationGenerator {

    public static final LocalDate DEFAULT_START = LocalDate.of(2024, 3, 4);
    public static final long DEFAULT_SEED = 2229;
    public static final int DEFAULT_PER_DAY = 400;
    public static final int MAX_DAYS = 366;
    public static final int MAX_PER_DAY = 2_000_000;

    public static final List<String> HEADER = List.of("Ticket number", "Issue Date", "Issue time", "Meter Id",
            "Marked Time", "RP State Plate", "Plate Expiry Date", "VIN", "Make", "Body Style", "Color", "Location",
            "Route", "Agency", "Violation code", "Violation Description", "Fine amount", "Latitude", "Longitude");

    /** A violation as the city's schedule lists it, with its fine in dollars. */
    record Violation(String code, String description, int fine, boolean metered) {
    }

    private static final List<Violation> VIOLATIONS = List.of(
            new Violation("80.69BS", "NO PARK/STREET CLEAN", 73, false),
            new Violation("88.13B+", "METER EXP.", 63, true),
            new Violation("80.56E4+", "RED ZONE", 93, false),
            new Violation("5204A-", "DISPLAY OF TABS", 25, false),
            new Violation("80.58L", "PREFERENTIAL PARKING", 68, false),
            new Violation("80.69C", "PARKED OVER TIME LIMIT", 58, false),
            new Violation("80.69AP+", "NO STOP/STAND PM", 93, false),
            new Violation("5200", "NO PLATES", 25, false),
            new Violation("80.69B", "NO PARKING", 73, false),
            new Violation("22500E", "BLOCKING DRIVEWAY", 68, false),
            new Violation("4000A1", "NO EVIDENCE OF REG", 50, false),
            new Violation("22514", "FIRE HYDRANT", 93, false),
            new Violation("80.61", "STANDNG IN ALLEY", 68, false));
    private static final Weights VIOLATION_WEIGHTS = new Weights(26, 20, 9, 8, 7, 7, 6, 4, 4, 3, 3, 2, 1);

    /** Enforcement districts: agency code, centre (WGS 84), spread in degrees, streets. */
    record District(int agency, double latitude, double longitude, double spread, List<String> streets) {
    }

    private static final List<District> DISTRICTS = List.of(
            new District(56, 34.0470, -118.2500, 0.012, List.of("S BROADWAY", "S SPRING ST", "W 7TH ST",
                    "S FLOWER ST", "E 4TH ST", "S HILL ST")),
            new District(54, 34.0980, -118.3300, 0.015, List.of("HOLLYWOOD BLVD", "SUNSET BLVD", "N VINE ST",
                    "N HIGHLAND AVE", "SELMA AVE")),
            new District(51, 34.0600, -118.4450, 0.018, List.of("WESTWOOD BLVD", "WILSHIRE BLVD", "GAYLEY AVE",
                    "LE CONTE AVE", "S SEPULVEDA BLVD")),
            new District(51, 33.9930, -118.4680, 0.010, List.of("ABBOT KINNEY BLVD", "PACIFIC AVE",
                    "OCEAN FRONT WALK", "VENICE BLVD")),
            new District(53, 34.1860, -118.4490, 0.020, List.of("VAN NUYS BLVD", "SHERMAN WAY", "VICTORY BLVD",
                    "SEPULVEDA BLVD")),
            new District(55, 33.7400, -118.2900, 0.012, List.of("S GAFFEY ST", "W 6TH ST", "S PACIFIC AVE")),
            new District(1, 34.0620, -118.3000, 0.012, List.of("WILSHIRE BLVD", "S WESTERN AVE", "W 6TH ST",
                    "S VERMONT AVE")));
    private static final Weights DISTRICT_WEIGHTS = new Weights(30, 20, 15, 10, 12, 5, 8);

    private static final String[] STATES = {"CA", "AZ", "NV", "TX", "WA", "OR", "FL", "NY"};
    private static final Weights STATE_WEIGHTS = new Weights(90, 2, 2, 2, 1, 1, 1, 1);
    private static final String[] MAKES = {"TOYT", "HOND", "FORD", "NISS", "CHEV", "BMW", "MERZ", "VOLK", "HYUN",
            "DODG", "LEXS", "KIA", "JEEP", "AUDI", "MAZD", "TSLA", "SUBA"};
    private static final String[] BODIES = {"PA", "PA", "PA", "PA", "PU", "VN", "SU", "TK"};
    private static final String[] COLORS = {"BK", "WT", "GY", "SL", "BL", "RD", "GN", "BN", "MR", "GO"};

    private static final double LATE_SHARE = 0.04;
    private static final double RESEND_SHARE = 0.02;
    private static final double NO_FIX_SHARE = 0.08;

    private final long seed;
    private final double defectRate;
    private final Reprojection toStatePlane = Reprojection.of("EPSG:4326", "EPSG:2229");

    public ParkingCitationGenerator(long seed, double defectRate) {
        if (!(defectRate >= 0 && defectRate <= 0.5)) {
            throw new IllegalArgumentException("defect rate must be within 0..0.5, cannot be: " + defectRate);
        }
        this.seed = seed;
        this.defectRate = defectRate;
    }

    /** What was written: lines, the late and resent ones, those without a position, the broken ones. */
    public record Report(int files, long lines, long late, long resent, long withoutPosition, long broken) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d file(s), %,d citation lines: %,d written a day late, %,d resent"
                    + " from the day before, %,d without a position (99999), %,d broken on purpose", files, lines,
                    late, resent, withoutPosition, broken);
        }
    }

    /** Writes {@code days} files of about {@code perDay} citations each into {@code out}. */
    public Report write(Path out, int days, int perDay, LocalDate start) throws IOException {
        if (days < 1 || days > MAX_DAYS || perDay < 1 || perDay > MAX_PER_DAY) {
            throw new IllegalArgumentException("days must be 1.." + MAX_DAYS + " and citations per day 1.."
                    + MAX_PER_DAY + ", cannot be: " + days + ", " + perDay);
        }
        Files.createDirectories(out);
        long lines = 0;
        long late = 0;
        long resent = 0;
        long noFix = 0;
        long broken = 0;
        List<String[]> heldBack = new ArrayList<>();
        List<String[]> previous = List.of();
        for (int d = 0; d < days; d++) {
            LocalDate day = start.plusDays(d);
            Dice random = Dice.of(seed, d, 0x9a4c);
            List<String[]> rows = new ArrayList<>(heldBack);
            heldBack = new ArrayList<>();
            for (int i = 0; i < perDay; i++) {
                String[] row = citation(random, day, d, i);
                if (row[17].equals("99999")) {
                    noFix++;
                }
                if (d + 1 < days && random.unit() < LATE_SHARE) {
                    heldBack.add(row); // written with tomorrow's file
                    late++;
                } else {
                    rows.add(row);
                }
            }
            List<String[]> today = new ArrayList<>(rows);
            for (String[] row : previous) {
                if (random.unit() < RESEND_SHARE) {
                    rows.add(row);
                    resent++;
                }
            }
            previous = today;
            Path file = out.resolve("parking_citations_" + day + ".csv");
            try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
                os.write(CsvLine.encode(HEADER.toArray(String[]::new), -1).bytes());
                os.write('\n');
                for (String[] row : rows) {
                    String[] written = row;
                    if (random.unit() < defectRate) {
                        written = broken(random, row);
                        broken++;
                    }
                    os.write(CsvLine.encode(written, -1).bytes());
                    os.write('\n');
                    lines++;
                }
            }
        }
        return new Report(days, lines, late, resent, noFix, broken);
    }

    private String[] citation(Dice random, LocalDate day, int dayIndex, int i) {
        District district = DISTRICTS.get(DISTRICT_WEIGHTS.pick(random.unit()));
        Violation violation = VIOLATIONS.get(VIOLATION_WEIGHTS.pick(random.unit()));
        // enforcement hours: most citations between 7:00 and 19:00, street cleaning in the morning
        int minute = violation.code().equals("80.69BS") ? random.between(8 * 60, 12 * 60 - 1)
                : random.unit() < 0.9 ? random.between(7 * 60, 19 * 60 - 1) : random.between(0, 24 * 60 - 1);
        String x = "99999";
        String y = "99999";
        if (random.unit() >= NO_FIX_SHARE) {
            double lat = district.latitude() + gaussian(random) * district.spread();
            double lon = district.longitude() + gaussian(random) * district.spread();
            double[] feet = toStatePlane.apply(lon, lat);
            x = String.format(Locale.ROOT, "%.1f", feet[0]);
            y = String.format(Locale.ROOT, "%.1f", feet[1]);
        }
        String street = district.streets().get(random.below(district.streets().size()));
        boolean overtime = violation.code().equals("80.69C");
        return new String[] {
            String.valueOf(4_400_000_000L + (long) dayIndex * 10_000_000L + i),
            day + "T00:00:00.000",
            String.valueOf(minute / 60 * 100 + minute % 60),
            violation.metered() ? "WF" + random.between(10, 99) : "",
            overtime ? String.valueOf(Math.max(0, minute / 60 - 2) * 100 + minute % 60) : "",
            STATES[STATE_WEIGHTS.pick(random.unit())],
            random.unit() < 0.1 ? "" : String.valueOf(day.getYear() + random.between(0, 1)) + String.format(
                    Locale.ROOT, "%02d", random.between(1, 12)),
            "",
            MAKES[random.below(MAKES.length)],
            BODIES[random.below(BODIES.length)],
            COLORS[random.below(COLORS.length)],
            (random.between(1, 99) * 100 + random.between(0, 99)) + " " + street,
            String.format(Locale.ROOT, "%05d", district.agency() * 100 + random.between(1, 40)),
            String.valueOf(district.agency()),
            violation.code(),
            violation.description(),
            String.valueOf(violation.fine()),
            x,
            y};
    }

    /** A copy of the line with one defect: an impossible time, no ticket number, an unreadable fine, or cut. */
    private static String[] broken(Dice random, String[] row) {
        String[] copy = row.clone();
        switch (random.below(4)) {
            case 0 -> copy[2] = String.valueOf(2400 + random.between(1, 99)); // no such time
            case 1 -> copy[0] = "";
            case 2 -> copy[16] = "N/A";
            default -> {
                return java.util.Arrays.copyOf(copy, 12); // a line cut after the location
            }
        }
        return copy;
    }

    private static double gaussian(Dice random) {
        // Box-Muller: one standard normal draw from two uniform ones
        double u = Math.max(random.unit(), 1e-12);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.unit());
    }
}
