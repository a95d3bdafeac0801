package dev.strata.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.samples.ServiceRequestGenerator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The 311 pipeline end to end through the CLI, checked against figures worked out from the generator. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceRequestsEndToEndTest {

    private static final long SEED = 311;
    private static final long ROWS = 20_000;

    @TempDir
    static Path dir;

    static Path lake;
    static CliRun firstRun;
    static ExpectedServiceRequests expected;

    @BeforeAll
    static void runThePipelineOnce() {
        expected = new ExpectedServiceRequests(SEED, ROWS);
        // the suite's one run of the 311 pipeline over the sample (the dashboard test reads the same lake)
        lake = SampleLakes.serviceRequests().lake();
        firstRun = SampleLakes.serviceRequests().run();
    }

    /** A query through the CLI, as CSV lines without the header. */
    static List<String> query(Path lakeRoot, String sql) {
        CliRun run = CliRun.of("sql", sql, "--lake", lakeRoot.toString(), "--format", "csv", "--max-rows", "1000000");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> lines = new ArrayList<>(run.out().lines().toList());
        lines.remove(0);
        return lines;
    }

    static Map<String, Long> pairs(Path lakeRoot, String sql) {
        Map<String, Long> result = new TreeMap<>();
        for (String line : query(lakeRoot, sql)) {
            int comma = line.lastIndexOf(',');
            result.put(line.substring(0, comma), Long.parseLong(line.substring(comma + 1)));
        }
        return result;
    }

    @Test
    @Order(1)
    void theCommittedSampleIsWhatTheGeneratorMakes() throws Exception {
        Path regenerated = dir.resolve("regenerated");
        new ServiceRequestGenerator(SEED).write(regenerated, ROWS, 2);
        for (String name : List.of("service_requests_part-00000.csv", "service_requests_part-00001.csv")) {
            assertThat(Files.mismatch(regenerated.resolve(name), Repository.serviceRequestSample().resolve(name)))
                    .as(name).isEqualTo(-1L);
        }
    }

    @Test
    @Order(2)
    void theRunSucceedsAndItsLedgerBalances() {
        assertThat(firstRun.exitCode()).as(firstRun.toString()).isZero();
        String cleanLine = firstRun.out().lines().filter(l -> l.startsWith("clean")).findFirst().orElseThrow();
        assertThat(cleanLine).contains(String.format("%,d", expected.read))
                .contains(String.format("%,d", (long) expected.clean.size()))
                .contains(String.format("%,d", expected.quarantined))
                .contains(String.format("%,d", expected.duplicates))
                .endsWith("balanced");
        assertThat(expected.read).isEqualTo(expected.clean.size() + expected.quarantined + expected.duplicates);
        assertThat(firstRun.err()).contains("ingest raw.service_requests").contains("clean clean.service_requests");
    }

    @Test
    @Order(3)
    void everyMalformedRowIsInQuarantineWithItsRule() {
        assertThat(pairs(lake, "select _rule, count(*) from quarantine.service_requests group by _rule"))
                .isEqualTo(expected.quarantinedByRule);
        List<String> missing = query(lake, "select count(*) from quarantine.service_requests where _raw_text is null "
                + "or _reason is null or _line_number is null or _source_file is null or _batch_id is null");
        assertThat(missing).containsExactly("0");
        assertThat(query(lake, "select count(*) from clean.service_requests")).containsExactly(
                Long.toString(expected.clean.size()));
    }

    @Test
    @Order(4)
    void quotedLineBreaksAndCommasSurviveIntact() {
        long expectedMultiline = expected.clean.values().stream().filter(r -> r.caseSummary() != null && r.caseSummary().contains("\n")).count();
        assertThat(expectedMultiline).isPositive();
        assertThat(query(lake, "select count(*) from clean.service_requests where case_summary like '%\\n%'"))
                .containsExactly(Long.toString(expectedMultiline));
        long quoted = expected.clean.values().stream()
                .filter(r -> r.caseSummary() != null && r.caseSummary().contains("\"")).count();
        assertThat(quoted).isPositive();
        assertThat(query(lake, "select count(*) from clean.service_requests where case_summary like '%\"%'"))
                .containsExactly(Long.toString(quoted));
    }

    @Test
    @Order(5)
    void curatedTablesAnswerTheDashboardQuestions() {
        assertThat(pairs(lake, "select cast(month as string), total from curated.requests_by_month"))
                .isEqualTo(expected.totalByMonth());
        assertThat(pairs(lake, "select cast(month as string), closed from curated.requests_by_month"))
                .isEqualTo(expected.closedByMonth());
        assertThat(pairs(lake, "select case_source, cases from curated.requests_by_source"))
                .isEqualTo(expected.count(r -> r.caseSource()));
        assertThat(pairs(lake, "select status_group, cases from curated.resolution_status"))
                .isEqualTo(expected.count(r -> r.resolved() ? "Resolved" : "Unresolved"));
        assertThat(pairs(lake, "select cast(hour_of_day as string), cases from curated.requests_by_hour"))
                .isEqualTo(expected.count(r -> r.createdAt().getHour()));
        assertThat(pairs(lake, "select cast(month as string), resolved_on_first_call from curated.first_call_resolution"))
                .isEqualTo(withZeros(expected.count(r -> Boolean.TRUE.equals(r.firstCallResolution())
                        ? r.createdAt().toLocalDate().withDayOfMonth(1).toString() : "none"), expected.totalByMonth()));
        Map<String, Long> byArea = expected.count(r -> r.neighborhood());
        byArea.remove("null");
        assertThat(pairs(lake, "select neighborhood, cases from curated.requests_by_area")).isEqualTo(byArea);
        Map<String, Long> departments = expected.count(r -> r.division());
        departments.remove("null");
        String busiest = departments.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(query(lake, "select division from curated.busiest_departments where rank = 1"))
                .containsExactly(busiest);
        assertThat(query(lake, "select max(c) from (select count(*) c from curated.top_types_by_neighborhood "
                + "group by neighborhood)")).containsExactly("5");
        assertThat(query(lake, "select count(*) from curated.department_dim where is_current"))
                .containsExactly(Long.toString(departments.size()));
    }

    private static Map<String, Long> withZeros(Map<String, Long> counts, Map<String, Long> months) {
        Map<String, Long> result = new TreeMap<>();
        months.keySet().forEach(m -> result.put(m, counts.getOrDefault(m, 0L)));
        return result;
    }

    @Test
    @Order(6)
    void aRerunChangesNothing() {
        List<String> cleanBefore = query(lake, "select * from clean.service_requests order by case_id");
        List<String> monthsBefore = query(lake, "select * from curated.requests_by_month order by month");
        CliRun again = CliRun.of("run", "--spec", "service_requests", "--lake", lake.toString(),
                "--input", "service_requests=" + Repository.serviceRequestSample());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).contains("already ingested, nothing copied").contains("no new raw batches");
        assertThat(query(lake, "select * from clean.service_requests order by case_id")).isEqualTo(cleanBefore);
        assertThat(query(lake, "select * from curated.requests_by_month order by month")).isEqualTo(monthsBefore);
        assertThat(query(lake, "select count(*) from quarantine.service_requests"))
                .containsExactly(Long.toString(expected.quarantined));
        CliRun runs = CliRun.of("runs", "--lake", lake.toString());
        assertThat(runs.out()).contains("succeeded").contains("service_requests");
        assertThat(runs.out().lines().filter(l -> l.contains("succeeded")).count()).isEqualTo(2);
    }

    @Test
    @Order(7)
    void aRunKilledMidwayAndRerunEndsWithTheSameTables() throws Exception {
        Path killedLake = dir.resolve("killed-lake");
        List<String> command = CliRun.childJvmCommand("run", "--spec", "service_requests", "--lake",
                killedLake.toString(), "--input", "service_requests=" + Repository.serviceRequestSample());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean sawParse = false;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.contains("clean service_requests: parsed")) {
                    sawParse = true;
                    break;
                }
            }
            // killed while the clean stage writes: after ingest, before the batch is marked cleaned
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(sawParse).as("the child run reached the clean stage").isTrue();
        assertThat(Files.exists(killedLake.resolve("_state/service_requests/service_requests/cleaned"))).isFalse();

        CliRun rerun = CliRun.of("run", "--spec", "service_requests", "--lake", killedLake.toString(),
                "--input", "service_requests=" + Repository.serviceRequestSample());
        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        assertThat(rerun.err()).contains("already ingested");

        String columns = "case_id, case_summary, case_status, case_created_dttm, case_closed_dttm, latitude, "
                + "neighborhood, _line_number";
        assertThat(query(killedLake, "select " + columns + " from clean.service_requests order by case_id"))
                .isEqualTo(query(lake, "select " + columns + " from clean.service_requests order by case_id"));
        String quarantine = "select _line_number, _rule, _reason, _raw_text from quarantine.service_requests "
                + "order by _source_file, _line_number";
        assertThat(query(killedLake, quarantine).size()).isEqualTo(query(lake, quarantine).size());
        for (String table : List.of("requests_by_month", "requests_by_area", "requests_by_source",
                "first_call_resolution", "busiest_departments", "resolution_status", "requests_by_hour",
                "top_types_by_neighborhood")) {
            String sql = "select * from curated." + table + " order by 1, 2";
            assertThat(query(killedLake, sql)).as(table).isEqualTo(query(lake, sql));
        }
    }
}
