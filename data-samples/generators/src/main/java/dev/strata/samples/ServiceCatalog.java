package dev.strata.samples;

import java.util.List;
import java.util.Objects;

/**
 * What Denver's 311 routes where: agency &gt; division &gt; major area &gt; type &gt; topic, how common
 * each kind of request is, when in the year it peaks, how long it usually takes to close and how
 * callers describe it. Also the case sources and statuses.
 */
final class ServiceCatalog {

    static final String DOTI = "Transportation & Infrastructure";
    static final String CPD = "Community Planning & Development";
    static final String DDPHE = "Public Health & Environment";
    static final String PARKS = "Parks & Recreation";
    static final String EXCISE = "Excise & Licenses";
    static final String POLICE = "Denver Police Department";
    static final String CUSTOMER_SERVICE = "311 Customer Service";
    static final String HOUSING = "Housing Stability";
    static final String FINANCE = "Finance";

    /** The statuses of good rows; "Closed" is the resolved one. */
    static final List<String> STATUSES = List.of("Closed", "Open", "In Progress");
    static final String CLOSED = "Closed";
    static final String OPEN = "Open";
    static final String IN_PROGRESS = "In Progress";

    static final List<String> SOURCES = List.of("Phone", "Web", "Mobile App (PocketGov)", "Email", "Walk-In",
            "Social Media");
    static final double[] SOURCE_WEIGHTS = {42, 22, 20, 9, 3, 4};
    /** Information calls are nearly all by phone. */
    static final double[] INFORMATION_SOURCE_WEIGHTS = {86, 4, 2, 5, 2, 1};

    /** When in the year a kind of request comes in: a factor per month, January first. */
    enum Season {
        FLAT(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
        /** Freeze-thaw: potholes open up in late winter and spring. */
        POTHOLES(1.4, 1.9, 2.0, 1.6, 1.1, 0.7, 0.6, 0.6, 0.6, 0.7, 0.9, 1.1),
        /** Snow, and far more right after a storm (see {@link CreationCalendar}). */
        SNOW(2.0, 2.2, 1.9, 0.8, 0.1, 0, 0, 0, 0.05, 0.4, 1.6, 2.1),
        SUMMER(0.6, 0.6, 0.8, 1.0, 1.2, 1.4, 1.5, 1.4, 1.2, 1.0, 0.7, 0.6),
        WEEDS(0.1, 0.1, 0.2, 0.6, 1.6, 2.6, 2.8, 2.4, 1.5, 0.6, 0.2, 0.1),
        COMPOST(0.4, 0.3, 0.6, 1.1, 1.4, 1.5, 1.5, 1.5, 1.4, 1.3, 1.2, 0.5),
        /** Property tax bills go out in January and are due by April. */
        TAX(1.0, 2.5, 2.5, 2.0, 0.8, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.8),
        /** Long nights: broken streetlights get noticed. */
        NIGHTS(1.4, 1.3, 1.1, 0.9, 0.7, 0.6, 0.6, 0.7, 0.9, 1.2, 1.4, 1.5);

        private final double[] byMonth;

        Season(double... byMonth) {
            this.byMonth = byMonth;
        }

        double factor(int month) {
            return byMonth[month - 1];
        }
    }

    /** Where a request is reported: at an address, on a street (often an intersection), or nowhere. */
    enum Place {
        ADDRESS, STREET, NONE
    }

    /**
     * One kind of request.
     *
     * @param medianHours median hours from created to closed (a log-normal delay with spread {@code sigma})
     * @param information an information call, usually answered and closed on the first call
     * @param summaries how callers describe it: {@code {at}} is the address or intersection, {@code {street}}
     *     a street name
     */
    record Kind(String agency, String division, String majorArea, String type, String topic, double weight,
            Season season, Place place, double medianHours, double sigma, boolean information,
            List<String> summaries) {

        Kind {
            Objects.requireNonNull(agency, "agency is null");
            Objects.requireNonNull(division, "division is null");
            Objects.requireNonNull(majorArea, "majorArea is null");
            Objects.requireNonNull(type, "type is null");
            Objects.requireNonNull(topic, "topic is null");
            Objects.requireNonNull(season, "season is null");
            Objects.requireNonNull(place, "place is null");
            summaries = List.copyOf(Objects.requireNonNull(summaries, "summaries is null"));
        }
    }

