package dev.strata.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The telemetry pipeline like a fleet operator runs it: two days of the sample, then the third day's file
 * arriving; a tiny hand-made feed whose distances, times and alerts are known exactly; and an AVL feed read
 * by a spec that is YAML only. After each run {@code views verify} must find the serving layer equal to the
 * views recomputed from the event history.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TelemetryEndToEndTest {

    /** The haversine's Earth radius in the bundled spec (mean radius, IUGG). */
    private static final double EARTH_RADIUS_KM = 6371.0088;
    private static final ZoneId DENVER = ZoneId.of("America/Denver");

    @TempDir
    static Path dir;

    static Path lake;
    static Path input;
    static CliRun firstRun;

    @BeforeAll
    static void runTheFirstTwoDays() throws IOException {
        lake = dir.resolve("lake");
        input = Files.createDirectories(dir.resolve("in"));
        for (String day : List.of("2024-03-09", "2024-03-10")) {
            Files.copy(sample(day), input.resolve(sample(day).getFileName()));
        }
        firstRun = CliRun.of("run", "--spec", "telemetry", "--lake", lake.toString(), "--input", "telemetry=" + input);
    }

    static Path sample(String day) {
        return Repository.root().resolve("data-samples/telemetry/telemetry_" + day + ".csv");
    }

    static List<String> query(Path lakeRoot, String sql) {
        return ServiceRequestsEndToEndTest.query(lakeRoot, sql);
    }

    static void verified(Path lakeRoot, String spec, String... views) {
        CliRun verify = CliRun.of("views", "verify", "--spec", spec, "--lake", lakeRoot.toString());
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        for (String view : views) {
            assertThat(verify.out()).contains(view + ": ok");
        }
        assertThat(verify.out()).doesNotContain("MISMATCH");
    }

    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
    }

    @Test
    @Order(1)
    void theFirstRunCleansTwoDaysAndBuildsTheBatchLayer() {
        assertThat(firstRun.exitCode()).as(firstRun.toString()).isZero();
        assertThat(firstRun.err()).contains("batch layer; watermark").contains("views.vehicle_days")
                .contains("views.fleet_days").contains("views.fleet_months");
        // the broken lines of the first two files (data-samples/telemetry/README.md), each under its rule
        assertThat(query(lake, "select _rule, count(*) from quarantine.telemetry group by _rule order by _rule"))
                .containsExactly("parse_fields,1", "range_latitude,4", "range_speed_kmh,3");
        assertThat(firstRun.out()).containsPattern("clean\\s+clean\\.telemetry\\s+2,983\\s+2,973\\s+8\\s+2\\s");
        assertThat(query(lake, "select count(*), sum(reports), sum(breakdowns) from views.vehicle_days"))
                .containsExactly("14,2973,1");
        assertThat(query(lake, "select vehicle_id, day from views.vehicle_days where breakdowns > 0"))
                .containsExactly("V003,2024-03-10");
        verified(lake, "telemetry", "vehicle_days", "fleet_days", "fleet_months");
    }

    @Test
    @Order(2)
    void theNextDaysFileGoesToTheSpeedLayerAndTheServedFiguresGrow() throws IOException {
        List<String> before = query(lake, "select day, vehicles, distance_km from views.fleet_days order by day");
        Files.copy(sample("2024-03-11"), input.resolve(sample("2024-03-11").getFileName()));

        CliRun second = CliRun.of("run", "--spec", "telemetry", "--lake", lake.toString(), "--input",
                "telemetry=" + input);

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.err()).contains("speed layer");
        assertThat(Files.isDirectory(lake.resolve("views/telemetry/vehicle_days/speed/_delta_log"))).isTrue();
        assertThat(query(lake, "select count(*) from delta.`" + lake.resolve("views/telemetry/vehicle_days/speed")
                + "`").get(0)).isNotEqualTo("0");
        assertThat(query(lake, "select day, vehicles, distance_km from views.fleet_days order by day"))
                .startsWith(before.toArray(String[]::new)).hasSize(3);
        assertThat(query(lake, "select count(*), sum(reports), sum(breakdowns) from views.vehicle_days"))
                .containsExactly("23,4728,3");
        assertThat(query(lake, "select vehicle_days, breakdowns from views.fleet_months")).containsExactly("23,3");
        // a window sees one batch: each vehicle's first report of the new file has no report before it
        assertThat(query(lake, "select count(*), count(distinct vehicle_id) from clean.telemetry where prev_ts is null"
                + " and local_day = date'2024-03-11'")).containsExactly("9,9");
        verified(lake, "telemetry", "vehicle_days", "fleet_days", "fleet_months");
    }

    @Test
    @Order(3)
    void distanceFromPositionsStaysJustBelowTheOdometers() {
        for (String line : query(lake, "select vehicle_id, day, distance_km, odometer_km from views.vehicle_days")) {
            String[] f = line.split(",");
            double positions = Double.parseDouble(f[2]);
            double odometer = Double.parseDouble(f[3]);
            // straight lines between reports cut corners; a feed gap is bridged by a straight line
            assertThat(positions).as(line).isBetween(0.8 * odometer, odometer + 2.5);
        }
    }

    /**
     * A feed small enough to compute by hand: a vehicle that drives through the clock change, overheats, loses
     * tyre pressure and breaks down, stands, then reports after a gap; another with a report that has no fix.
     */
    @Test
    @Order(4)
    void aHandMadeFeedGivesTheNumbersComputedIndependently() throws IOException {
        Path in = Files.createDirectories(dir.resolve("hand/in"));
        Path handLake = dir.resolve("hand/lake");
        Files.writeString(in.resolve("telemetry_2024-03-10.csv"), """
                vehicle_id,timestamp,latitude,longitude,speed_kmh,odometer_km,engine_temp_c,tyre_pressure_kpa,check_engine,fault_code
                T01,2024-03-10T01:58:30-07:00,39.740100,-104.987500,0.0,1000.0,88,350,0,
                T01,2024-03-10T01:59:30-07:00,39.740100,-104.980000,45.0,1000.6,90,350,0,
                T01,2024-03-10T03:00:30-06:00,39.745000,-104.980000,50.0,1001.2,92,350,0,
                T01,2024-03-10T03:01:30-06:00,39.750000,-104.975000,38.5,1001.9,107,288,1,P0217
                T01,2024-03-10T03:02:30-06:00,39.750010,-104.975010,0.0,1001.9,110,287,1,P0217
                T01,2024-03-10T03:04:30-06:00,39.750020,-104.975000,0.0,1001.9,112,287,1,P0217
                T01,2024-03-10T03:20:30-06:00,39.760000,-104.975000,30.0,1003.0,95,287,1,P0217
                T02,2024-03-10T08:00:00-06:00,39.700000,-105.000000,20.0,500.0,90,350,0,
                T02,2024-03-10T08:01:00-06:00,39.700000,-104.990000,60.5,500.9,91,350,0,
                T02,2024-03-10T08:02:00-06:00,0.000000,0.000000,60.0,501.9,91,350,0,
                T02,2024-03-10T08:03:00-06:00,39.700000,-104.970000,40.0,502.5,91,350,0,
                """);

        CliRun run = CliRun.of("run", "--spec", "telemetry", "--lake", handLake.toString(), "--input",
                "telemetry=" + in);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        // T01: every stretch moves but the one standing (both ends at 0 km/h); the last is a gap of 16 minutes
        double t01 = haversineKm(39.7401, -104.9875, 39.7401, -104.98)
                + haversineKm(39.7401, -104.98, 39.745, -104.98)
                + haversineKm(39.745, -104.98, 39.75, -104.975)
                + haversineKm(39.75, -104.975, 39.75001, -104.97501)
                + haversineKm(39.75002, -104.975, 39.76, -104.975);
        // T02: its third report has no fix and is quarantined, so the second and fourth make one stretch
        double t02 = haversineKm(39.7, -105.0, 39.7, -104.99) + haversineKm(39.7, -104.99, 39.7, -104.97);
        List<String> days = query(handLake, "select vehicle_id, day, reports, distance_km, moving_s, idle_s, feed_gaps,"
                + " moving_reports, speed_total, max_speed_kmh, odometer_km, max_engine_temp_c, min_tyre_pressure_kpa,"
                + " check_engine_alerts, low_tyre_alerts, over_temperature_alerts, breakdowns, mean_speed_kmh"
                + " from views.vehicle_days order by vehicle_id");
        assertThat(days).hasSize(2);
        String[] a = days.get(0).split(",");
        assertThat(String.join(",", List.of(a).subList(0, 3))).isEqualTo("T01,2024-03-10,7");
        assertThat(Double.parseDouble(a[3])).isCloseTo(t01, within(1e-8));
        // 60 s between 01:59:30 MST and 03:00:30 MDT: the clock change adds no hour
        assertThat(String.join(",", List.of(a).subList(4, 17)))
                .isEqualTo("240.0,120.0,1,4,163.5,50.0,3.0,112,287,1,1,1,1");
        assertThat(Double.parseDouble(a[17])).isEqualTo(163.5 / 4);
        String[] b = days.get(1).split(",");
        assertThat(String.join(",", List.of(b).subList(0, 3))).isEqualTo("T02,2024-03-10,3");
        assertThat(Double.parseDouble(b[3])).isCloseTo(t02, within(1e-8));
        assertThat(String.join(",", List.of(b).subList(4, 17)))
                .isEqualTo("180.0,0.0,0,3,120.5,60.5,2.5,91,350,0,0,0,0");

        String[] fleet = query(handLake, "select vehicles, distance_km, breakdowns, km_between_breakdowns, running_hours,"
                + " running_hours_between_breakdowns, mean_distance_per_vehicle_km from views.fleet_days").get(0)
                .split(",");
        assertThat(fleet[0]).isEqualTo("2");
        assertThat(Double.parseDouble(fleet[1])).isCloseTo(t01 + t02, within(1e-8));
        assertThat(fleet[2]).isEqualTo("1");
        assertThat(Double.parseDouble(fleet[3])).isCloseTo(t01 + t02, within(1e-8));
        assertThat(Double.parseDouble(fleet[4])).isCloseTo((240 + 120 + 180) / 3600.0, within(1e-12));
        assertThat(Double.parseDouble(fleet[5])).isCloseTo((240 + 120 + 180) / 3600.0, within(1e-12));
        assertThat(Double.parseDouble(fleet[6])).isCloseTo((t01 + t02) / 2, within(1e-8));
        assertThat(query(handLake, "select _line_number, _rule from quarantine.telemetry")).containsExactly("11,range_latitude");
        verified(handLake, "telemetry", "vehicle_days", "fleet_days", "fleet_months");
    }

    /** Another fleet's feed, AVL-shaped, read by a spec that is only YAML: the same views less what it lacks. */
    @Test
    @Order(5)
    void anAvlFeedNeedsOnlyAYamlFile() throws IOException {
        Path in = dir.resolve("avl/in");
        Path avlLake = dir.resolve("avl/lake");
        CliRun generate = CliRun.of("generate", "telemetry", "--format", "avl", "--vehicles", "4", "--days", "2",
                "--seed", "3", "--defect-rate", "0", "--out", in.toString());
        assertThat(generate.exitCode()).as(generate.toString()).isZero();
        String spec = Repository.root().resolve("docs/examples/fleet_avl.yaml").toString();

        CliRun run = CliRun.of("run", "--spec", spec, "--lake", avlLake.toString(), "--input", "avl=" + in);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("views.vehicle_days").contains("views.route_days");
        verified(avlLake, spec, "vehicle_days", "route_days", "fleet_days", "fleet_months");
        // the distance per vehicle per local day, computed here from the files (one batch: both files at once)
        Map<String, Double> expected = new TreeMap<>();
        Map<String, List<String[]>> byVehicle = new TreeMap<>();
        try (Stream<Path> files = Files.list(in)) {
            for (Path f : files.sorted().toList()) {
                for (Map<String, String> r : Repository.csvRecords(f)) {
                    byVehicle.computeIfAbsent(r.get("VehicleID"), k -> new ArrayList<>()).add(new String[] {
                        r.get("GpsTimeUtc"), r.get("Lat"), r.get("Lon"), r.get("SpeedMph")});
                }
            }
        }
        DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (Map.Entry<String, List<String[]>> e : byVehicle.entrySet()) {
            List<String[]> reports = new ArrayList<>(e.getValue());
            reports.sort(Comparator.comparing(r -> r[0]));
            for (int i = 1; i < reports.size(); i++) {
                String[] p = reports.get(i - 1);
                String[] r = reports.get(i);
                double speed = Math.max(Double.parseDouble(p[3]), Double.parseDouble(r[3])) * 1.609344;
                LocalDate day = LocalDateTime.parse(r[0], utc).atOffset(ZoneOffset.UTC).atZoneSameInstant(DENVER)
                        .toLocalDate();
                expected.merge(e.getKey() + "," + day, speed > 3 ? haversineKm(Double.parseDouble(p[1]),
                        Double.parseDouble(p[2]), Double.parseDouble(r[1]), Double.parseDouble(r[2])) : 0.0,
                        Double::sum);
            }
        }
        Map<String, Double> served = new TreeMap<>();
        for (String line : query(avlLake, "select vehicle_id, day, coalesce(distance_km, 0) from views.vehicle_days")) {
            int comma = line.lastIndexOf(',');
            served.put(line.substring(0, comma), Double.parseDouble(line.substring(comma + 1)));
        }
        assertThat(served.keySet()).containsAll(expected.keySet()).hasSizeGreaterThan(4);
        for (Map.Entry<String, Double> e : served.entrySet()) {
            // a vehicle-day whose only report is the vehicle's first has no stretch ending in it
            assertThat(e.getValue()).as(e.getKey()).isCloseTo(expected.getOrDefault(e.getKey(), 0.0), within(1e-6));
        }
        assertThat(query(avlLake, "select count(*) from views.route_days").get(0)).isNotEqualTo("0");
    }
}
