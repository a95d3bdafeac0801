package dev.strata.etl.generate;

import java.util.List;

/** Denver's 78 statistical neighbourhoods with a council district, police district and a centre point. */
final class DenverGeography {

    /** One neighbourhood. */
    record Neighborhood(String name, int councilDistrict, int policeDistrict, double longitude, double latitude,
            String zip) {
    }

    private static final String[] NAMES = {"Athmar Park", "Auraria", "Baker", "Barnum", "Barnum West", "Bear Valley",
        "Belcaro", "Berkeley", "Capitol Hill", "CBD", "Chaffee Park", "Cheesman Park", "Cherry Creek", "City Park",
        "City Park West", "Civic Center", "Clayton", "Cole", "College View - South Platte", "Congress Park",
        "Cory - Merrill", "Country Club", "DIA", "East Colfax", "Elyria Swansea", "Five Points", "Fort Logan",
        "Gateway - Green Valley Ranch", "Globeville", "Goldsmith", "Hale", "Hampden", "Hampden South", "Harvey Park",
        "Harvey Park South", "Highland", "Hilltop", "Indian Creek", "Jefferson Park", "Kennedy", "Lincoln Park",
        "Lowry Field", "Mar Lee", "Marston", "Montbello", "Montclair", "North Capitol Hill", "North Park Hill",
        "Northeast Park Hill", "Overland", "Platt Park", "Regis", "Rosedale", "Ruby Hill", "Skyland", "Sloan Lake",
        "South Park Hill", "Southmoor Park", "Speer", "Stapleton", "Sun Valley", "Sunnyside", "Union Station",
        "University", "University Hills", "University Park", "Valverde", "Villa Park", "Virginia Village",
        "Washington Park", "Washington Park West", "Washington Virginia Vale", "Wellshire", "West Colfax",
        "West Highland", "Westwood", "Whittier", "Windsor"};

    static final List<Neighborhood> NEIGHBORHOODS = build();

    private DenverGeography() {
    }

    private static List<Neighborhood> build() {
        Neighborhood[] result = new Neighborhood[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            // spread the centres over the city's box deterministically (golden-ratio sequence)
            double u = (i * 0.6180339887) % 1.0;
            double v = (i * 0.7548776662 + 0.31) % 1.0;
            double longitude = -105.08 + u * 0.44;
            double latitude = 39.63 + v * 0.25;
            result[i] = new Neighborhood(NAMES[i], i % 11 + 1, i % 7 + 1, longitude, latitude,
                    String.valueOf(80202 + (i * 7) % 48));
        }
        return List.of(result);
    }

    static final String[] STREETS = {"Colfax Ave", "Broadway", "Federal Blvd", "Colorado Blvd", "Speer Blvd",
        "Alameda Ave", "Evans Ave", "Hampden Ave", "Sheridan Blvd", "Quebec St", "Monaco Pkwy", "York St",
        "Downing St", "Logan St", "Santa Fe Dr", "38th Ave", "Montview Blvd", "Martin Luther King Jr Blvd",
        "Tower Rd", "Peoria St", "Havana St", "Yale Ave", "Jewell Ave", "Mississippi Ave", "Lowell Blvd",
        "Tennyson St", "Zuni St", "Washington St", "Lincoln St", "Sherman St"};
}
