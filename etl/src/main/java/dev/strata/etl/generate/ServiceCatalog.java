package dev.strata.etl.generate;

import java.util.List;

/** What Denver's 311 handles: agency, division, major area, type and topic, with how common each is. */
final class ServiceCatalog {

    /** One kind of request, with its weight and typical hours to close. */
    record Kind(String agency, String division, String majorArea, String type, String topic, int weight,
            double hoursToClose, String summaryVerb) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind("Department of Transportation & Infrastructure", "Street Maintenance", "Streets", "Pothole",
                    "Pothole Repair", 90, 96, "Pothole on"),
            new Kind("Department of Transportation & Infrastructure", "Street Maintenance", "Streets",
                    "Street Sweeping", "Missed Sweeping", 25, 72, "Street not swept on"),
            new Kind("Department of Transportation & Infrastructure", "Traffic Engineering", "Traffic",
                    "Traffic Signal", "Signal Outage", 30, 8, "Signal out at"),
            new Kind("Department of Transportation & Infrastructure", "Right of Way Enforcement", "Parking",
                    "Abandoned Vehicle", "Abandoned Vehicle", 60, 240, "Abandoned vehicle on"),
            new Kind("Department of Transportation & Infrastructure", "Solid Waste Management", "Trash",
                    "Missed Trash Pickup", "Trash Collection", 110, 30, "Trash not collected at"),
            new Kind("Department of Transportation & Infrastructure", "Solid Waste Management", "Recycling",
                    "Missed Recycling Pickup", "Recycling Collection", 70, 36, "Recycling missed at"),
            new Kind("Department of Transportation & Infrastructure", "Solid Waste Management", "Trash",
                    "Large Item Pickup", "Large Item Pickup", 45, 120, "Large item pickup at"),
            new Kind("Community Planning & Development", "Neighborhood Inspection Services", "Zoning",
                    "Weeds / Vegetation", "Overgrown Weeds", 40, 300, "Overgrown weeds at"),
            new Kind("Community Planning & Development", "Neighborhood Inspection Services", "Zoning",
                    "Junk / Trash in Yard", "Junk Accumulation", 35, 360, "Junk in yard at"),
            new Kind("Community Planning & Development", "Building Inspection", "Construction",
                    "Construction Noise", "After-hours Construction", 15, 48, "Construction noise near"),
            new Kind("Department of Public Health & Environment", "Animal Protection", "Animals",
                    "Barking Dog", "Animal Noise", 30, 72, "Barking dog at"),
            new Kind("Department of Public Health & Environment", "Animal Protection", "Animals",
                    "Loose Animal", "Animal at Large", 20, 6, "Loose dog near"),
            new Kind("Department of Public Health & Environment", "Environmental Quality", "Health",
                    "Illegal Dumping", "Illegal Dumping", 35, 168, "Illegal dumping on"),
            new Kind("Parks & Recreation", "Parks Maintenance", "Parks", "Park Maintenance",
                    "Park Facility Repair", 20, 200, "Broken equipment at park near"),
            new Kind("Parks & Recreation", "Forestry", "Trees", "Tree Trimming", "Tree Limb Down", 25, 150,
                    "Tree limb down on"),
            new Kind("Excise & Licenses", "Licensing", "Business", "License Inquiry", "Business License", 10, 24,
                    "License question about business on"),
            new Kind("Denver Police Department", "Non-Emergency", "Public Safety", "Noise Complaint",
                    "Party Noise", 30, 4, "Loud party at"),
            new Kind("Denver Police Department", "Non-Emergency", "Public Safety", "Graffiti", "Graffiti Removal", 45,
                    96, "Graffiti on wall at"),
            new Kind("311 Customer Service", "311 Contact Center", "General", "General Inquiry",
                    "Information Request", 80, 1, "Question about services near"),
            new Kind("Department of Human Services", "Homeless Services", "Human Services", "Encampment",
                    "Encampment Report", 40, 120, "Encampment reported near"));

    static final String[] SOURCES = {"Phone", "Web", "Mobile App (PocketGov)", "Email", "Walk-In", "Social Media"};
    static final int[] SOURCE_WEIGHTS = {46, 21, 19, 8, 3, 3};

    static final String[] STATUSES = {"Closed", "Open", "In Progress"};

    private ServiceCatalog() {
    }
}
