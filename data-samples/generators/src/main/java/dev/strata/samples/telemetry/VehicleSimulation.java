package dev.strata.samples.telemetry;

import dev.strata.samples.Dice;
import dev.strata.samples.Weights;
import dev.strata.samples.telemetry.RoadGrid.Edge;
import dev.strata.samples.telemetry.RoadGrid.Node;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One vehicle of the fleet, simulated second by second while its engine runs: it drives the quickest way
 * along the street grid between stops, accelerating and braking, slowing for turns and waiting at red lights,
 * idles with the engine on at some stops, and its telematics unit reports every 60 seconds while moving,
 * every 120 seconds while standing (and when the ignition goes on or off, or the vehicle starts to move)
 * unless the feed drops out. The engine warms up and sometimes overheats, a tyre may
 * leak slowly until it is fixed, minor faults light the check-engine lamp for a couple of days, and after an
 * exponentially distributed running time the vehicle breaks down: a fault code, it pulls over, idles a few
 * minutes, goes off, and is out of service for a day or two.
 *
 * <p>Every draw comes from a {@link Dice} keyed by (seed, vehicle, day), so a vehicle's days never
 * depend on how many other vehicles or days are generated. The state carries from one day to the next.
 */
final class VehicleSimulation {

    /** Seconds between two reports while the vehicle moves. */
    static final int REPORT_SECONDS = 60;
    /** Seconds between two reports while it stands with the ignition on. */
    static final int STANDING_REPORT_SECONDS = 120;
    /** Below this reported pressure (kPa) the driver has the tyre fixed before the next shift. */
    static final int LOW_TYRE_KPA = 290;
    /** Breakdown codes: the engine overheats, the oil pressure drops, the crankshaft sensor fails (a stall). */
    static final List<String> BREAKDOWN_CODES = List.of("P0217", "P0524", "P0335");
    /** Faults that light the check-engine lamp and let the vehicle drive on. */
    static final List<String> MINOR_CODES = List.of("P0420", "P0171", "P0128", "P0442");

    private static final double ACCELERATION = 1.5;
    private static final double BRAKING = 2.0;
    private static final double JITTER_M = 3.5;
    private static final Weights STOP_ENGINE_OFF = new Weights(70, 30);

    /** A breakdown: which vehicle, when (the report that first carries its code) and the code. */
    record Breakdown(int vehicle, long epochSecond, String code) {
    }

    private final int vehicle;
    private final long seed;
    private final RoadGrid grid;
    private final ZoneId zone;
    private final int depot;
    private final boolean night;
    private final double nominalKpa;
    private final double driverFactor;
    private final double meanSecondsToFailure;

    private Dice random;
    private LocalDate shiftDay;
    private List<Ping> out;
    private final List<Breakdown> breakdowns = new ArrayList<>();

    private int node;
    private double latitude;
    private double longitude;
    private double speed;
    private double odometerMetres;
    private double engineTemp;
    private double coldKpa;
    private double tyreWarmth;
    private double leakKpaPerHour;
    private boolean lowTyreReported;
    private String minorFault = "";
    private LocalDate minorFaultRepaired;
    private String breakdownCode = "";
    private double secondsToFailure;
    private LocalDate outOfServiceUntil;
    private String route = "";

    private long t;
    private long parkedSince;
    private boolean engineOn;
    private long nextReport;
    private boolean wasMoving;
    private long lastReport = Long.MIN_VALUE;
    private long gapFrom = Long.MAX_VALUE;
    private long gapUntil = Long.MIN_VALUE;
    private long shiftRunning;
    private long minorFaultAt = -1;
    private long overheatFrom = -1;
    private long overheatUntil = -1;
    private double overheatTarget;
    private double runningSeconds;
    private long runningTotal;

