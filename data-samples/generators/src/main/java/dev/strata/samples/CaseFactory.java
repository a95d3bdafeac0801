package dev.strata.samples;

import dev.strata.samples.DenverGeography.Neighborhood;
import dev.strata.samples.DenverGeography.Street;
import dev.strata.samples.ServiceCatalog.Kind;
import dev.strata.samples.ServiceCatalog.Place;
import dev.strata.samples.ServiceCatalog.Season;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Makes the good case at a position of the sequence. A case depends only on the seed, its index and
 * the length of the sequence, never on the cases before it, so any earlier case can be made again
 * (that is how duplicates are written without keeping rows in memory).
 *
 * <p>Cases come in creation order: the first half of the sequence is created in 2024 and the second
 * half in 2025, each index placed at its quantile of the year's volume, so splitting the sequence in
 * two files gives one file per year.
 */
final class CaseFactory {

    /** Case ids grow by 1 to 3 per index: unique, increasing, with gaps. */
    static final long FIRST_CASE_ID = 1_000_000L;
    private static final long SALT = 0x311_0001L;
    private static final double MULTILINE_SHARE = 0.004;
    private static final double STALE_SHARE = 0.05;
    private static final List<String> UNITS = List.of("Apt 1", "Apt 2", "Apt 3B", "Unit 4", "Unit 12", "Apt 205",
            "Ste 100", "Unit A", "Unit B", "Apt 7");

    private final long seed;
    private final CreationCalendar calendar;
    private final Weights[] kindsByDay;
    private final Weights neighborhoods;
    private final Weights sources = new Weights(ServiceCatalog.SOURCE_WEIGHTS);
    private final Weights informationSources = new Weights(ServiceCatalog.INFORMATION_SOURCE_WEIGHTS);

    CaseFactory(long seed) {
        this.seed = seed;
        this.calendar = new CreationCalendar(seed);
        this.kindsByDay = new Weights[CreationCalendar.DAYS];
        for (int d = 0; d < CreationCalendar.DAYS; d++) {
            LocalDate date = CreationCalendar.FIRST_DAY.plusDays(d);
            double[] weights = new double[ServiceCatalog.KINDS.size()];
            for (int k = 0; k < weights.length; k++) {
                Kind kind = ServiceCatalog.KINDS.get(k);
                double weight = kind.weight() * kind.season().factor(date.getMonthValue());
                if (kind.season() == Season.SNOW && calendar.snowDay(date)) {
                    weight *= 10;
                }
                if (kind.season() == Season.POTHOLES && calendar.afterSnow(date)) {
                    weight *= 1.6;
                }
                weights[k] = weight;
            }
            kindsByDay[d] = new Weights(weights);
        }
        double[] byVolume = DenverGeography.NEIGHBORHOODS.stream().mapToDouble(Neighborhood::weight).toArray();
        this.neighborhoods = new Weights(byVolume);
    }

