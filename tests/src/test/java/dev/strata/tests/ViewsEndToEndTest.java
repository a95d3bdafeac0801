package dev.strata.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 311 views through every interleaving a production lake sees: batch, new events, speed, query, batch
 * again, late events, updates, duplicates, a speed run killed half-way and rerun; after each one
 * {@code views verify} recomputes every view from the event history and must find it equal to the serving
 * layer. A corrupted serving table must fail it with exit code 3 and the differing keys.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ViewsEndToEndTest {

    private static final String MONTHLY_TOTALS = "select sum(cases), sum(resolved), sum(open) from views.requests_daily";

    @TempDir
    static Path dir;

    static Path lake;
    static Path input;
    static List<Map<String, String>> sample;
    static CliRun firstRun;

    @BeforeAll
    static void runThePipelineOnce() throws IOException {
        lake = dir.resolve("lake");
        input = dir.resolve("in");
        Files.createDirectories(input);
        try (Stream<Path> files = Files.list(Repository.serviceRequestSample())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                Files.copy(f, input.resolve(f.getFileName()));
            }
        }
        sample = new ArrayList<>();
        try (Stream<Path> files = Files.list(input)) {
            for (Path f : files.sorted().toList()) {
                sample.addAll(wellFormed(f));
            }
        }
        firstRun = run("run");
    }

    /** The records of a sample file that have as many fields as its header (the broken ones are left out). */
    static List<Map<String, String>> wellFormed(Path file) throws IOException {
        com.univocity.parsers.csv.CsvParserSettings settings = new com.univocity.parsers.csv.CsvParserSettings();
        settings.getFormat().setQuoteEscape('"');
        settings.getFormat().setLineSeparator("\n");
        settings.setMaxCharsPerColumn(-1);
        settings.setHeaderExtractionEnabled(true);
        com.univocity.parsers.csv.CsvParser parser = new com.univocity.parsers.csv.CsvParser(settings);
        List<Map<String, String>> records = new ArrayList<>();
        try (java.io.Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            parser.beginParsing(reader);
            String[] fields;
            while ((fields = parser.parseNext()) != null) {
                String[] header = parser.getContext().headers();
                if (fields.length != header.length) {
                    continue;
                }
                Map<String, String> record = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    record.put(header[i].replace("\r", ""), fields[i] == null ? null : fields[i].replace("\r", ""));
                }
                records.add(record);
            }
        }
        return records;
    }

    static CliRun run(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(more));
        args.addAll(List.of("--spec", "service_requests", "--lake", lake.toString(), "--input",
                "service_requests=" + input));
        return CliRun.of(args.toArray(String[]::new));
    }

    static void verified() {
        CliRun verify = CliRun.of("views", "verify", "--spec", "service_requests", "--lake", lake.toString());
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("requests_daily: ok").contains("requests_monthly: ok")
                .contains("requests_hourly_profile: ok").contains("neighborhood_addresses: ok")
                .doesNotContain("MISMATCH");
    }

    static List<Long> totals() {
        String line = ServiceRequestsEndToEndTest.query(lake, MONTHLY_TOTALS).get(0);
        return java.util.Arrays.stream(line.split(",")).map(Long::parseLong).toList();
    }

    static List<String> served(String view) {
        CliRun query = CliRun.of("views", "query", view, "--spec", "service_requests", "--lake", lake.toString(),
                "--format", "csv", "--max-rows", "1000000");
        assertThat(query.exitCode()).as(query.toString()).isZero();
        return query.out().lines().toList();
    }

    /** Writes records as a new export file with the sample's header, every field quoted. */
    static void arrive(String name, List<Map<String, String>> records) throws IOException {
        List<String> header = new ArrayList<>(sample.get(0).keySet());
        StringBuilder text = new StringBuilder(String.join(",", header)).append("\r\n");
        for (Map<String, String> r : records) {
            text.append(header.stream().map(h -> r.get(h) == null ? "" : "\"" + r.get(h).replace("\"", "\"\"") + "\"")
                    .collect(Collectors.joining(","))).append("\r\n");
        }
        Files.writeString(input.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Sample records that are valid, still open and carry no quoted line break. */
    static List<Map<String, String>> openCases(int n) {
        return sample.stream().filter(r -> r.values().stream().allMatch(v -> v == null || v.chars().allMatch(c -> c < 128)))
                .filter(r -> "Open".equals(r.get("Case Status")) && r.get("Latitude") != null
                && r.get("Case Summary") != null && !r.get("Case Summary").contains("\n")
                && r.get("Incident Zip Code") != null && r.get("Incident Zip Code").matches("\\d{5}")
                && r.get("Customer Zip Code") != null && r.get("Customer Zip Code").matches("\\d{5}"))
                .limit(n).toList();
    }

    @Test
    @Order(1)
    void theFirstRunBuildsTheBatchLayerAndItVerifies() {
        assertThat(firstRun.exitCode()).as(firstRun.toString()).isZero();
        assertThat(firstRun.out()).contains("views.requests_daily").contains("views.neighborhood_addresses");
        assertThat(firstRun.err()).contains("batch layer; watermark");
        verified();
        List<Long> totals = totals();
        List<String> clean = ServiceRequestsEndToEndTest.query(lake,
                "select count(*), sum(case when case_status = 'Closed' then 1 else 0 end) from clean.service_requests");
        assertThat(totals.get(0) + "," + totals.get(1)).isEqualTo(clean.get(0));
    }

    @Test
    @Order(2)
    void newEventsUpdatesLateEventsAndDuplicatesReachTheSpeedLayer() throws IOException {
        List<Long> before = totals();
        List<Map<String, String>> open = openCases(4);
        assertThat(open).hasSize(4);
        List<Map<String, String>> batch = new ArrayList<>();
        // two updates: open cases closed, with the creation time they had
        for (Map<String, String> r : open.subList(0, 2)) {
            Map<String, String> closed = new LinkedHashMap<>(r);
            closed.put("Case Status", "Closed");
            closed.put("Case Closed Date", r.get("Case Created Date"));
            closed.put("Case Closed dttm", r.get("Case Created dttm").replaceAll(" (AM|PM)$", " PM")
                    .replaceFirst(" \\d+:", " 11:"));
            batch.add(closed);
        }
        // three new cases, one of them late: created in January 2024, arriving now
        long id = 9_000_000;
        for (Map<String, String> r : open.subList(2, 4)) {
            Map<String, String> fresh = new LinkedHashMap<>(r);
            fresh.put("OBJECTID", Long.toString(id++));
            batch.add(fresh);
        }
        Map<String, String> late = new LinkedHashMap<>(open.get(3));
        late.put("OBJECTID", Long.toString(id));
        late.put("Case Created Date", "1/3/2024");
        late.put("Case Created dttm", "1/3/2024 10:15:00 AM");
        batch.add(late);
        // a duplicate: a case delivered again unchanged
        batch.add(open.get(3));
        // an update that moves a case to another neighborhood: its old group may be left without a live case
        Map<String, String> moved = new LinkedHashMap<>(openCases(50).stream().skip(open.size())
                .filter(r -> r.get("Neighborhood") != null).findFirst().orElseThrow());
        String from = moved.get("Neighborhood");
        String to = sample.stream().map(r -> r.get("Neighborhood")).filter(n -> n != null && !n.equals(from))
                .findFirst().orElseThrow();
        moved.put("Neighborhood", to);
        batch.add(moved);
        arrive("service_requests_part-00002.csv", batch);

        CliRun second = run("run");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.err()).contains("speed layer");
        assertThat(operations(lake.resolve("views/service_requests/requests_daily/serving/_delta_log")))
                .as("the speed run replaced the touched groups instead of rebuilding the serving table")
                .endsWith("MERGE");
        List<Long> after = totals();
        assertThat(after.get(0)).as("cases: three new, updates and the duplicate count once").isEqualTo(before.get(0) + 3);
        assertThat(after.get(1)).as("resolved: the two closed cases").isEqualTo(before.get(1) + 2);
        assertThat(after.get(2)).as("open: two closed, three new").isEqualTo(before.get(2) + 1);
        List<String> january = ServiceRequestsEndToEndTest.query(lake,
                "select sum(cases) from views.requests_daily where day = date'2024-01-03'");
        List<String> cleanJanuary = ServiceRequestsEndToEndTest.query(lake,
                "select count(*) from clean.service_requests where to_date(case_created_dttm) = date'2024-01-03'");
        assertThat(january).as("the late event is in its own day").isEqualTo(cleanJanuary);
        String day = "to_date('" + moved.get("Case Created dttm") + "', 'M/d/yyyy h:mm:ss a')";
        for (String neighborhood : List.of(from, to)) {
            String where = " and neighborhood = '" + neighborhood.replace("'", "\\'") + "'";
            assertThat(ServiceRequestsEndToEndTest.query(lake, "select coalesce(sum(cases), 0) from views.requests_daily"
                    + " where day = " + day + where))
                    .as("served cases of the moved case's day in " + neighborhood)
                    .isEqualTo(ServiceRequestsEndToEndTest.query(lake, "select count(*) from clean.service_requests"
                            + " where to_date(case_created_dttm) = " + day + where));
        }
        verified();
    }

    @Test
    @Order(3)
    void aSpeedRunWithNothingNewChangesNothing() {
        List<String> before = served("requests_monthly");
        CliRun speed = CliRun.of("views", "speed", "--spec", "service_requests", "--lake", lake.toString());
        assertThat(speed.exitCode()).as(speed.toString()).isZero();
        assertThat(served("requests_monthly")).isEqualTo(before);
        verified();
    }

    @Test
    @Order(4)
    void movingTheWatermarkKeepsTheServedAnswer() {
        List<String> daily = served("requests_daily");
        List<String> addresses = served("neighborhood_addresses");
        CliRun batch = CliRun.of("views", "batch", "--spec", "service_requests", "--lake", lake.toString());
        assertThat(batch.exitCode()).as(batch.toString()).isZero();
        assertThat(served("requests_daily")).isEqualTo(daily);
        assertThat(served("neighborhood_addresses")).hasSameSizeAs(addresses);
        verified();
        CliRun again = CliRun.of("views", "batch", "--spec", "service_requests", "--lake", lake.toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(served("requests_daily")).as("a rerun of the batch gives identical rows").isEqualTo(daily);
        CliRun back = CliRun.of("views", "batch", "--watermark", "2020-01-01T00:00:00Z", "--spec", "service_requests",
                "--lake", lake.toString());
        assertThat(back.exitCode()).as(back.toString()).isEqualTo(2);
        assertThat(back.err()).contains("cannot move back");
    }

    @Test
    @Order(5)
    void aSpeedRunKilledHalfWayAndRerunCountsEverythingOnce() throws Exception {
        // a larger increment, cleaned but not yet in the views: updates of many cases at once
        List<Map<String, String>> updates = new ArrayList<>();
        for (Map<String, String> r : openCases(400)) {
            Map<String, String> u = new LinkedHashMap<>(r);
            u.put("Case Status", "In Progress");
            updates.add(u);
        }
        arrive("service_requests_part-00003.csv", updates);
        CliRun ingest = run("ingest");
        assertThat(ingest.exitCode()).as(ingest.toString()).isZero();
        CliRun clean = run("clean");
        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        assertThat(clean.err()).contains("change(s) recorded in history.service_requests");

        Path speedLog = lake.resolve("views/service_requests/requests_daily/speed/_delta_log");
        long commitsBefore = commits(speedLog);
        Process child = new ProcessBuilder(CliRun.childJvmCommand("views", "speed", "--view", "requests_daily",
                "--conf", "spark.strata.views.maxFilesPerTrigger=1", "--spec", "service_requests",
                "--lake", lake.toString())).redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (child.isAlive() && commits(speedLog) == commitsBefore && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        boolean killedMidway = child.isAlive();
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
        System.out.println("speed run killed " + (killedMidway ? "after its first micro-batch" : "after it ended")
                + "; speed commits " + commitsBefore + " -> " + commits(speedLog));

        CliRun rerun = CliRun.of("views", "speed", "--spec", "service_requests", "--lake", lake.toString());
        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        verified();
        List<Long> totals = totals();
        assertThat(totals.get(0)).as("updates add no case").isEqualTo(Long.parseLong(ServiceRequestsEndToEndTest
                .query(lake, "select count(*) from clean.service_requests").get(0)));
    }

    /** The operation of each commit in a Delta log, in order. */
    private static List<String> operations(Path log) throws IOException {
        List<String> operations = new ArrayList<>();
        try (Stream<Path> files = Files.list(log)) {
            for (Path commit : files.filter(p -> p.getFileName().toString().matches("\\d+\\.json")).sorted().toList()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"operation\":\"([A-Z ]+)\"")
                        .matcher(Files.readString(commit));
                operations.add(m.find() ? m.group(1) : "?");
            }
        }
        return operations;
    }

    private static long commits(Path log) throws IOException {
        if (!Files.isDirectory(log)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(log)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d+\\.json")).count();
        }
    }

    @Test
    @Order(6)
    void aCorruptedServingTableFailsVerification() {
        Path serving = lake.resolve("views/service_requests/requests_monthly/serving");
        CliRun corrupt = CliRun.of("sql", "UPDATE delta.`" + serving + "` SET cases = cases + 1 WHERE month = "
                + "date'2024-01-01' AND agency = 'Public Health & Environment'", "--lake", lake.toString());
        assertThat(corrupt.exitCode()).as(corrupt.toString()).isZero();
        CliRun verify = CliRun.of("views", "verify", "--view", "requests_monthly", "--spec", "service_requests",
                "--lake", lake.toString());
        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(3);
        assertThat(verify.out()).contains("requests_monthly: MISMATCH")
                .contains("month=2024-01-01").contains("agency=Public Health & Environment").contains("cases served");
        CliRun serve = CliRun.of("views", "serve", "--spec", "service_requests", "--lake", lake.toString());
        assertThat(serve.exitCode()).as(serve.toString()).isZero();
        verified();
    }
}
