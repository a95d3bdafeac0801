package dev.strata.samples;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Denver's 78 statistical neighborhoods (approximate centre, council district 1-11, police district
 * 1-7, main ZIP code, relative call volume) and the street grid the addresses are drawn from: each
 * north-south street sits at a longitude and each east-west street at a latitude, so an address or
 * intersection is always near the neighborhood it is reported in, and house numbers follow Denver's
 * grid (Broadway and Ellsworth Ave are the zero lines). The telemetry generator drives its vehicles along
 * the same streets.
 */
public final class DenverGeography {

    /** The city's bounding box; every generated coordinate of a good row is inside it. */
    static final double MIN_LONGITUDE = -105.11;
    static final double MAX_LONGITUDE = -104.60;
    static final double MIN_LATITUDE = 39.61;
    static final double MAX_LATITUDE = 39.91;

    /** Broadway: east of it is "E", west "W"; house numbers on east-west streets count from it. */
    private static final double BROADWAY = -104.9875;
    /** Ellsworth Ave: north of it is "N", south "S"; house numbers on north-south streets count from it. */
    private static final double ELLSWORTH = 39.7163;
    private static final double LONGITUDE_PER_HUNDRED = 0.00125;
    private static final double LATITUDE_PER_HUNDRED = 0.00159;

    /** One neighborhood. */
    record Neighborhood(String name, double latitude, double longitude, int councilDistrict, int policeDistrict,
            String zip, double weight) {

        Neighborhood {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(zip, "zip is null");
        }
    }

    /**
     * A street of the grid: a north-south street runs at a longitude ({@code position}) between two
     * latitudes ({@code from}, {@code to}), an east-west street at a latitude between two longitudes.
     */
    public record Street(String name, boolean northSouth, double position, double from, double to) {

        public Street {
            Objects.requireNonNull(name, "name is null");
        }

        /** Whether the street passes a neighborhood's centre, give or take a few blocks. */
        boolean passes(Neighborhood hood) {
            double along = northSouth ? hood.latitude() : hood.longitude();
            return along >= from - 0.01 && along <= to + 0.01;
        }

        /** The street's name with Denver's direction prefix for a point at the given place. */
        String named(double latitude, double longitude) {
            if (northSouth) {
                return (latitude >= ELLSWORTH ? "N " : "S ") + name;
            }
            return (longitude >= BROADWAY ? "E " : "W ") + name;
        }

        /** The block number (a multiple of 100) of a point on this street. */
        int block(double latitude, double longitude) {
            double distance = northSouth ? Math.abs(latitude - ELLSWORTH) / LATITUDE_PER_HUNDRED
                    : Math.abs(longitude - BROADWAY) / LONGITUDE_PER_HUNDRED;
            return (int) Math.min(209, Math.floor(distance)) * 100;
        }
    }

