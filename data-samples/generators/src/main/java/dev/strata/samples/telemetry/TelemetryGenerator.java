package dev.strata.samples.telemetry;

import dev.strata.samples.CsvLine;
import dev.strata.samples.Dice;
import dev.strata.samples.Weights;
import dev.strata.samples.telemetry.VehicleSimulation.Breakdown;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A deterministic vehicle telemetry feed: a fleet in Denver, one CSV file per day. Most vehicles work a day
 * shift from one of two depots (7 of 10 on weekends), every fifth one a night patrol; see
 * {@link VehicleSimulation} for what happens on the road. Times are written as local time with the UTC offset
 * in force ({@code 2024-03-10T01:59:12-07:00}, then {@code 2024-03-10T03:00:12-06:00} after the clock moves
 * forward), so every instant is unambiguous on the clock-change day; the AVL format writes UTC instead.
 *
 * <p>The same seed and arguments give byte-identical files. A vehicle's data depends only on the seed, its
 * number and the start date: generating more vehicles or more days adds to the feed without changing what is
 * already in it (except the last night shift, cut at the end of the last day).
 */
public final class TelemetryGenerator {

    /** Where the fleet drives and which clock its reports follow. */
    public static final ZoneId ZONE = ZoneId.of("America/Denver");
    /** The first day when none is given: the Saturday before the spring clock change (Sunday 10 March 2024). */
    public static final LocalDate DEFAULT_START = LocalDate.of(2024, 3, 9);
    public static final double DEFAULT_DEFECT_RATE = 0.002;
    /** The seed of the committed sample (data-samples/telemetry/), the default. */
    public static final long DEFAULT_SEED = 125;
    /** The fleet's mean running hours between breakdowns in the simulation. */
    public static final double MEAN_HOURS_TO_FAILURE = 150;
    public static final int MAX_VEHICLES = 10_000;
    public static final int MAX_DAYS = 366;

    private static final Weights DEFECTS = new Weights(0, 3, 2, 3, 2, 1, 3);

    private final long seed;
    private final double defectRate;
    private final RoadGrid grid = RoadGrid.denver();

    public TelemetryGenerator(long seed, double defectRate) {
        if (!(defectRate >= 0 && defectRate <= 0.5)) {
            throw new IllegalArgumentException("defect rate must be within 0..0.5, cannot be: " + defectRate);
        }
        this.seed = seed;
        this.defectRate = defectRate;
    }

