package dev.strata.samples.telemetry;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The kinds of bad line the telemetry generator writes on purpose, as real feeds carry them; a defective line
 * has one. Each says what the line looks like and what the bundled {@code telemetry} spec does with it.
 */
public enum TelemetryDefect {
    /** A good line. */
    NONE("good line", "clean"),
    /** The unit's write was cut off: the line stops after 4 to 7 of its 10 fields. */
    TRUNCATED("the line stops after 4 to 7 fields", "quarantined: parse_fields"),
    /** A firmware that forgot the time format: {@code 2024-03-10 08:15:02}, no T and no offset. */
    BAD_TIMESTAMP("time without T and offset", "quarantined: type_ts"),
    /** No GPS fix yet: latitude and longitude 0 ("null island"). */
    NO_FIX("position 0, 0 (no GPS fix)", "quarantined: range_latitude"),
    /** The speed sensor's "not available" value read as a number: 655.35. */
    SPEED_OVERFLOW("speed 655.35 (the sensor's not-available value)", "quarantined: range_speed_kmh"),
    /** The vehicle id is empty. */
    MISSING_VEHICLE("empty vehicle id", "quarantined: not_null_vehicle_id"),
    /** The unit sent the same report twice: the line is repeated byte for byte. */
    RESENT("a good line written twice", "the copy is dropped as an exact duplicate");

    private final String description;
    private final String expected;

    TelemetryDefect(String description, String expected) {
        this.description = Objects.requireNonNull(description, "description is null");
        this.expected = Objects.requireNonNull(expected, "expected is null");
    }

    public String description() {
        return description;
    }

    /** What the clean stage does with such a line under the bundled spec. */
    public String expected() {
        return expected;
    }

    /** Every defect kind, without {@link #NONE}. */
    public static List<TelemetryDefect> kinds() {
        return Arrays.stream(values()).filter(d -> d != NONE).toList();
    }
}