    static final List<Neighborhood> NEIGHBORHOODS = List.of(
            new Neighborhood("Athmar Park", 39.7010, -105.0100, 7, 4, "80223", 1.6),
            new Neighborhood("Auraria", 39.7440, -105.0060, 3, 6, "80204", 0.4),
            new Neighborhood("Baker", 39.7170, -104.9920, 7, 3, "80223", 1.6),
            new Neighborhood("Barnum", 39.7180, -105.0310, 3, 4, "80219", 1.2),
            new Neighborhood("Barnum West", 39.7180, -105.0460, 3, 4, "80219", 1.0),
            new Neighborhood("Bear Valley", 39.6600, -105.0700, 2, 4, "80227", 1.2),
            new Neighborhood("Belcaro", 39.7030, -104.9460, 5, 3, "80209", 0.8),
            new Neighborhood("Berkeley", 39.7790, -105.0450, 1, 1, "80212", 1.5),
            new Neighborhood("Capitol Hill", 39.7310, -104.9800, 10, 6, "80203", 2.6),
            new Neighborhood("CBD", 39.7470, -104.9930, 10, 6, "80202", 2.0),
            new Neighborhood("Chaffee Park", 39.7860, -105.0200, 1, 1, "80221", 0.7),
            new Neighborhood("Cheesman Park", 39.7330, -104.9660, 10, 6, "80218", 1.4),
            new Neighborhood("Cherry Creek", 39.7170, -104.9530, 10, 3, "80206", 1.2),
            new Neighborhood("City Park", 39.7470, -104.9500, 9, 2, "80205", 0.5),
            new Neighborhood("City Park West", 39.7470, -104.9660, 9, 6, "80205", 1.0),
            new Neighborhood("Civic Center", 39.7370, -104.9880, 10, 6, "80202", 0.8),
            new Neighborhood("Clayton", 39.7650, -104.9490, 9, 2, "80205", 0.9),
            new Neighborhood("Cole", 39.7650, -104.9620, 9, 2, "80205", 0.9),
            new Neighborhood("College View - South Platte", 39.6640, -105.0050, 7, 4, "80236", 1.4),
            new Neighborhood("Congress Park", 39.7330, -104.9490, 10, 3, "80206", 1.4),
            new Neighborhood("Cory - Merrill", 39.6950, -104.9460, 6, 3, "80210", 0.8),
            new Neighborhood("Country Club", 39.7190, -104.9640, 10, 3, "80209", 0.5),
            new Neighborhood("DIA", 39.8560, -104.6740, 11, 7, "80249", 0.3),
            new Neighborhood("East Colfax", 39.7390, -104.8900, 5, 2, "80220", 1.8),
            new Neighborhood("Elyria Swansea", 39.7850, -104.9620, 9, 2, "80216", 1.4),
            new Neighborhood("Five Points", 39.7560, -104.9850, 9, 6, "80205", 2.4),
            new Neighborhood("Fort Logan", 39.6450, -105.0360, 2, 4, "80236", 0.9),
            new Neighborhood("Gateway - Green Valley Ranch", 39.7870, -104.7750, 11, 5, "80249", 2.8),
            new Neighborhood("Globeville", 39.7870, -104.9880, 9, 1, "80216", 0.9),
            new Neighborhood("Goldsmith", 39.6650, -104.9160, 4, 3, "80222", 0.8),
            new Neighborhood("Hale", 39.7310, -104.9340, 5, 3, "80220", 0.9),
            new Neighborhood("Hampden", 39.6580, -104.8930, 4, 3, "80231", 1.6),
            new Neighborhood("Hampden South", 39.6420, -104.8930, 4, 3, "80237", 1.7),
            new Neighborhood("Harvey Park", 39.6730, -105.0370, 2, 4, "80219", 1.4),
            new Neighborhood("Harvey Park South", 39.6620, -105.0360, 2, 4, "80236", 1.0),
            new Neighborhood("Highland", 39.7610, -105.0130, 1, 1, "80211", 1.7),
            new Neighborhood("Hilltop", 39.7180, -104.9300, 5, 3, "80246", 0.9),
            new Neighborhood("Indian Creek", 39.6870, -104.8900, 5, 3, "80231", 0.5),
            new Neighborhood("Jefferson Park", 39.7550, -105.0190, 1, 1, "80211", 0.6),
            new Neighborhood("Kennedy", 39.6670, -104.8730, 4, 3, "80231", 0.6),
            new Neighborhood("Lincoln Park", 39.7330, -105.0000, 3, 6, "80204", 1.3),
            new Neighborhood("Lowry Field", 39.7170, -104.8930, 5, 3, "80230", 1.0),
            new Neighborhood("Mar Lee", 39.6880, -105.0370, 2, 4, "80219", 1.4),
            new Neighborhood("Marston", 39.6230, -105.0730, 2, 4, "80123", 1.1),
            new Neighborhood("Montbello", 39.7830, -104.8330, 8, 5, "80239", 2.8),
            new Neighborhood("Montclair", 39.7340, -104.9120, 5, 2, "80220", 0.8),
            new Neighborhood("North Capitol Hill", 39.7440, -104.9800, 10, 6, "80203", 1.2),
            new Neighborhood("North Park Hill", 39.7570, -104.9240, 8, 2, "80207", 1.0),
            new Neighborhood("Northeast Park Hill", 39.7670, -104.9290, 8, 2, "80207", 1.2),
            new Neighborhood("Overland", 39.6870, -104.9990, 7, 3, "80223", 0.8),
            new Neighborhood("Platt Park", 39.6880, -104.9810, 7, 3, "80210", 0.9),
            new Neighborhood("Regis", 39.7880, -105.0320, 1, 1, "80221", 0.8),
            new Neighborhood("Rosedale", 39.6800, -104.9800, 7, 3, "80210", 0.6),
            new Neighborhood("Ruby Hill", 39.6890, -105.0130, 7, 4, "80223", 1.1),
            new Neighborhood("Skyland", 39.7600, -104.9430, 9, 2, "80205", 0.6),
            new Neighborhood("Sloan Lake", 39.7460, -105.0460, 1, 1, "80204", 1.0),
            new Neighborhood("South Park Hill", 39.7430, -104.9230, 8, 2, "80220", 1.0),
            new Neighborhood("Southmoor Park", 39.6480, -104.9120, 4, 3, "80237", 0.6),
            new Neighborhood("Speer", 39.7220, -104.9800, 7, 3, "80218", 1.3),
            new Neighborhood("Central Park", 39.7610, -104.8800, 8, 2, "80238", 2.5),
            new Neighborhood("Sun Valley", 39.7340, -105.0200, 3, 1, "80204", 0.4),
            new Neighborhood("Sunnyside", 39.7770, -105.0110, 1, 1, "80211", 1.3),
            new Neighborhood("Union Station", 39.7560, -104.9990, 9, 6, "80202", 1.1),
            new Neighborhood("University", 39.6780, -104.9620, 6, 3, "80210", 1.0),
            new Neighborhood("University Hills", 39.6600, -104.9400, 4, 3, "80222", 0.8),
            new Neighborhood("University Park", 39.6780, -104.9450, 6, 3, "80210", 0.9),
            new Neighborhood("Valverde", 39.7170, -105.0150, 3, 4, "80223", 0.7),
            new Neighborhood("Villa Park", 39.7310, -105.0330, 3, 1, "80204", 1.0),
            new Neighborhood("Virginia Village", 39.6800, -104.9220, 6, 3, "80222", 1.6),
            new Neighborhood("Washington Park", 39.7040, -104.9680, 7, 3, "80209", 0.9),
            new Neighborhood("Washington Park West", 39.7030, -104.9810, 7, 3, "80209", 1.1),
            new Neighborhood("Washington Virginia Vale", 39.7030, -104.9160, 5, 3, "80224", 1.1),
            new Neighborhood("Wellshire", 39.6680, -104.9460, 6, 3, "80222", 0.5),
            new Neighborhood("West Colfax", 39.7390, -105.0350, 3, 1, "80204", 1.3),
            new Neighborhood("West Highland", 39.7620, -105.0450, 1, 1, "80212", 1.2),
            new Neighborhood("Westwood", 39.7000, -105.0370, 3, 4, "80219", 2.0),
            new Neighborhood("Whittier", 39.7580, -104.9650, 9, 2, "80205", 0.8),
            new Neighborhood("Windsor", 39.7000, -104.8930, 5, 3, "80224", 1.2));

