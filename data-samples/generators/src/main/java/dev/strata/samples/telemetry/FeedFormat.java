package dev.strata.samples.telemetry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * How a feed writes pings: the telematics export the bundled {@code telemetry} spec reads, or an automatic
 * vehicle location (AVL) export with only vehicle, time, position, speed and route, in another shape.
 */
public enum FeedFormat {
    /**
     * {@code vehicle_id,timestamp,latitude,longitude,speed_kmh,odometer_km,engine_temp_c,tyre_pressure_kpa,
     * check_engine,fault_code}: local time with its UTC offset, one file per local day.
     */
    TELEMETRY("telemetry", List.of("vehicle_id", "timestamp", "latitude", "longitude", "speed_kmh", "odometer_km",
            "engine_temp_c", "tyre_pressure_kpa", "check_engine", "fault_code")),
    /** {@code VehicleID,GpsTimeUtc,Lat,Lon,SpeedMph,RouteId}: UTC without offset, miles per hour, one file per UTC day. */
    AVL("avl", List.of("VehicleID", "GpsTimeUtc", "Lat", "Lon", "SpeedMph", "RouteId"));

    static final DateTimeFormatter LOCAL_WITH_OFFSET =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final double KMH_PER_MPH = 1.609344;

    private final String key;
    private final List<String> header;

    FeedFormat(String key, List<String> header) {
        this.key = key;
        this.header = List.copyOf(header);
    }

    public String key() {
        return key;
    }

    public List<String> header() {
        return header;
    }

    /** The file a day's pings go to, e.g. {@code telemetry_2024-03-10.csv}. */
    String fileName(LocalDate day) {
        return key + "_" + day + ".csv";
    }

    /** The day whose file holds a ping: the local day (telemetry) or the UTC day (AVL). */
    LocalDate day(long epochSecond, ZoneId zone) {
        ZoneId in = this == TELEMETRY ? zone : ZoneOffset.UTC;
        return Instant.ofEpochSecond(epochSecond).atZone(in).toLocalDate();
    }

    /** The fields of a good line. */
    String[] fields(Ping p, String vehicleId, ZoneId zone) {
        Instant at = Instant.ofEpochSecond(p.epochSecond());
        if (this == AVL) {
            return new String[] {vehicleId, UTC.format(at), fixed(p.latitude(), 6), fixed(p.longitude(), 6),
                fixed(p.speedKmh() / KMH_PER_MPH, 1), p.route()};
        }
        return new String[] {vehicleId, LOCAL_WITH_OFFSET.format(at.atZone(zone)), fixed(p.latitude(), 6),
            fixed(p.longitude(), 6), fixed(p.speedKmh(), 1), fixed(p.odometerKm(), 1),
            Integer.toString(p.engineTempC()), Integer.toString(p.tyrePressureKpa()), p.checkEngine() ? "1" : "0",
            p.faultCode()};
    }

    /** The fields of a line with {@code defect}, made from a good ping's fields. */
    String[] broken(String[] good, TelemetryDefect defect, int cut, ZoneId zone, long epochSecond) {
        String[] f = good.clone();
        switch (defect) {
            case TRUNCATED -> {
                return java.util.Arrays.copyOf(f, Math.min(cut, f.length - 1));
            }
            case BAD_TIMESTAMP -> f[1] = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                    .format(Instant.ofEpochSecond(epochSecond).atZone(this == TELEMETRY ? zone : ZoneOffset.UTC))
                    .replace(' ', this == TELEMETRY ? ' ' : 'T');
            case NO_FIX -> {
                f[2] = "0.000000";
                f[3] = "0.000000";
            }
            case SPEED_OVERFLOW -> f[4] = "655.35";
            case MISSING_VEHICLE -> f[0] = "";
            case NONE, RESENT -> {
                // written as it is
            }
        }
        return f;
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