    VehicleSimulation(int vehicle, long seed, RoadGrid grid, ZoneId zone, List<Integer> depots,
            double meanHoursToFailure) {
        this.vehicle = vehicle;
        this.seed = seed;
        this.grid = Objects.requireNonNull(grid, "grid is null");
        this.zone = Objects.requireNonNull(zone, "zone is null");
        Dice first = Dice.of(seed, vehicle, 1);
        this.depot = depots.get(vehicle % depots.size());
        this.night = vehicle % 5 == 4;
        this.nominalKpa = 345 + first.below(16);
        this.driverFactor = 0.92 + 0.18 * first.unit();
        this.meanSecondsToFailure = meanHoursToFailure * 3600;
        this.secondsToFailure = exponential(first, meanSecondsToFailure);
        this.node = depot;
        Node at = grid.node(depot);
        this.latitude = at.latitude();
        this.longitude = at.longitude();
        this.odometerMetres = (20_000 + first.below(160_000)) * 1000.0 + first.below(1000);
        this.coldKpa = nominalKpa;
        this.engineTemp = 5;
        this.parkedSince = Long.MIN_VALUE;
    }

    static String id(int vehicle) {
        return String.format(java.util.Locale.ROOT, "V%03d", vehicle + 1);
    }

    boolean nightShift() {
        return night;
    }

    List<Breakdown> breakdowns() {
        return breakdowns;
    }

    /** Engine-on seconds so far. */
    long runningSeconds() {
        return runningTotal;
    }

    double odometerKm() {
        return odometerMetres / 1000;
    }