    static final List<Kind> KINDS = List.of(
            new Kind(DOTI, "Street Maintenance", "Streets", "Pothole", "Pothole Repair", 8, Season.POTHOLES,
                    Place.STREET, 60, 1.0, false, List.of("Pothole on {street}", "Pothole at {at}",
                            "Multiple potholes on {street}", "Caller says \"huge pothole\" at {at}, damaged tire",
                            "Deep pothole in right lane, {street}")),
            new Kind(DOTI, "Street Maintenance", "Streets", "Street Sweeping", "Street Sweeping Request", 1.5,
                    Season.SUMMER, Place.STREET, 120, 0.8, false, List.of("Street sweeping needed on {street}",
                            "Gravel and debris in roadway, {street}")),
            new Kind(DOTI, "Street Maintenance", "Snow", "Snow Removal", "Unplowed Street", 2.5, Season.SNOW,
                    Place.STREET, 36, 0.9, false, List.of("Street not plowed: {street}",
                            "Snow and ice on {street}, cars getting stuck", "Residential street unplowed near {at}")),
            new Kind(DOTI, "Street Maintenance", "Sidewalks", "Sidewalk Repair", "Sidewalk Damage", 1.3,
                    Season.FLAT, Place.ADDRESS, 500, 0.8, false, List.of("Uneven sidewalk, trip hazard",
                            "Broken sidewalk on {street}")),
            new Kind(DOTI, "Solid Waste Management", "Trash", "Missed Trash Pickup", "Missed Trash", 10,
                    Season.FLAT, Place.ADDRESS, 26, 0.6, false,
                    List.of("Missed trash pickup", "Missed trash on {street}",
                            "Trash not collected, whole block", "Black cart not emptied")),
            new Kind(DOTI, "Solid Waste Management", "Recycling", "Missed Recycling Pickup", "Missed Recycling", 7,
                    Season.FLAT, Place.ADDRESS, 30, 0.6, false,
                    List.of("Missed recycling", "Missed recycling on {street}",
                            "Purple cart not emptied, alley pickup")),
            new Kind(DOTI, "Solid Waste Management", "Compost", "Missed Compost Pickup", "Missed Compost", 2,
                    Season.COMPOST, Place.ADDRESS, 30, 0.6, false,
                    List.of("Missed compost", "Green cart not collected")),
            new Kind(DOTI, "Solid Waste Management", "Large Item", "Large Item Pickup", "Large Item Pickup Request",
                    4, Season.SUMMER, Place.ADDRESS, 96, 0.7, false, List.of("Large item pickup request",
                            "Couch and mattress for pickup")),
            new Kind(DOTI, "Solid Waste Management", "Carts", "Cart Repair or Replacement", "Damaged Cart", 3,
                    Season.FLAT, Place.ADDRESS, 120, 0.7, false,
                    List.of("Trash cart lid broken", "Replace stolen recycling cart")),
            new Kind(DOTI, "Traffic Operations", "Signals", "Traffic Signal Malfunction", "Signal Out", 2,
                    Season.FLAT, Place.STREET, 6, 1.2, false, List.of("Signal out at {at}",
                            "Light stuck on red at {at}", "Signal \"flashing red\" at {at}")),
            new Kind(DOTI, "Traffic Operations", "Signs", "Street Sign Damaged", "Sign Repair", 2, Season.FLAT,
                    Place.STREET, 96, 0.9, false, List.of("Stop sign knocked down at {at}",
                            "Street sign missing at {at}")),
            new Kind(DOTI, "Traffic Operations", "Streetlights", "Streetlight Out", "Streetlight", 1.5,
                    Season.NIGHTS, Place.STREET, 200, 0.8, false, List.of("Streetlight out on {street}",
                            "Several streetlights dark near {at}")),
            new Kind(DOTI, "Right of Way Enforcement", "Parking", "Abandoned Vehicle", "Abandoned Vehicle", 6,
                    Season.FLAT, Place.STREET, 140, 0.9, false, List.of("Abandoned vehicle on {street}",
                            "Abandoned vehicle, silver sedan, no plates, {street}",
                            "Car parked over 72 hours on {street}", "Abandoned \"white van\" on {street}")),
            new Kind(DOTI, "Right of Way Enforcement", "Parking", "Illegal Parking", "Parking Violation", 4,
                    Season.FLAT, Place.STREET, 3, 1.0, false, List.of("Vehicle blocking driveway at {at}",
                            "Car parked in bike lane on {street}")),
            new Kind(DOTI, "Wastewater Management", "Storm Drains", "Clogged Storm Drain", "Storm Drain", 1.2,
                    Season.SUMMER, Place.STREET, 96, 0.9, false, List.of("Storm drain clogged at {at}",
                            "Flooding at {at}, drain blocked")),
            new Kind(DOTI, "Graffiti Removal", "Graffiti", "Graffiti Removal", "Graffiti", 4, Season.SUMMER,
                    Place.ADDRESS, 72, 0.8, false, List.of("Graffiti on fence, alley",
                            "Graffiti on garage door", "Graffiti on {street}")),
            new Kind(CPD, "Neighborhood Inspection Services", "Property", "Weeds and Vegetation", "Overgrown Weeds",
                    3.5, Season.WEEDS, Place.ADDRESS, 240, 0.8, false,
                    List.of("Overgrown weeds", "Weeds over 12 inches, vacant lot")),
            new Kind(CPD, "Neighborhood Inspection Services", "Property", "Trash on Property", "Junk and Debris",
                    3.5, Season.FLAT, Place.ADDRESS, 240, 0.8, false, List.of("Trash and junk in yard",
                            "Mattresses dumped in alley off {street}")),
            new Kind(CPD, "Neighborhood Inspection Services", "Zoning", "Zoning Violation", "Zoning Complaint", 1.5,
                    Season.FLAT, Place.ADDRESS, 400, 0.9, false, List.of("Possible illegal unit",
                            "Business operating from a home")),
            new Kind(CPD, "Building Inspection", "Construction", "Work Without Permit", "Building Complaint", 1,
                    Season.SUMMER, Place.ADDRESS, 300, 0.9, false, List.of("Construction without permit",
                            "Construction noise before 7 AM")),
            new Kind(DDPHE, "Animal Protection", "Animals", "Barking Dog", "Barking Dog", 2, Season.SUMMER,
                    Place.ADDRESS, 120, 0.9, false, List.of("Barking dog",
                            "Dog barking \"all day and night\"")),
            new Kind(DDPHE, "Animal Protection", "Animals", "Animal at Large", "Stray Animal", 2, Season.SUMMER,
                    Place.STREET, 8, 1.2, false, List.of("Loose dog near {at}", "Injured stray cat on {street}")),
            new Kind(DDPHE, "Environmental Quality", "Noise", "Noise Complaint", "Noise", 2, Season.SUMMER,
                    Place.ADDRESS, 168, 0.9, false, List.of("Loud music from neighbor",
                            "Noise from construction, after hours")),
            new Kind(DDPHE, "Public Health Inspections", "Food Safety", "Restaurant Complaint", "Food Safety", 0.8,
                    Season.FLAT, Place.ADDRESS, 72, 0.8, false,
                    List.of("Restaurant complaint", "Food safety complaint, {street}")),
            new Kind(DDPHE, "Environmental Quality", "Air Quality", "Odor Complaint", "Odor", 0.5, Season.SUMMER,
                    Place.STREET, 72, 0.8, false, List.of("Strong odor near {at}")),
            new Kind(PARKS, "Forestry", "Trees", "Tree Trimming or Removal", "Tree Service", 2, Season.SUMMER,
                    Place.STREET, 300, 0.9, false, List.of("Tree branch down on {street}",
                            "Dead tree in right of way near {at}")),
            new Kind(PARKS, "Park Operations", "Parks", "Park Maintenance", "Park Maintenance", 1.5, Season.SUMMER,
                    Place.STREET, 72, 0.8, false, List.of("Restroom needs cleaning at park near {at}",
                            "Broken sprinkler in park, {street}")),
            new Kind(EXCISE, "Licensing", "Business Licensing", "Short-Term Rental", "STR Complaint", 0.8,
                    Season.SUMMER, Place.ADDRESS, 200, 0.9, false, List.of("Unlicensed short-term rental")),
            new Kind(EXCISE, "Licensing", "Liquor", "Liquor License Complaint", "Liquor", 0.3, Season.FLAT,
                    Place.ADDRESS, 200, 0.9, false, List.of("Liquor license complaint")),
            new Kind(POLICE, "Non-Emergency", "Public Safety", "Non-Emergency Police Report", "Police Non-Emergency",
                    2, Season.FLAT, Place.STREET, 24, 1.0, false, List.of("Non-emergency report near {at}",
                            "Car break-in reported on {street}")),
            new Kind(POLICE, "Non-Emergency", "Traffic", "Traffic Enforcement Request", "Speeding", 1, Season.FLAT,
                    Place.STREET, 200, 0.9, false, List.of("Speeding on {street}, request enforcement")),
            new Kind(CUSTOMER_SERVICE, "311 Information", "General", "General Inquiry", "311 Info", 8, Season.FLAT,
                    Place.NONE, 0.15, 0.8, true, List.of("General question about city services",
                            "Caller asked for trash and recycling schedule",
                            "Question about residential parking permit",
                            "Asked about snow emergency routes", "Question about a parking ticket, transferred")),
            new Kind(CUSTOMER_SERVICE, "311 Information", "Directory", "Department Directory", "Transfer", 3,
                    Season.FLAT, Place.NONE, 0.1, 0.7, true, List.of("Transferred to Denver Motor Vehicle",
                            "Caller transferred to Denver Human Services", "Looking for a city phone number")),
            new Kind(HOUSING, "Homelessness Resolution", "Encampments", "Encampment Report", "Encampment", 3,
                    Season.FLAT, Place.STREET, 168, 0.9, false, List.of("Encampment on {street} sidewalk",
                            "Tents near {at}, blocking sidewalk")),
            new Kind(FINANCE, "Treasury", "Property Tax", "Property Tax Question", "Property Tax", 1, Season.TAX,
                    Place.NONE, 2, 1.0, true, List.of("Question about property tax bill",
                            "Caller asked how to pay property taxes")));

    /** Notes a call taker appends on a second line of the summary. */
    static final List<String> NOTES = List.of("Caller will send photos", "Second report this week",
            "Caller requests a call back", "Access through the alley", "Caller says it is \"getting worse\"");

    private ServiceCatalog() {
    }
}
