package dev.strata.samples.telemetry;

import java.util.Objects;

/**
 * One position report of a vehicle, as its telematics unit sends it.
 *
 * @param vehicle the vehicle's index in the fleet (0 is {@code V001})
 * @param epochSecond when, in whole seconds since 1970-01-01T00:00:00Z
 * @param speedKmh the speed at that instant (0 when standing)
 * @param odometerKm the odometer, as the vehicle counts it
 * @param engineTempC the coolant temperature
 * @param tyrePressureKpa the lowest of the vehicle's tyre pressures
 * @param faultCode the diagnostic trouble code active, or "" when none
 * @param route the route the vehicle is on that shift
 */
record Ping(int vehicle, long epochSecond, double latitude, double longitude, double speedKmh, double odometerKm,
        int engineTempC, int tyrePressureKpa, boolean checkEngine, String faultCode, String route) {

    Ping {
        Objects.requireNonNull(faultCode, "faultCode is null");
        Objects.requireNonNull(route, "route is null");
    }
}