    /** Writes {@code days} files from {@code start} for {@code vehicles} vehicles into {@code out}. */
    public TelemetryReport write(Path out, int vehicles, int days, LocalDate start, FeedFormat format)
            throws IOException {
        Objects.requireNonNull(out, "out is null");
        Objects.requireNonNull(start, "start is null");
        Objects.requireNonNull(format, "format is null");
        if (vehicles < 1 || vehicles > MAX_VEHICLES) {
            throw new IllegalArgumentException("vehicles must be within 1.." + MAX_VEHICLES + ", cannot be: " + vehicles);
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be within 1.." + MAX_DAYS + ", cannot be: " + days);
        }
        Files.createDirectories(out);
        List<Integer> depots = List.of(grid.nearest(39.7695, -104.9790), grid.nearest(39.6785, -104.9980));
        List<VehicleSimulation> fleet = new ArrayList<>();
        for (int v = 0; v < vehicles; v++) {
            fleet.add(new VehicleSimulation(v, seed, grid, ZONE, depots, MEAN_HOURS_TO_FAILURE));
        }
        LocalDate last = start.plusDays(days - 1);
        // per vehicle, the reports that belong to a later file than the one being written
        List<List<Ping>> carried = new ArrayList<>();
        fleet.forEach(v -> carried.add(new ArrayList<>()));
        Map<TelemetryDefect, Long> defects = new EnumMap<>(TelemetryDefect.class);
        Set<String> vehicleDays = new HashSet<>();
        Set<Long> breakdownSeen = new HashSet<>();
        List<Path> files = new ArrayList<>();
        long lines = 0;
        long bytes = 0;
        long running = 0;
        double driven = 0;
        byte[] header = (String.join(",", format.header()) + "\n").getBytes(StandardCharsets.UTF_8);
        // a shift's reports fall on its day or the next (Denver's UTC day starts in its evening), never before
        for (int d = 0; d < days; d++) {
            LocalDate day = start.plusDays(d);
            long runningBefore = fleet.stream().mapToLong(VehicleSimulation::runningSeconds).sum();
            double odometerBefore = fleet.stream().mapToDouble(VehicleSimulation::odometerKm).sum();
            List<List<Ping>> today = new ArrayList<>();
            for (int v = 0; v < vehicles; v++) {
                List<Ping> shift = fleet.get(v).shift(day, d);
                List<Ping> mine = new ArrayList<>(carried.get(v));
                carried.get(v).clear();
                for (Ping p : shift) {
                    LocalDate in = format.day(p.epochSecond(), ZONE);
                    (in.isAfter(day) ? carried.get(v) : mine).add(p);
                }
                today.add(mine);
            }
            running += fleet.stream().mapToLong(VehicleSimulation::runningSeconds).sum() - runningBefore;
            driven += fleet.stream().mapToDouble(VehicleSimulation::odometerKm).sum() - odometerBefore;
            Path file = out.resolve(format.fileName(day));
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                o.write(header);
                bytes += header.length;
                for (int v = 0; v < vehicles; v++) {
                    String id = VehicleSimulation.id(v);
                    for (Ping p : today.get(v)) {
                        String[] good = format.fields(p, id, ZONE);
                        TelemetryDefect defect = defect(v, p.epochSecond());
                        Dice cut = Dice.of(seed, v, p.epochSecond() ^ 0x5EEDL);
                        String[] fields = format.broken(good, defect, 4 + cut.below(4), ZONE, p.epochSecond());
                        byte[] line = line(fields);
                        o.write(line);
                        bytes += line.length;
                        lines++;
                        defects.merge(defect == TelemetryDefect.RESENT ? TelemetryDefect.NONE : defect, 1L, Long::sum);
                        if (defect == TelemetryDefect.RESENT) {
                            o.write(line);
                            bytes += line.length;
                            lines++;
                            defects.merge(TelemetryDefect.RESENT, 1L, Long::sum);
                        }
                        if (defect == TelemetryDefect.NONE || defect == TelemetryDefect.RESENT) {
                            vehicleDays.add(id + "/" + Instant.ofEpochSecond(p.epochSecond()).atZone(ZONE).toLocalDate());
                            if (VehicleSimulation.BREAKDOWN_CODES.contains(p.faultCode())) {
                                breakdownSeen.add(((long) v << 40) ^ onset(fleet.get(v), p.epochSecond()));
                            }
                        }
                    }
                }
            }
            files.add(file);
        }
        List<String> breakdowns = new ArrayList<>();
        for (VehicleSimulation v : fleet) {
            for (Breakdown b : v.breakdowns()) {
                if (breakdownSeen.contains(((long) b.vehicle() << 40) ^ b.epochSecond())) {
                    breakdowns.add(VehicleSimulation.id(b.vehicle()) + " " + b.code() + " at "
                            + FeedFormat.LOCAL_WITH_OFFSET.format(Instant.ofEpochSecond(b.epochSecond()).atZone(ZONE)));
                }
            }
        }
        return new TelemetryReport(format, files, lines, bytes, defects, vehicleDays.size(), breakdowns,
                running / 3600.0, driven);
    }

    /** The onset of the breakdown a report belongs to: the latest breakdown of the vehicle at or before it. */
    private static long onset(VehicleSimulation vehicle, long epochSecond) {
        long onset = Long.MIN_VALUE;
        for (Breakdown b : vehicle.breakdowns()) {
            if (b.epochSecond() <= epochSecond) {
                onset = b.epochSecond();
            }
        }
        return onset;
    }

    private TelemetryDefect defect(int vehicle, long epochSecond) {
        Dice random = Dice.of(seed, vehicle, epochSecond);
        if (random.unit() >= defectRate) {
            return TelemetryDefect.NONE;
        }
        return TelemetryDefect.values()[DEFECTS.pick(random.unit())];
    }

    private static byte[] line(String[] fields) {
        byte[] record = CsvLine.encode(fields, -1).bytes();
        byte[] line = java.util.Arrays.copyOf(record, record.length + 1);
        line[record.length] = '\n';
        return line;
    }
}