    /** A well-mixed, independent stream of randomness for one index and purpose. */
    static Dice random(long seed, long index, long salt) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1) + salt * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Dice(z ^ (z >>> 31));
    }

    /** The good case at {@code index} of a sequence of {@code count}. */
    ServiceRequest create(long index, long count) {
        Dice random = random(seed, index, SALT);
        long caseId = FIRST_CASE_ID + 3 * index + random.nextInt(3);
        long firstYearRows = count / 2;
        boolean firstYear = index < firstYearRows;
        long position = firstYear ? index : index - firstYearRows;
        long rowsInYear = firstYear ? firstYearRows : count - firstYearRows;
        LocalDate day = calendar.day(CreationCalendar.FIRST_YEAR + (firstYear ? 0 : 1),
                (position + random.nextDouble()) / rowsInYear);

        Kind kind = ServiceCatalog.KINDS.get(kindsByDay[CreationCalendar.index(day)].pick(random.nextDouble()));
        String source = ServiceCatalog.SOURCES.get(
                (kind.information() ? informationSources : sources).pick(random.nextDouble()));
        boolean online = source.equals("Web") || source.startsWith("Mobile") || source.equals("Social Media");
        LocalDateTime created = CreationCalendar.existing(day.atTime(CreationCalendar.hour(random.nextDouble(), online),
                random.nextInt(60), random.nextInt(60)));

        Location location = kind.place() == Place.NONE ? Location.NOWHERE : locate(kind.place(), random);
        String summary = kind.summaries().get(random.nextInt(kind.summaries().size()))
                .replace("{at}", location.at()).replace("{street}", location.street());
        if (random.nextDouble() < MULTILINE_SHARE) {
            summary = summary + "\n" + ServiceCatalog.NOTES.get(random.nextInt(ServiceCatalog.NOTES.size()));
        }
        String customerZip = customerZip(location.zip(), random);

        // resolution: first-call answers close within minutes, the rest after a log-normal delay
        boolean firstCall = random.nextDouble() < (kind.information() ? 0.85 : 0.03);
        long seconds = firstCall ? 30 + random.nextInt(20 * 60)
                : Math.max(120, (long) (kind.medianHours() * 3600 * Math.exp(kind.sigma() * gaussian(random))));
        LocalDateTime closed = CreationCalendar.existing(created.plusSeconds(seconds));
        String status = ServiceCatalog.CLOSED;
        boolean stale = random.nextDouble() < STALE_SHARE && !firstCall;
        double statusRoll = random.nextDouble();
        if (stale || closed.isAfter(CreationCalendar.EXTRACT_TIME)) {
            long ageHours = Duration.between(created, CreationCalendar.EXTRACT_TIME).toHours();
            status = statusRoll < (ageHours < 72 ? 0.75 : 0.45) ? ServiceCatalog.OPEN : ServiceCatalog.IN_PROGRESS;
            closed = null;
            firstCall = false;
        }
        return new ServiceRequest(caseId, summary, status, source, created, closed, firstCall, customerZip,
                location.address1(), location.address2(), location.intersection1(), location.intersection2(),
                location.zip(), location.longitude(), location.latitude(), kind.agency(), kind.division(),
                kind.majorArea(), kind.type(), kind.topic(), location.councilDistrict(), location.policeDistrict(),
                location.neighborhood());
    }

    /** Where a case is: an address or an intersection near a neighborhood's centre, maybe geocoded. */
    private record Location(String at, String street, String address1, String address2, String intersection1,
            String intersection2, String zip, Double longitude, Double latitude, Integer councilDistrict,
            Integer policeDistrict, String neighborhood) {

        static final Location NOWHERE = new Location("", "", null, null, null, null, null, null, null, null, null,
                null);

        Location {
            Objects.requireNonNull(at, "at is null");
            Objects.requireNonNull(street, "street is null");
        }
    }

    private Location locate(Place place, Dice random) {
        int index = neighborhoods.pick(random.nextDouble());
        Neighborhood hood = DenverGeography.NEIGHBORHOODS.get(index);
        double latitude = clamp(hood.latitude() + 0.0045 * gaussian(random), DenverGeography.MIN_LATITUDE,
                DenverGeography.MAX_LATITUDE);
        double longitude = clamp(hood.longitude() + 0.006 * gaussian(random), DenverGeography.MIN_LONGITUDE,
                DenverGeography.MAX_LONGITUDE);
        List<Street> near = DenverGeography.nearby(index);
        Street northSouth = near.get(random.nextInt(3));
        Street eastWest = near.get(3 + random.nextInt(3));
        boolean atAddress = place == Place.ADDRESS || random.nextDouble() < 0.45;
        boolean geocoded = random.nextDouble() < (atAddress ? 0.8 : 0.65);
        Double lon = geocoded ? round6(longitude) : null;
        Double lat = geocoded ? round6(latitude) : null;
        if (atAddress) {
            Street street = random.nextBoolean() ? northSouth : eastWest;
            int number = street.block(latitude, longitude) + 1 + random.nextInt(98);
            String name = street.named(latitude, longitude);
            String address1 = number + " " + name;
            String address2 = random.nextDouble() < 0.07 ? UNITS.get(random.nextInt(UNITS.size())) : null;
            return new Location(address1, name, address1, address2, null, null, hood.zip(), lon, lat,
                    hood.councilDistrict(), hood.policeDistrict(), hood.name());
        }
        String first = northSouth.named(latitude, longitude);
        String second = eastWest.named(latitude, longitude);
        String zip = random.nextDouble() < 0.7 ? hood.zip() : null;
        return new Location(first + " & " + second, random.nextBoolean() ? first : second, null, null, first, second,
                zip, lon, lat, hood.councilDistrict(), hood.policeDistrict(), hood.name());
    }

    private static String customerZip(String incidentZip, Dice random) {
        double roll = random.nextDouble();
        if (roll < 0.15) {
            return null;
        }
        if (roll < 0.7 && incidentZip != null) {
            return incidentZip;
        }
        return DenverGeography.CALLER_ZIPS.get(random.nextInt(DenverGeography.CALLER_ZIPS.size()));
    }

    /** A standard normal value, cut at four standard deviations. */
    static double gaussian(Dice random) {
        double u = Math.max(1e-12, random.nextDouble());
        double value = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
        return Math.max(-4, Math.min(4, value));
    }

    static double round6(double value) {
        return Math.round(value * 1_000_000d) / 1_000_000d;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min + 0.001, Math.min(max - 0.001, value));
    }
}