    private static final List<Street> STREETS = List.of(
            // north-south: longitude, then the latitudes it runs between
            ns("Sheridan Blvd", -105.0532, 39.61, 39.80),
            ns("Tennyson St", -105.0437, 39.62, 39.80),
            ns("Perry St", -105.0390, 39.64, 39.79),
            ns("Lowell Blvd", -105.0343, 39.62, 39.80),
            ns("Irving St", -105.0296, 39.63, 39.79),
            ns("Federal Blvd", -105.0250, 39.61, 39.80),
            ns("Zuni St", -105.0155, 39.65, 39.80),
            ns("Pecos St", -105.0062, 39.74, 39.80),
            ns("Santa Fe Dr", -104.9980, 39.63, 39.73),
            ns("Broadway", -104.9875, 39.62, 39.80),
            ns("Sherman St", -104.9848, 39.63, 39.76),
            ns("Logan St", -104.9823, 39.63, 39.76),
            ns("Pearl St", -104.9800, 39.63, 39.76),
            ns("Washington St", -104.9790, 39.63, 39.80),
            ns("Clarkson St", -104.9770, 39.66, 39.76),
            ns("Ogden St", -104.9747, 39.66, 39.76),
            ns("Downing St", -104.9732, 39.65, 39.77),
            ns("Marion St", -104.9722, 39.66, 39.75),
            ns("Williams St", -104.9652, 39.67, 39.77),
            ns("Vine St", -104.9612, 39.68, 39.78),
            ns("York St", -104.9595, 39.70, 39.80),
            ns("University Blvd", -104.9590, 39.62, 39.72),
            ns("Josephine St", -104.9570, 39.66, 39.79),
            ns("Colorado Blvd", -104.9407, 39.62, 39.79),
            ns("Dahlia St", -104.9317, 39.66, 39.79),
            ns("Holly St", -104.9225, 39.62, 39.79),
            ns("Monaco Pkwy", -104.9127, 39.63, 39.79),
            ns("Quebec St", -104.9035, 39.62, 39.80),
            ns("Uinta St", -104.8800, 39.74, 39.79),
            ns("Havana St", -104.8660, 39.62, 39.76),
            ns("Peoria St", -104.8470, 39.74, 39.80),
            ns("Chambers Rd", -104.8090, 39.76, 39.82),
            ns("Picadilly Rd", -104.7910, 39.78, 39.87),
            ns("Tower Rd", -104.7720, 39.77, 39.86),
            ns("Jackson Gap St", -104.7400, 39.78, 39.86),
            ns("Pena Blvd", -104.7000, 39.78, 39.88),
            // east-west: latitude, then the longitudes it runs between
            ew("Quincy Ave", 39.6380, -105.10, -104.85),
            ew("Hampden Ave", 39.6530, -105.08, -104.85),
            ew("Dartmouth Ave", 39.6600, -105.08, -104.88),
            ew("Yale Ave", 39.6680, -105.08, -104.88),
            ew("Iliff Ave", 39.6750, -105.06, -104.86),
            ew("Evans Ave", 39.6785, -105.08, -104.88),
            ew("Jewell Ave", 39.6820, -105.08, -104.86),
            ew("Florida Ave", 39.6890, -105.08, -104.88),
            ew("Louisiana Ave", 39.6930, -105.06, -104.93),
            ew("Mississippi Ave", 39.6970, -105.08, -104.86),
            ew("Kentucky Ave", 39.7010, -105.08, -104.96),
            ew("Alameda Ave", 39.7110, -105.08, -104.86),
            ew("Bayaud Ave", 39.7150, -105.05, -104.90),
            ew("1st Ave", 39.7183, -105.05, -104.88),
            ew("6th Ave", 39.7255, -105.08, -104.88),
            ew("8th Ave", 39.7290, -105.05, -104.88),
            ew("13th Ave", 39.7365, -105.05, -104.88),
            ew("Colfax Ave", 39.7401, -105.08, -104.86),
            ew("17th Ave", 39.7434, -105.05, -104.90),
            ew("20th Ave", 39.7485, -105.05, -104.88),
            ew("Montview Blvd", 39.7500, -104.96, -104.86),
            ew("26th Ave", 39.7543, -105.05, -104.85),
            ew("Martin Luther King Jr Blvd", 39.7580, -104.98, -104.85),
            ew("32nd Ave", 39.7620, -105.06, -104.92),
            ew("35th Ave", 39.7675, -105.06, -104.90),
            ew("38th Ave", 39.7695, -105.08, -104.85),
            ew("Smith Rd", 39.7720, -104.92, -104.78),
            ew("40th Ave", 39.7730, -105.05, -104.80),
            ew("44th Ave", 39.7765, -105.06, -104.88),
            ew("47th Ave", 39.7820, -105.06, -104.82),
            ew("Albrook Dr", 39.7860, -104.86, -104.80),
            ew("Green Valley Ranch Blvd", 39.7920, -104.80, -104.70),
            ew("56th Ave", 39.8000, -104.88, -104.68),
            ew("64th Ave", 39.8140, -104.85, -104.65),
            ew("72nd Ave", 39.8285, -104.85, -104.65));

