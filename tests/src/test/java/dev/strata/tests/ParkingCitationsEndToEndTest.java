package dev.strata.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parking-citation pipeline as a city's data team runs it: six daily files, then the seventh day's file,
 * the same day's file arriving a second time and nothing new at all; the served views are checked after each
 * run against a model of the files computed here (a citation counted once, on the day it was issued, whatever
 * file it came in), and then loaded into a PostgreSQL warehouse and drawn on the dashboard.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParkingCitationsEndToEndTest {

    private static final String[] VIEWS = {"citations_daily", "violations", "citations_hourly"};

    @TempDir
    static Path dir;

    static Path lake;
    static Path input;
    static CliRun firstRun;
    static EmbeddedWarehouse warehouse;

    @BeforeAll
    static void runTheFirstSixDays() throws IOException {
        lake = dir.resolve("lake");
        input = Files.createDirectories(dir.resolve("citations"));
        List<Path> days = samples();
        for (Path day : days.subList(0, 6)) {
            Files.copy(day, input.resolve(day.getFileName()));
        }
        firstRun = run();
    }

    @AfterAll
    static void stopTheWarehouse() {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    static CliRun run() {
        return CliRun.of("run", "--spec", "parking_citations", "--lake", lake.toString(),
                "--input", "parking_citations=" + input,
                "--input", "la_zip_centroids=" + Repository.root().resolve("data-samples/parking_citations/zip_centroids"));
    }

    static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(Repository.root().resolve("data-samples/parking_citations/citations"))) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
    }

    static List<String> query(String sql) {
        return ServiceRequestsEndToEndTest.query(lake, sql);
    }

    /** Every line of a file as its fields, a cut line with fewer. */
    static List<String[]> lines(Path file) {
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setLineSeparator("\n");
        settings.setHeaderExtractionEnabled(true);
        settings.setEmptyValue("");
        settings.setNullValue("");
        CsvParser parser = new CsvParser(settings);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parser.parseAll(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the views must serve for the files in {@code input}, from the lines themselves: a line is a citation
     * when it has all 19 fields, a ticket number, an HHMM time and a numeric fine; a ticket number counts once.
     * Per issue day: citations and fines.
     */
    static Map<String, String> expectedByDay() throws IOException {
        Map<String, String[]> citations = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(input)) {
            for (Path f : files.sorted().toList()) {
                for (String[] r : lines(f)) {
                    if (r.length != 19 || r[0].isEmpty() || !r[2].matches("\\d{1,4}")
                            || Integer.parseInt(r[2]) > 2359 || Integer.parseInt(r[2]) % 100 >= 60
                            || !r[16].matches("\\d+(\\.\\d+)?")) {
                        continue;
                    }
                    citations.put(r[0], r);
                }
            }
        }
        Map<String, long[]> days = new TreeMap<>();
        Map<String, BigDecimal> fines = new TreeMap<>();
        for (String[] r : citations.values()) {
            String day = r[1].substring(0, 10);
            days.computeIfAbsent(day, d -> new long[1])[0]++;
            fines.merge(day, new BigDecimal(r[16]), BigDecimal::add);
        }
        Map<String, String> expected = new TreeMap<>();
        days.forEach((day, n) -> expected.put(day, n[0] + "," + fines.get(day).intValueExact()));
        return expected;
    }

    static Map<String, String> servedByDay() {
        Map<String, String> served = new TreeMap<>();
        for (String line : query("select day, sum(citations), cast(sum(revenue) as bigint) from views.citations_daily"
                + " group by day")) {
            int comma = line.indexOf(',');
            served.put(line.substring(0, comma), line.substring(comma + 1));
        }
        return served;
    }

    @Test
    @Order(1)
    void sixDaysOfFilesBecomeViewsThatCountEachCitationOnceOnItsOwnDay() throws IOException {
        assertThat(firstRun.exitCode()).as(firstRun.toString()).isZero();
        assertThat(firstRun.out()).containsPattern("clean\\s+clean\\.la_zip_centroids\\s+287\\s+287\\s+0\\s+0\\s")
                .contains("balanced");
        long lines = 0;
        try (Stream<Path> files = Files.list(input)) {
            for (Path f : files.toList()) {
                lines += lines(f).size();
            }
        }
        assertThat(firstRun.out()).containsPattern("clean\\s+clean\\.parking_citations\\s+" + String.format("%,d",
                lines) + "\\s");
        // every broken line is in quarantine under a rule that names what is wrong
        assertThat(query("select _rule from quarantine.parking_citations group by _rule")).isNotEmpty()
                .allMatch(rule -> rule.matches("parse_fields|not_null_ticket_number|required_fields"
                        + "|issue_time_is_hhmm|type_fine_amount|type_issue_time"));
        Map<String, String> expected = expectedByDay();
        // late citations arrive in the next day's file, yet each counts on the day it was issued
        assertThat(expected).containsKey("2024-03-04");
        assertThat(servedByDay()).isEqualTo(expected);
        TelemetryEndToEndTest.verified(lake, "parking_citations", VIEWS);
    }

    @Test
    @Order(2)
    void positionsBecomeDegreesAndZipCodesOrStayMissing() {
        // 99999 is "no position": no degrees and no ZIP code; every other position lies in Los Angeles and is
        // within 5 km of a ZIP code's centroid
        assertThat(query("select count(*) from clean.parking_citations where x_state_plane_ft = 99999"
                + " and (latitude is not null or zip_code is not null)")).containsExactly("0");
        assertThat(query("select count(*) from clean.parking_citations where x_state_plane_ft <> 99999 and not"
                + " (latitude between 33.6 and 34.4 and longitude between -118.7 and -118.1 and zip_code is not null"
                + " and zip_distance_km < 5)")).containsExactly("0");
        assertThat(query("select count(distinct zip_code) > 20 from clean.parking_citations")).containsExactly("true");
        assertThat(query("select count(*) from clean.parking_citations where issued_at is null"
                + " or hour(issued_at) * 100 + minute(issued_at) <> issue_time or to_date(issued_at) <> issue_date"))
                .containsExactly("0");
    }

    @Test
    @Order(3)
    void theNextDayRepeatedDaysAndNothingNewChangeOnlyWhatTheyShould() throws IOException {
        Map<String, String> before = servedByDay();
        List<Path> days = samples();
        // the sixth day's file again under another name: the same content, already ingested
        Files.copy(days.get(5), input.resolve("resent_" + days.get(5).getFileName()));
        CliRun again = run();
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(servedByDay()).isEqualTo(before);

        Files.delete(input.resolve("resent_" + days.get(5).getFileName()));
        Files.copy(days.get(6), input.resolve(days.get(6).getFileName()));
        CliRun seventh = run();
        assertThat(seventh.exitCode()).as(seventh.toString()).isZero();
        assertThat(seventh.err()).contains("speed layer");
        Map<String, String> after = servedByDay();
        assertThat(after).isEqualTo(expectedByDay()).containsKey("2024-03-10");
        // the seventh file's late citations of the sixth day add to that day
        assertThat(after.get("2024-03-09")).isNotEqualTo(before.get("2024-03-09"));
        TelemetryEndToEndTest.verified(lake, "parking_citations", VIEWS);

        CliRun nothing = run();
        assertThat(nothing.exitCode()).as(nothing.toString()).isZero();
        assertThat(nothing.out()).containsPattern("clean\\s+clean\\.parking_citations\\s+0\\s+0\\s+0\\s+0\\s");
        assertThat(servedByDay()).isEqualTo(after);
    }

    @Test
    @Order(4)
    void theViewsLoadIntoTheWarehouseAndTheDashboardDrawsThem() throws IOException {
        warehouse = EmbeddedWarehouse.start();
        CliRun publish = CliRun.of("publish", "--spec", "parking_citations", "--lake", lake.toString(),
                "--redshift-url", warehouse.url(), "--redshift-user", EmbeddedWarehouse.USER);
        assertThat(publish.exitCode()).as(publish.toString()).isZero();
        assertThat(warehouse.counts("parking")).isEqualTo(LakeCounts.served(lake, List.of(VIEWS)));
        assertThat(warehouse.rows("SELECT SUM(citations) FROM parking.citations_daily")).containsExactly(
                query("select sum(citations) from views.citations_daily").get(0));
        // one served view alone, as the Airflow DAG's load task does it: a reload changes nothing
        CliRun one = CliRun.of("redshift", "load", "--spec", "parking_citations", "--lake", lake.toString(),
                "--table", "violations", "--redshift-url", warehouse.url(), "--redshift-user", EmbeddedWarehouse.USER);
        assertThat(one.exitCode()).as(one.toString()).isZero();
        assertThat(one.out()).contains("redshift:parking.violations").doesNotContain("citations_daily");
        assertThat(warehouse.counts("parking")).isEqualTo(LakeCounts.served(lake, List.of(VIEWS)));

        Path out = dir.resolve("dashboard");
        CliRun dashboard = CliRun.of("dashboard", "--spec", "parking_citations", "--lake", lake.toString(), "--out",
                out.toString());
        assertThat(dashboard.exitCode()).as(dashboard.toString()).isZero();
        String page = Files.readString(out.resolve("parking_citations.html"), StandardCharsets.UTF_8);
        for (String chart : List.of("revenue_per_day", "citations_per_day_by_agency", "top_zip_codes",
                "top_violations", "violations_by_zip", "hourly_profile")) {
            assertThat(page).contains("\"" + chart + "\"");
        }
        String busiest = query("select violation_description from views.violations order by citations desc, "
                + "violation_description limit 1").get(0);
        assertThat(page).contains(busiest);
    }
}
