package dev.strata.samples.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.samples.CsvText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryGeneratorTest {

    private static final LocalDate START = TelemetryGenerator.DEFAULT_START;

    @TempDir
    Path dir;

    private static List<List<String>> records(Path file) throws IOException {
        List<List<String>> records = CsvText.records(Files.readString(file, StandardCharsets.UTF_8));
        return records.subList(1, records.size());
    }

    private static List<List<String>> all(TelemetryReport report) throws IOException {
        List<List<String>> all = new ArrayList<>();
        for (Path f : report.files()) {
            all.addAll(records(f));
        }
        return all;
    }

    private static boolean good(List<String> r) {
        return r.size() == 10 && !r.get(0).isEmpty() && r.get(1).contains("T") && !r.get(2).equals("0.000000")
                && !r.get(4).equals("655.35");
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOtherData() throws IOException {
        TelemetryReport a = new TelemetryGenerator(5, 0.01).write(dir.resolve("a"), 3, 2, START, FeedFormat.TELEMETRY);
        TelemetryReport b = new TelemetryGenerator(5, 0.01).write(dir.resolve("b"), 3, 2, START, FeedFormat.TELEMETRY);
        TelemetryReport c = new TelemetryGenerator(6, 0.01).write(dir.resolve("c"), 3, 2, START, FeedFormat.TELEMETRY);

        assertThat(a.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("telemetry_2024-03-09.csv", "telemetry_2024-03-10.csv");
        for (int i = 0; i < 2; i++) {
            assertThat(Files.readAllBytes(a.files().get(i))).isEqualTo(Files.readAllBytes(b.files().get(i)));
            assertThat(Files.readAllBytes(a.files().get(i))).isNotEqualTo(Files.readAllBytes(c.files().get(i)));
        }
        assertThat(a.toString()).isEqualTo(b.toString());
    }

    @Test
    void moreVehiclesAndMoreDaysLeaveTheFirstOnesAsTheyWere() throws IOException {
        TelemetryReport small = new TelemetryGenerator(5, 0.01).write(dir.resolve("s"), 2, 2, START,
                FeedFormat.TELEMETRY);
        TelemetryReport large = new TelemetryGenerator(5, 0.01).write(dir.resolve("l"), 6, 3, START,
                FeedFormat.TELEMETRY);

        for (int day = 0; day < 2; day++) {
            List<List<String>> first = records(small.files().get(day));
            List<List<String>> same = records(large.files().get(day)).stream()
                    .filter(r -> r.get(0).equals("V001") || r.get(0).equals("V002")).toList();
            // a line with an empty vehicle id can only be compared by position: drop them from both
            assertThat(same).isEqualTo(first.stream().filter(r -> !r.get(0).isEmpty()).toList());
        }
    }

    @Test
    void theReportCountsWhatTheFilesHold() throws IOException {
        TelemetryReport report = new TelemetryGenerator(TelemetryGenerator.DEFAULT_SEED, 0.02)
                .write(dir, 10, 3, START, FeedFormat.TELEMETRY);
        List<List<String>> all = all(report);
        Map<TelemetryDefect, Long> seen = new HashMap<>();
        List<String> previous = null;
        for (List<String> r : all) {
            TelemetryDefect kind = r.size() < 10 ? TelemetryDefect.TRUNCATED
                    : r.get(0).isEmpty() ? TelemetryDefect.MISSING_VEHICLE
                    : !r.get(1).contains("T") ? TelemetryDefect.BAD_TIMESTAMP
                    : r.get(2).equals("0.000000") ? TelemetryDefect.NO_FIX
                    : r.get(4).equals("655.35") ? TelemetryDefect.SPEED_OVERFLOW
                    : r.equals(previous) ? TelemetryDefect.RESENT : TelemetryDefect.NONE;
            seen.merge(kind, 1L, Long::sum);
            previous = r;
        }

        assertThat(report.lines()).isEqualTo(all.size());
        for (TelemetryDefect d : TelemetryDefect.values()) {
            assertThat(seen.getOrDefault(d, 0L)).as(d.name()).isEqualTo(report.count(d));
        }
        assertThat(TelemetryDefect.kinds()).allSatisfy(d -> assertThat(report.count(d)).as(d.name()).isPositive());
        long bytes = 0;
        for (Path f : report.files()) {
            bytes += Files.size(f);
        }
        assertThat(report.bytes()).isEqualTo(bytes);
    }

    /** Local time with the offset in force: the clock jumps from 02:00 MST to 03:00 MDT on 10 March 2024. */
    @Test
    void timesAreLocalWithTheirOffsetAcrossTheClockChange() throws IOException {
        TelemetryReport report = new TelemetryGenerator(TelemetryGenerator.DEFAULT_SEED, 0)
                .write(dir, 10, 3, START, FeedFormat.TELEMETRY);
        List<List<String>> clockChangeDay = records(report.files().get(1));
        List<OffsetDateTime> times = clockChangeDay.stream().map(r -> OffsetDateTime.parse(r.get(1))).toList();

        assertThat(times).allSatisfy(t -> assertThat(t.toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 10)));
        assertThat(times).filteredOn(t -> t.getHour() < 2).isNotEmpty()
                .allSatisfy(t -> assertThat(t.getOffset()).isEqualTo(ZoneOffset.ofHours(-7)));
        assertThat(times).filteredOn(t -> t.getHour() >= 3).isNotEmpty()
                .allSatisfy(t -> assertThat(t.getOffset()).isEqualTo(ZoneOffset.ofHours(-6)));
        assertThat(times).noneMatch(t -> t.getHour() == 2);
        // the night vehicles are out through the missing hour: between two of their reports on either side of it,
        // an hour less passed than the wall clock says
        Map<String, List<OffsetDateTime>> byVehicle = new TreeMap<>();
        for (List<String> r : clockChangeDay) {
            byVehicle.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(OffsetDateTime.parse(r.get(1)));
        }
        int acrossTheJump = 0;
        for (List<OffsetDateTime> reports : byVehicle.values()) {
            for (int i = 1; i < reports.size(); i++) {
                OffsetDateTime before = reports.get(i - 1);
                OffsetDateTime after = reports.get(i);
                if (before.getHour() < 2 && after.getHour() >= 3) {
                    acrossTheJump++;
                    long wall = java.time.Duration.between(before.toLocalDateTime(), after.toLocalDateTime()).toSeconds();
                    assertThat(after.toEpochSecond() - before.toEpochSecond()).isEqualTo(wall - 3600);
                }
            }
        }
        assertThat(acrossTheJump).isEqualTo(2);
    }

    @Test
    void vehiclesDriveAlongRoadsAtPlausibleSpeedsAndTheirOdometersAgreeWithTheirPositions() throws IOException {
        TelemetryReport report = new TelemetryGenerator(TelemetryGenerator.DEFAULT_SEED, 0)
                .write(dir, 10, 3, START, FeedFormat.TELEMETRY);
        Map<String, List<List<String>>> byVehicleDay = new TreeMap<>();
        for (List<String> r : all(report)) {
            assertThat(good(r)).as(r.toString()).isTrue();
            byVehicleDay.computeIfAbsent(r.get(0) + " " + r.get(1).substring(0, 10), k -> new ArrayList<>()).add(r);
        }
        assertThat(byVehicleDay).hasSize((int) report.vehicleDays());
        for (Map.Entry<String, List<List<String>>> e : byVehicleDay.entrySet()) {
            List<List<String>> rows = e.getValue();
            double positions = 0;
            for (int i = 1; i < rows.size(); i++) {
                List<String> a = rows.get(i - 1);
                List<String> b = rows.get(i);
                assertThat(OffsetDateTime.parse(b.get(1))).as(e.getKey()).isAfter(OffsetDateTime.parse(a.get(1)));
                assertThat(Double.parseDouble(b.get(5))).isGreaterThanOrEqualTo(Double.parseDouble(a.get(5)));
                if (Math.max(Double.parseDouble(a.get(4)), Double.parseDouble(b.get(4))) > 3) {
                    positions += RoadGrid.metres(Double.parseDouble(a.get(2)), Double.parseDouble(a.get(3)),
                            Double.parseDouble(b.get(2)), Double.parseDouble(b.get(3))) / 1000;
                }
            }
            double odometer = Double.parseDouble(rows.get(rows.size() - 1).get(5)) - Double.parseDouble(rows.get(0).get(5));
            // straight lines between reports cut corners and feed gaps: a little less than the odometer, never more
            assertThat(positions).as(e.getKey()).isBetween(0.75 * odometer, odometer + 0.2);
            assertThat(rows).allSatisfy(r -> assertThat(Double.parseDouble(r.get(4))).isBetween(0.0, 130.0));
            assertThat(rows).allSatisfy(r -> assertThat(Double.parseDouble(r.get(2))).isBetween(39.6, 39.9));
        }
    }

    @Test
    void aBrokenDownVehicleStopsAndIsOutOfServiceUntilItIsRepaired() throws IOException {
        TelemetryReport report = new TelemetryGenerator(TelemetryGenerator.DEFAULT_SEED, 0)
                .write(dir, 10, 3, START, FeedFormat.TELEMETRY);
        List<List<String>> all = all(report);

        assertThat(report.breakdowns()).containsExactly("V002 P0335 at 2024-03-11T14:39:29-06:00",
                "V003 P0524 at 2024-03-10T15:30:36-06:00", "V006 P0217 at 2024-03-11T07:49:41-06:00");
        // V003 broke down on the 10th: its last reports stand still with the code, and it is not out on the 11th
        List<List<String>> v003 = all.stream().filter(r -> r.get(0).equals("V003")).toList();
        List<List<String>> coded = v003.stream().filter(r -> r.get(9).equals("P0524")).toList();
        assertThat(coded).isNotEmpty().allSatisfy(r -> assertThat(r.get(8)).isEqualTo("1"));
        assertThat(v003.get(v003.size() - 1)).isEqualTo(coded.get(coded.size() - 1));
        assertThat(Double.parseDouble(coded.get(coded.size() - 1).get(4))).isZero();
        assertThat(v003).noneMatch(r -> r.get(1).startsWith("2024-03-11"));
        // overheating ends in the engine over 105 °C
        assertThat(all).filteredOn(r -> r.get(9).equals("P0217")).anySatisfy(r ->
                assertThat(Integer.parseInt(r.get(6))).isGreaterThan(105));
    }

    @Test
    void theFleetBreaksDownAboutOnceEveryMeanTimeToFailure() throws IOException {
        TelemetryReport report = new TelemetryGenerator(11, 0).write(dir, 100, 10, START, FeedFormat.TELEMETRY);

        double hoursPerBreakdown = report.runningHours() / report.breakdowns().size();
        System.out.printf("100 vehicles over 10 days: %.0f running hours, %d breakdowns, %.1f h between"
                + " breakdowns (simulated mean %.0f h)%n", report.runningHours(), report.breakdowns().size(),
                hoursPerBreakdown, TelemetryGenerator.MEAN_HOURS_TO_FAILURE);
        assertThat(hoursPerBreakdown).isBetween(0.7 * TelemetryGenerator.MEAN_HOURS_TO_FAILURE,
                1.3 * TelemetryGenerator.MEAN_HOURS_TO_FAILURE);
    }

    @Test
    void theAvlFormatHasOnlyVehicleTimePositionSpeedAndRouteInUtc() throws IOException {
        TelemetryReport telemetry = new TelemetryGenerator(3, 0).write(dir.resolve("t"), 4, 2, START,
                FeedFormat.TELEMETRY);
        TelemetryReport avl = new TelemetryGenerator(3, 0).write(dir.resolve("a"), 4, 2, START, FeedFormat.AVL);

        assertThat(Files.readAllLines(avl.files().get(0)).get(0)).isEqualTo("VehicleID,GpsTimeUtc,Lat,Lon,SpeedMph,RouteId");
        Map<String, List<String>> byInstant = new HashMap<>();
        for (List<String> r : all(telemetry)) {
            byInstant.put(r.get(0) + " " + OffsetDateTime.parse(r.get(1)).toInstant(), r);
        }
        DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        long matched = 0;
        for (List<String> r : all(avl)) {
            assertThat(r).hasSize(6);
            assertThat(r.get(5)).matches("R\\d{2}|P\\d");
            Instant at = LocalDateTime.parse(r.get(1), utc).toInstant(ZoneOffset.UTC);
            List<String> same = byInstant.get(r.get(0) + " " + at);
            if (same != null) {
                matched++;
                assertThat(r.subList(2, 4)).isEqualTo(same.subList(2, 4));
                assertThat(Double.parseDouble(r.get(4)) * 1.609344).isCloseTo(Double.parseDouble(same.get(4)),
                        org.assertj.core.data.Offset.offset(0.15));
            }
        }
        // the files are cut by UTC day rather than local day: only the last evening's reports differ
        assertThat(matched).isGreaterThan(all(avl).size() * 9L / 10);
    }

    @Test
    void refusesAnEmptyFleetAndTooManyDays() {
        TelemetryGenerator generator = new TelemetryGenerator(1, 0);
        assertThatThrownBy(() -> generator.write(dir, 0, 1, START, FeedFormat.TELEMETRY))
                .hasMessage("vehicles must be within 1..10000, cannot be: 0");
        assertThatThrownBy(() -> generator.write(dir, 1, 367, START, FeedFormat.TELEMETRY))
                .hasMessage("days must be within 1..366, cannot be: 367");
        assertThatThrownBy(() -> new TelemetryGenerator(1, 0.6)).hasMessage("defect rate must be within 0..0.5, cannot be: 0.6");
    }
}