    /**
     * Per neighborhood: the three nearest north-south streets, then the three nearest east-west ones,
     * among the streets that pass it.
     */
    private static final List<List<Street>> NEARBY = nearby();

    /** Other Denver-area ZIP codes a caller may live in. */
    static final List<String> CALLER_ZIPS = List.of("80202", "80203", "80204", "80205", "80206", "80207", "80209",
            "80210", "80211", "80212", "80216", "80218", "80219", "80220", "80222", "80223", "80224", "80227",
            "80230", "80231", "80236", "80237", "80238", "80239", "80246", "80249", "80010", "80033", "80110",
            "80012", "80014");

    private DenverGeography() {
    }

    private static Street ns(String name, double longitude, double fromLatitude, double toLatitude) {
        return new Street(name, true, longitude, fromLatitude, toLatitude);
    }

    private static Street ew(String name, double latitude, double fromLongitude, double toLongitude) {
        return new Street(name, false, latitude, fromLongitude, toLongitude);
    }

    /** Every street of the grid: the north-south ones, then the east-west ones. */
    public static List<Street> streets() {
        return STREETS;
    }

    /** The streets near a neighborhood: three north-south ones, then three east-west ones. */
    static List<Street> nearby(int neighborhood) {
        return NEARBY.get(neighborhood);
    }

    private static List<List<Street>> nearby() {
        List<List<Street>> result = new ArrayList<>();
        for (Neighborhood n : NEIGHBORHOODS) {
            List<Street> near = new ArrayList<>();
            near.addAll(STREETS.stream().filter(s -> s.northSouth() && s.passes(n))
                    .sorted(Comparator.comparingDouble(s -> Math.abs(s.position() - n.longitude()))).limit(3).toList());
            near.addAll(STREETS.stream().filter(s -> !s.northSouth() && s.passes(n))
                    .sorted(Comparator.comparingDouble(s -> Math.abs(s.position() - n.latitude()))).limit(3).toList());
            if (near.size() != 6) {
                throw new IllegalStateException("fewer than three streets each way pass " + n.name());
            }
            result.add(List.copyOf(near));
        }
        return List.copyOf(result);
    }
}