    /**
     * The reports of the shift that starts on {@code day} (a night shift ends the next morning), in time order;
     * empty when the vehicle does not work that day.
     */
    List<Ping> shift(LocalDate day, int dayIndex) {
        random = Dice.of(seed, vehicle, 1000L + dayIndex);
        shiftDay = day;
        out = new ArrayList<>();
        if (outOfServiceUntil != null && !day.isAfter(outOfServiceUntil)) {
            return out;
        }
        if (outOfServiceUntil != null) {
            // back from the workshop, repaired
            outOfServiceUntil = null;
            breakdownCode = "";
            minorFault = "";
            secondsToFailure = exponential(random, meanSecondsToFailure);
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (weekend && !night && random.unit() >= 0.7) {
            return out;
        }
        if (!minorFault.isEmpty() && !day.isBefore(minorFaultRepaired)) {
            minorFault = "";
        }
        if (lowTyreReported) {
            coldKpa = nominalKpa;
            leakKpaPerHour = 0;
            lowTyreReported = false;
        }
        if (leakKpaPerHour == 0 && random.unit() < 0.05) {
            leakKpaPerHour = 4 + 5 * random.unit();
        }
        route = night ? "P" + (1 + vehicle % 3) : String.format(java.util.Locale.ROOT, "R%02d", 1 + random.below(24));

        ZonedDateTime start = night ? day.atTime(LocalTime.of(21, 0)).atZone(zone).plusMinutes(random.below(60))
                : day.atTime(LocalTime.of(6, 30)).atZone(zone).plusMinutes(random.below(120));
        ZonedDateTime end = night ? day.plusDays(1).atTime(LocalTime.of(5, 0)).atZone(zone).plusMinutes(random.below(45))
                : day.atTime(LocalTime.of(15, 30)).atZone(zone).plusMinutes(random.below(120));
        long shiftSeconds = end.toEpochSecond() - start.toEpochSecond();
        shiftRunning = 0;
        minorFaultAt = minorFault.isEmpty() && random.unit() < 0.04 ? random.below((int) (shiftSeconds * 0.6)) : -1;
        if (random.unit() < 0.06) {
            overheatFrom = random.below((int) (shiftSeconds * 0.6));
            overheatUntil = overheatFrom + 480 + random.below(720);
            overheatTarget = 107 + 4 * random.unit();
        } else {
            overheatFrom = -1;
            overheatUntil = -1;
        }
        if (random.unit() < 0.03) {
            // the unit goes offline for a while
            gapFrom = start.toEpochSecond() + random.below((int) shiftSeconds);
            gapUntil = gapFrom + 1800 + random.below(3600);
        }

        t = start.toEpochSecond();
        ignitionOn();
        idle(night ? 120 + random.below(180) : 180 + random.below(300));
        boolean lunched = night;
        while (breakdownCode.isEmpty() && t < end.toEpochSecond()) {
            List<Integer> choices = night ? grid.around(node, 800, 4000) : grid.around(node, 1200, 6000);
            if (choices.isEmpty()) {
                choices = List.of(depot == node ? grid.around(node, 1, 20_000).get(0) : depot);
            }
            if (!drive(grid.route(node, choices.get(random.below(choices.size()))))) {
                break;
            }
            int hour = Instant.ofEpochSecond(t).atZone(zone).getHour();
            if (!lunched && hour >= 12) {
                lunched = true;
                park(1800 + random.below(900));
            } else if (!night && STOP_ENGINE_OFF.pick(random.unit()) == 0) {
                park(600 + random.below(1500));
            } else if (night && random.unit() < 0.4) {
                park(600 + random.below(1200));
            } else {
                idle(night ? 300 + random.below(900) : 120 + random.below(360));
            }
        }
        if (breakdownCode.isEmpty()) {
            drive(grid.route(node, depot));
        }
        if (breakdownCode.isEmpty()) {
            idle(60 + random.below(120));
        }
        if (breakdownCode.isEmpty()) {
            ignitionOff();
        } else {
            standAndTow();
        }
        return out;
    }

    /** Drives a route; false when the vehicle broke down on the way (it is then standing, engine off). */
    private boolean drive(List<Edge> legs) {
        if (random.unit() < 0.05) {
            // a dead zone on the way: no reports for 4 to 12 minutes
            gapFrom = t + 60 + random.below(300);
            gapUntil = gapFrom + 240 + random.below(480);
        }
        for (int i = 0; i < legs.size(); i++) {
            Edge edge = legs.get(i);
            boolean last = i == legs.size() - 1;
            boolean turn = !last && !legs.get(i + 1).street().equals(edge.street());
            boolean red = !last && !turn && random.unit() < 0.3;
            double limit = edge.limitKmh() / 3.6 * driverFactor * traffic();
            double endSpeed = last || red ? 0 : turn ? 20 / 3.6 : Math.min(limit, legs.get(i + 1).limitKmh() / 3.6);
            Node a = grid.node(edge.from());
            Node b = grid.node(edge.to());
            double along = 0;
            while (along < edge.metres()) {
                if (!breakdownCode.isEmpty()) {
                    pullOver(a, b, edge.metres(), along);
                    return false;
                }
                double remaining = edge.metres() - along;
                double brake = Math.sqrt(endSpeed * endSpeed + 2 * BRAKING * remaining);
                speed = Math.min(Math.min(speed + ACCELERATION, limit), brake);
                double step = Math.min(speed, remaining);
                along += step;
                place(a, b, along / edge.metres());
                tick(step);
            }
            node = edge.to();
            if (red || last) {
                speed = 0;
                if (red) {
                    idle(10 + random.below(60));
                }
            }
        }
        speed = 0;
        return breakdownCode.isEmpty();
    }

    /** A broken-down vehicle brakes gently to a stop where it is. */
    private void pullOver(Node a, Node b, double metres, double along) {
        double at = along;
        while (speed > 0) {
            speed = Math.max(0, speed - ACCELERATION);
            double step = Math.min(speed, metres - at);
            at += step;
            place(a, b, at / metres);
            tick(step);
        }
    }

    /** After a breakdown: a few minutes standing with the engine on, then off, towed to the depot, in the workshop. */
    private void standAndTow() {
        idle(120 + random.below(480));
        ignitionOff();
        outOfServiceUntil = shiftDay.plusDays(1 + random.below(2));
        // towed to the depot
        node = depot;
        latitude = grid.node(depot).latitude();
        longitude = grid.node(depot).longitude();
    }

    private void place(Node a, Node b, double fraction) {
        latitude = a.latitude() + (b.latitude() - a.latitude()) * fraction;
        longitude = a.longitude() + (b.longitude() - a.longitude()) * fraction;
    }

    /** Rush hours (7-9 and 16-18 local) slow the traffic down. */
    private double traffic() {
        int hour = Instant.ofEpochSecond(t).atZone(zone).getHour();
        return hour == 7 || hour == 8 || hour == 16 || hour == 17 ? 0.75 : 1.0;
    }

    private void idle(int seconds) {
        speed = 0;
        for (int i = 0; i < seconds && engineOn; i++) {
            tick(0);
        }
    }

    private void park(int seconds) {
        ignitionOff();
        t += seconds;
        ignitionOn();
    }

    private void ignitionOn() {
        if (parkedSince != Long.MIN_VALUE) {
            double parked = t - parkedSince;
            double ambient = ambient();
            engineTemp = ambient + (engineTemp - ambient) * Math.exp(-parked / 2400);
            tyreWarmth *= Math.exp(-parked / 2400);
            coldKpa -= leakKpaPerHour * parked / 3600;
        } else {
            engineTemp = ambient();
        }
        engineOn = true;
        speed = 0;
        wasMoving = false;
        report();
        nextReport = t + STANDING_REPORT_SECONDS;
    }

    private void ignitionOff() {
        if (!engineOn) {
            return;
        }
        speed = 0;
        report();
        engineOn = false;
        parkedSince = t;
    }

    /** One second with the engine on, {@code metres} driven in it. */
    private void tick(double metres) {
        t++;
        shiftRunning++;
        runningTotal++;
        odometerMetres += metres;
        double moving = Math.min(1, speed / 25);
        double target = 88 + 6 * moving;
        if (overheatFrom >= 0 && shiftRunning >= overheatFrom && shiftRunning < overheatUntil) {
            target = overheatTarget;
        }
        if (breakdownCode.equals("P0217")) {
            target = 124;
        }
        engineTemp += (target - engineTemp) / 240;
        tyreWarmth += ((speed > 2 ? 1 : 0) - tyreWarmth) / (speed > 2 ? 1200 : 2400);
        coldKpa -= leakKpaPerHour / 3600;
        if (minorFaultAt >= 0 && shiftRunning >= minorFaultAt && minorFault.isEmpty()) {
            minorFault = MINOR_CODES.get(random.below(MINOR_CODES.size()));
            minorFaultRepaired = shiftDay.plusDays(2);
            minorFaultAt = -1;
        }
        secondsToFailure -= 1;
        boolean moves = speed > 0.3;
        if (moves && !wasMoving) {
            // setting off: the unit reports within a minute of its last report
            nextReport = Math.min(nextReport, Math.max(t, lastReport + REPORT_SECONDS));
        }
        wasMoving = moves;
        if (secondsToFailure <= 0 && breakdownCode.isEmpty()) {
            breakdownCode = BREAKDOWN_CODES.get(random.below(BREAKDOWN_CODES.size()));
            breakdowns.add(new Breakdown(vehicle, t, breakdownCode));
            nextReport = t;
        }
        if (t >= nextReport) {
            report();
            nextReport = t + (moves ? REPORT_SECONDS : STANDING_REPORT_SECONDS);
        }
    }

    private void report() {
        if (t == lastReport || (t >= gapFrom && t < gapUntil)) {
            return;
        }
        lastReport = t;
        double metresPerDegree = Math.toRadians(RoadGrid.EARTH_RADIUS_M);
        double lat = latitude + gaussian() * JITTER_M / metresPerDegree;
        double lon = longitude + gaussian() * JITTER_M / (metresPerDegree * Math.cos(Math.toRadians(latitude)));
        double kmh = speed > 0.3 ? Math.max(0, speed * 3.6 + 0.3 * gaussian()) : 0;
        int temperature = (int) Math.round(engineTemp + 0.5 * gaussian());
        int pressure = (int) Math.round(coldKpa * (1 + 0.04 * tyreWarmth) + gaussian());
        if (pressure < LOW_TYRE_KPA) {
            lowTyreReported = true;
        }
        String fault = !breakdownCode.isEmpty() ? breakdownCode : minorFault;
        out.add(new Ping(vehicle, t, lat, lon, kmh, odometerMetres / 1000, temperature, pressure, !fault.isEmpty(),
                fault, route));
    }

    /** March in Denver: about 3 °C before dawn, 17 °C mid-afternoon. */
    private double ambient() {
        ZonedDateTime now = Instant.ofEpochSecond(t).atZone(zone);
        double hour = now.getHour() + now.getMinute() / 60.0;
        return 10 + 7 * Math.sin(2 * Math.PI * (hour - 9) / 24);
    }

    private double gaussian() {
        double u = Math.max(random.unit(), 1e-12);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.unit());
    }

    private static double exponential(Dice random, double mean) {
        return -mean * Math.log(1 - random.unit());
    }
}
