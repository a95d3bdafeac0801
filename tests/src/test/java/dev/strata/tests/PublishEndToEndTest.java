package dev.strata.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code strata publish} of the 311 pipeline through the CLI, to moto's Glue and SNS and to a PostgreSQL server
 * standing in for Redshift, all on 127.0.0.1. The lake is built once from the committed sample with the bundled
 * spec, in which one curated table ({@code requests_by_area}) is partitioned by council district so that its
 * Spectrum table has partitions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLEAN = "strata_service_requests_clean";
    private static final String QUARANTINE = "strata_service_requests_quarantine";
    private static final String CURATED = "strata_service_requests";
    private static final String VIEWS = "strata_service_requests_views";
    private static final List<String> VIEW_NAMES = List.of("neighborhood_addresses", "requests_daily",
            "requests_hourly_profile", "requests_monthly");
    private static final List<String> CURATED_TABLES = List.of("busiest_departments", "department_dim",
            "first_call_resolution", "requests_by_area", "requests_by_hour", "requests_by_month",
            "requests_by_source", "resolution_status", "top_types_by_neighborhood");
    private static final String ROLE = "arn:aws:iam::123456789012:role/x";

    @TempDir
    static Path dir;

    static Path lake;
    static Path spec;
    static CliRun pipelineRun;
    static MotoAws aws;
    static EmbeddedWarehouse warehouse;
    static Map<String, Long> deltaCounts;
    /** What the warehouse schema holds: the curated tables and the served views, by their bare names. */
    static Map<String, Long> warehouseCounts;

    @BeforeAll
    static void buildTheLakeOnce() throws IOException {
        lake = dir.resolve("lake");
        spec = dir.resolve("service_requests.yaml");
        String bundled;
        try (InputStream in = PublishEndToEndTest.class.getResourceAsStream("/pipelines/service_requests.yaml")) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String partitioned = bundled.replace("    merge_keys: [neighborhood]",
                "    partition_by: [council_district]\n    merge_keys: [neighborhood]");
        assertThat(partitioned).isNotEqualTo(bundled);
        Files.writeString(spec, partitioned);
        pipelineRun = CliRun.of("run", "--spec", spec.toString(), "--lake", lake.toString(),
                "--input", "service_requests=" + Repository.serviceRequestSample());
        assertThat(pipelineRun.exitCode()).as(pipelineRun.toString()).isZero();
        deltaCounts = LakeCounts.curated(lake, CURATED_TABLES);
        warehouseCounts = new TreeMap<>(deltaCounts);
        warehouseCounts.putAll(LakeCounts.served(lake, VIEW_NAMES));
        aws = MotoAws.open(true);
        warehouse = EmbeddedWarehouse.start();
    }

    @AfterAll
    static void stopTheServers() {
        if (warehouse != null) {
            warehouse.close();
        }
        if (aws != null) {
            aws.close();
        }
    }

    static CliRun cli(List<String> extra, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(extra);
        return CliRun.of(all.toArray(String[]::new));
    }

    static CliRun publish(String... extra) {
        List<String> args = new ArrayList<>(List.of("publish", "--spec", spec.toString(), "--lake", lake.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    static CliRun publishToGlue() {
        List<String> args = new ArrayList<>(List.of("--catalog", "glue"));
        args.addAll(aws.options());
        return publish(args.toArray(String[]::new));
    }

    static String location(String zone, String table) {
        return lake.toUri().toString().replaceAll("/$", "") + "/" + zone + "/" + table;
    }

    static Map<String, String> columns(List<Column> columns) {
        Map<String, String> types = new LinkedHashMap<>();
        columns.forEach(c -> types.put(c.name(), c.type()));
        return types;
    }

    @Test
    @Order(1)
    void glueHoldsEveryTableOfEachZoneWithItsLocationAndColumns() {
        CliRun run = publishToGlue();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(aws.databases()).contains(CLEAN, QUARANTINE, CURATED);

        assertThat(aws.tables(CLEAN)).extracting(Table::name).containsExactly("service_requests");
        assertThat(aws.tables(QUARANTINE)).extracting(Table::name).containsExactly("service_requests");
        List<String> expected = new ArrayList<>(CURATED_TABLES);
        CURATED_TABLES.forEach(t -> expected.add(t + "_spectrum"));
        assertThat(aws.tables(CURATED)).extracting(Table::name).containsExactlyInAnyOrderElementsOf(expected);
        List<String> served = new ArrayList<>(VIEW_NAMES);
        VIEW_NAMES.forEach(v -> served.add(v + "_spectrum"));
        assertThat(aws.tables(VIEWS)).extracting(Table::name).containsExactlyInAnyOrderElementsOf(served);
        Table monthly = aws.table(VIEWS, "requests_monthly");
        assertThat(monthly.storageDescriptor().location())
                .isEqualTo(location("views", "service_requests/requests_monthly/serving"));
        assertThat(columns(monthly.storageDescriptor().columns())).containsEntry("month", "date")
                .containsEntry("cases", "bigint").containsEntry("hours_to_close_p50", "double")
                .containsEntry("first_call_rate", "double");
        assertThat(aws.table(VIEWS, "requests_monthly_spectrum").storageDescriptor().location())
                .isEqualTo(location("views", "service_requests/requests_monthly/serving/_symlink_format_manifest/"));

        Table clean = aws.table(CLEAN, "service_requests");
        assertThat(clean.storageDescriptor().location()).isEqualTo(location("clean", "service_requests"));
        assertThat(clean.parameters()).containsEntry("table_type", "DELTA");
        assertThat(clean.partitionKeys()).isEmpty();
        Map<String, String> cleanColumns = columns(clean.storageDescriptor().columns());
        assertThat(cleanColumns).containsEntry("case_id", "bigint").containsEntry("case_summary", "string")
                .containsEntry("case_created_date", "date").containsEntry("case_created_dttm", "timestamp")
                .containsEntry("first_call_resolution", "boolean").containsEntry("latitude", "double")
                .containsEntry("council_district", "int").containsEntry("_line_number", "bigint");
        assertThat(cleanColumns).hasSize(30).doesNotContainKey("col");

        Table quarantine = aws.table(QUARANTINE, "service_requests");
        assertThat(quarantine.parameters()).containsEntry("table_type", "DELTA");
        assertThat(columns(quarantine.storageDescriptor().columns())).containsKeys("_raw_text", "_reason", "_rule");

        for (String name : CURATED_TABLES) {
            Table table = aws.table(CURATED, name);
            assertThat(table.storageDescriptor().location()).as(name).isEqualTo(location("curated", name));
            assertThat(table.parameters()).as(name).containsEntry("table_type", "DELTA");
            assertThat(table.storageDescriptor().columns()).as(name).isNotEmpty();
        }
        assertThat(columns(aws.table(CURATED, "requests_by_month").storageDescriptor().columns())).containsExactly(
                Map.entry("month", "date"), Map.entry("total", "bigint"), Map.entry("closed", "bigint"),
                Map.entry("open", "bigint"), Map.entry("avg_hours_to_close", "decimal(24,2)"));
        Table byArea = aws.table(CURATED, "requests_by_area");
        assertThat(columns(byArea.partitionKeys())).containsExactly(Map.entry("council_district", "int"));
        assertThat(columns(byArea.storageDescriptor().columns())).containsExactly(Map.entry("neighborhood", "string"),
                Map.entry("police_district", "int"), Map.entry("cases", "bigint"));
        assertThat(columns(aws.table(CURATED, "department_dim").storageDescriptor().columns()))
                .containsEntry("valid_from", "timestamp").containsEntry("is_current", "boolean");
    }

    @Test
    @Order(2)
    void everyCuratedTableHasASpectrumTwinOverItsSymlinkManifest() throws IOException {
        for (String name : CURATED_TABLES) {
            Table twin = aws.table(CURATED, name + "_spectrum");
            assertThat(twin.storageDescriptor().serdeInfo().serializationLibrary()).as(name)
                    .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
            assertThat(twin.storageDescriptor().inputFormat()).as(name)
                    .isEqualTo("org.apache.hadoop.hive.ql.io.SymlinkTextInputFormat");
            assertThat(twin.storageDescriptor().outputFormat()).as(name)
                    .isEqualTo("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat");
            assertThat(twin.storageDescriptor().location()).as(name)
                    .isEqualTo(location("curated", name) + "/_symlink_format_manifest/");
            assertThat(twin.parameters()).as(name).doesNotContainKey("table_type");
            assertThat(columns(twin.storageDescriptor().columns())).as(name)
                    .isEqualTo(columns(aws.table(CURATED, name).storageDescriptor().columns()));
            if (!name.equals("requests_by_area")) {
                assertThat(twin.partitionKeys()).as(name).isEmpty();
                assertThat(aws.partitions(CURATED, name + "_spectrum")).as(name).isEmpty();
                assertThat(lake.resolve("curated/" + name + "/_symlink_format_manifest/manifest")).exists();
            }
        }
        Table twin = aws.table(CURATED, "requests_by_area_spectrum");
        assertThat(columns(twin.partitionKeys())).containsExactly(Map.entry("council_district", "int"));
        assertThat(columns(twin.storageDescriptor().columns())).doesNotContainKey("council_district");

        Path manifests = lake.resolve("curated/requests_by_area/_symlink_format_manifest");
        List<String> folders;
        try (Stream<Path> listed = Files.list(manifests)) {
            folders = listed.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(folders).hasSize(11).allMatch(f -> f.matches("council_district=\\d+"));
        folders.forEach(f -> assertThat(manifests.resolve(f).resolve("manifest")).exists());
        List<Partition> partitions = aws.partitions(CURATED, "requests_by_area_spectrum");
        assertThat(partitions).hasSize(folders.size());
        Map<String, String> byValue = new TreeMap<>();
        partitions.forEach(p -> byValue.put(p.values().get(0), p.storageDescriptor().location()));
        Map<String, String> expected = new TreeMap<>();
        for (String folder : folders) {
            expected.put(folder.substring("council_district=".length()),
                    location("curated", "requests_by_area") + "/_symlink_format_manifest/" + folder + "/");
        }
        assertThat(byValue).isEqualTo(expected);
        assertThat(ServiceRequestsEndToEndTest.query(lake,
                "select count(distinct council_district) from curated.requests_by_area")).containsExactly("11");
    }

    @Test
    @Order(3)
    void aSecondPublishChangesNothingInGlue() {
        Map<String, Table> before = snapshot();
        Map<String, List<Partition>> partitionsBefore = Map.of("requests_by_area_spectrum",
                aws.partitions(CURATED, "requests_by_area_spectrum"));
        CliRun again = publishToGlue();
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).contains("requests_by_area_spectrum (unchanged; partitions: 0 new, 0 updated, 0 gone,"
                + " 11 unchanged)");
        Map<String, Table> after = snapshot();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, table) -> {
            Table now = after.get(name);
            assertThat(now.storageDescriptor()).as(name).isEqualTo(table.storageDescriptor());
            assertThat(now.partitionKeys()).as(name).isEqualTo(table.partitionKeys());
            assertThat(now.parameters()).as(name).isEqualTo(table.parameters());
            assertThat(now.updateTime()).as(name).isEqualTo(table.updateTime());
        });
        assertThat(aws.partitions(CURATED, "requests_by_area_spectrum"))
                .isEqualTo(partitionsBefore.get("requests_by_area_spectrum"));
    }

    private static Map<String, Table> snapshot() {
        Map<String, Table> tables = new TreeMap<>();
        for (String database : List.of(CLEAN, QUARANTINE, CURATED)) {
            aws.tables(database).forEach(t -> {
                assertThat(tables.put(database + "." + t.name(), t)).as("listed twice: " + t.name()).isNull();
            });
        }
        return tables;
    }

    @Test
    @Order(4)
    void completionNoticesNameEachTableItsManifestAndRowCount() throws IOException {
        String topic = aws.sns().createTopic(b -> b.name("strata-tables-ready")).topicArn();
        String queue = aws.sqs().createQueue(b -> b.queueName("warehouse-loader")).queueUrl();
        String queueArn = aws.sqs().getQueueAttributes(b -> b.queueUrl(queue)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        aws.sns().subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));

        List<String> args = new ArrayList<>(List.of("--notify", "sns:" + topic));
        args.addAll(aws.options());
        CliRun run = publish(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isZero();

        Map<String, JsonNode> notices = new TreeMap<>();
        for (int attempt = 0; attempt < 10 && notices.size() < warehouseCounts.size(); attempt++) {
            List<Message> messages = aws.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            for (Message message : messages) {
                JsonNode notice = JSON.readTree(message.body());
                assertThat(notices.put(notice.get("table").asText(), notice)).as("a second notice").isNull();
                aws.sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(message.receiptHandle()));
            }
        }
        List<String> announced = new ArrayList<>(CURATED_TABLES.stream().map(t -> "curated." + t).toList());
        VIEW_NAMES.forEach(v -> announced.add("views." + v));
        assertThat(notices.keySet()).containsExactlyElementsOf(announced.stream().sorted().toList());
        for (String table : CURATED_TABLES) {
            JsonNode notice = notices.get("curated." + table);
            String manifest = location("staging", "service_requests/" + table + ".manifest");
            assertThat(notice.get("manifest").asText()).as(table).isEqualTo(manifest);
            assertThat(lake.resolve("staging/service_requests/" + table + ".manifest")).exists();
            assertThat(notice.get("rows").asLong()).as(table).isEqualTo(deltaCounts.get(table));
            assertThat(notice.get("pipeline").asText()).isEqualTo("service_requests");
            assertThat(notice.get("files").asInt()).as(table).isPositive();
        }
        for (String view : VIEW_NAMES) {
            JsonNode notice = notices.get("views." + view);
            assertThat(notice.get("manifest").asText()).as(view)
                    .isEqualTo(location("staging", "service_requests/views/" + view + ".manifest"));
            assertThat(notice.get("rows").asLong()).as(view).isEqualTo(warehouseCounts.get(view));
        }
    }

    @Test
    @Order(5)
    void aTableThatCannotLoadKeepsItsRowsWhileTheOthersLoad() {
        // a table made by someone else with the right column names but a date where the hour belongs
        warehouse.execute("CREATE SCHEMA service_requests");
        warehouse.execute("CREATE TABLE service_requests.requests_by_hour (hour_of_day DATE NOT NULL, cases BIGINT)");
        warehouse.execute("INSERT INTO service_requests.requests_by_hour VALUES (DATE '2024-01-01', 7)");

        CliRun run = publish("--redshift-url", warehouse.url(), "--redshift-user", EmbeddedWarehouse.USER);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        String last = run.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).startsWith("strata publish: service failure: 1 of 13 table(s) could not be loaded into"
                + " service_requests (requests_by_hour); the others were loaded");
        assertThat(run.err()).contains("publish curated.requests_by_hour into service_requests.requests_by_hour"
                + " failed, the table is as it was").doesNotContain("\tat ");
        assertThat(warehouse.rows("SELECT * FROM service_requests.requests_by_hour"))
                .containsExactly("2024-01-01|7");
        Map<String, Long> expected = new TreeMap<>(warehouseCounts);
        expected.put("requests_by_hour", 1L);
        assertThat(warehouse.counts("service_requests")).isEqualTo(expected);
    }

    @Test
    @Order(6)
    void theWarehouseHoldsEveryCuratedTableAndARerunAddsNoRow() {
        warehouse.execute("DROP TABLE service_requests.requests_by_hour");
        CliRun load = CliRun.of("redshift", "load", "--spec", spec.toString(), "--lake", lake.toString(),
                "--redshift-url", warehouse.url(), "--redshift-user", EmbeddedWarehouse.USER);
        assertThat(load.exitCode()).as(load.toString()).isZero();
        assertThat(warehouse.counts("service_requests")).isEqualTo(warehouseCounts);
        List<String> glueTables = java.util.stream.Stream.concat(aws.tables(CURATED).stream(), aws.tables(VIEWS).stream())
                .map(Table::name).filter(n -> !n.endsWith("_spectrum")).sorted().toList();
        assertThat(warehouse.tables("service_requests")).isEqualTo(glueTables);
        assertThat(warehouse.rows("SELECT * FROM service_requests.requests_by_month ORDER BY month").stream()
                .map(r -> r.replace('|', ',')).toList())
                .isEqualTo(ServiceRequestsEndToEndTest.query(lake, "select * from curated.requests_by_month order by month"));

        CliRun again = CliRun.of("redshift", "load", "--spec", spec.toString(), "--lake", lake.toString(),
                "--redshift-url", warehouse.url(), "--redshift-user", EmbeddedWarehouse.USER);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(warehouse.counts("service_requests")).isEqualTo(warehouseCounts);
        assertThat(warehouse.rows("SELECT * FROM service_requests.requests_hourly_profile ORDER BY hour_of_day,"
                + " day_of_week").stream().map(r -> r.replace('|', ',')).toList()).isEqualTo(ServiceRequestsEndToEndTest
                .query(lake, "select * from views.requests_hourly_profile order by hour_of_day, day_of_week"));
        assertThat(again.err()).contains("requests_by_month: read 24, written 24").contains("24 staged, 0 new, 24 matched");

        CliRun one = CliRun.of("redshift", "load", "--spec", spec.toString(), "--lake", lake.toString(),
                "--redshift-url", warehouse.url(), "--redshift-user", EmbeddedWarehouse.USER, "--table",
                "requests_by_source");
        assertThat(one.exitCode()).as(one.toString()).isZero();
        assertThat(one.err()).contains("redshift:service_requests.requests_by_source")
                .doesNotContain("redshift:service_requests.requests_by_month");
    }

    @Test
    @Order(7)
    void aDryRunPrintsTheCopyAndChangesNothing() throws IOException {
        Map<String, Long> loaded = warehouse.counts("service_requests");
        Map<String, Long> staged = files(lake.resolve("staging"));
        CliRun run = publish("--redshift-url", "jdbc:redshift://example:5439/dev", "--iam-role", ROLE, "--dry-run",
                "--location-root", "s3://strata-e2e/lake");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("sql (dry run): CREATE EXTERNAL SCHEMA IF NOT EXISTS \"service_requests_lake\""
                + " FROM DATA CATALOG DATABASE '" + CURATED + "' IAM_ROLE '" + ROLE + "'");
        for (String table : CURATED_TABLES) {
            assertThat(run.err()).as(table).contains("sql (dry run): COPY \"strata_stage\" FROM 's3://strata-e2e/lake/"
                    + "staging/service_requests/" + table + ".manifest' IAM_ROLE '" + ROLE + "' FORMAT AS PARQUET"
                    + " MANIFEST");
        }
        assertThat(run.err()).contains("sql (dry run): CREATE TABLE IF NOT EXISTS \"service_requests\""
                + ".\"requests_by_month\" ( \"month\" DATE NOT NULL,")
                .contains("MERGE INTO \"service_requests\".\"requests_by_month\" USING \"strata_stage_unique\"");
        assertThat(run.err()).contains("redshift:service_requests.requests_by_month: read 0, written 0")
                .contains("dry run: nothing staged or loaded");
        assertThat(files(lake.resolve("staging"))).isEqualTo(staged);
        assertThat(warehouse.counts("service_requests")).isEqualTo(loaded);

        CliRun local = publish("--redshift-url", "jdbc:redshift://example:5439/dev", "--iam-role", ROLE, "--dry-run");
        assertThat(local.exitCode()).as(local.toString()).isEqualTo(2);
        assertThat(local.err()).contains("needs --location-root s3://BUCKET/PREFIX");
        CliRun real = publish("--redshift-url", "jdbc:redshift://example:5439/dev", "--iam-role", ROLE);
        assertThat(real.exitCode()).as(real.toString()).isEqualTo(2);
        assertThat(real.err()).contains("Redshift COPY reads the staged files from S3, but the lake");
    }

    private static Map<String, Long> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).collect(Collectors.toMap(p -> root.relativize(p).toString(),
                    p -> {
                        try {
                            return Files.getLastModifiedTime(p).toMillis();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, (a, b) -> a, TreeMap::new));
        }
    }

    /** The statements of {@code strata catalog ddl}, by the table each comment line names. */
    static Map<String, String> ddl(Path lakeRoot, String... options) {
        List<String> args = new ArrayList<>(List.of("catalog", "ddl", "--lake", lakeRoot.toString()));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Map<String, String> statements = new TreeMap<>();
        for (String block : run.out().split("\n\n")) {
            String text = block.strip();
            if (text.isEmpty()) {
                continue;
            }
            String comment = text.lines().findFirst().orElseThrow();
            assertThat(comment).startsWith("-- ");
            statements.put(comment.substring(3).split(" ")[0], text.substring(comment.length()).strip());
        }
        return statements;
    }

    @Test
    @Order(8)
    void catalogDdlPrintsEveryCuratedTableInEachDialect() {
        Map<String, String> athena = ddl(lake, "--dialect", "athena", "--location-root", "s3://strata-e2e/lake");
        List<String> curated = CURATED_TABLES.stream().map(t -> "curated." + t).toList();
        assertThat(athena.keySet()).containsAll(curated).contains("clean.service_requests");
        for (String table : CURATED_TABLES) {
            assertThat(athena.get("curated." + table)).isEqualTo("CREATE EXTERNAL TABLE `" + CURATED + "`.`" + table
                    + "`\nLOCATION 's3://strata-e2e/lake/curated/" + table + "'\nTBLPROPERTIES ('table_type'='DELTA');");
        }

        Map<String, String> redshift = ddl(lake, "--dialect", "redshift", "--zone", "curated");
        assertThat(redshift.keySet()).containsExactlyInAnyOrderElementsOf(curated);
        assertThat(redshift.get("curated.requests_by_month")).isEqualTo("""
                CREATE TABLE IF NOT EXISTS "service_requests"."requests_by_month" (
                  "month" DATE NOT NULL,
                  "total" BIGINT,
                  "closed" BIGINT,
                  "open" BIGINT,
                  "avg_hours_to_close" DECIMAL(24,2),
                  PRIMARY KEY ("month")
                )
                DISTSTYLE ALL
                SORTKEY ("month");""");
        assertThat(redshift.get("curated.requests_by_area")).contains("\"neighborhood\" VARCHAR(")
                .contains("\"council_district\" INTEGER,").contains("PRIMARY KEY (\"neighborhood\")");
        assertThat(redshift.get("curated.department_dim")).contains("\"valid_from\" TIMESTAMP,")
                .contains("\"is_current\" BOOLEAN").contains("DISTSTYLE ALL");
        assertThat(ddl(lake, "--dialect", "redshift", "--table", "clean.service_requests").get("clean.service_requests"))
                .startsWith("CREATE TABLE IF NOT EXISTS \"service_requests_clean\".\"service_requests\" (")
                .contains("\"case_summary\" VARCHAR(256),").contains("\"case_created_dttm\" TIMESTAMP,");

        Map<String, String> spectrum = ddl(lake, "--dialect", "spectrum", "--location-root", "s3://strata-e2e/lake");
        List<String> servedTables = new ArrayList<>(curated);
        VIEW_NAMES.forEach(v -> servedTables.add("views." + v));
        assertThat(spectrum.keySet()).containsExactlyInAnyOrderElementsOf(servedTables);
        assertThat(spectrum.get("views.requests_daily")).startsWith("CREATE EXTERNAL TABLE \"" + VIEWS
                + "\".\"requests_daily_spectrum\" (").contains("LOCATION 's3://strata-e2e/lake/views/service_requests/"
                + "requests_daily/serving/_symlink_format_manifest/'");
        assertThat(ddl(lake, "--dialect", "athena", "--zone", "views", "--location-root", "s3://strata-e2e/lake")
                .get("views.requests_daily")).isEqualTo("CREATE EXTERNAL TABLE `" + VIEWS + "`.`requests_daily`\n"
                + "LOCATION 's3://strata-e2e/lake/views/service_requests/requests_daily/serving'\n"
                + "TBLPROPERTIES ('table_type'='DELTA');");
        assertThat(ddl(lake, "--dialect", "redshift", "--zone", "views").get("views.requests_daily"))
                .startsWith("CREATE TABLE IF NOT EXISTS \"service_requests\".\"requests_daily\" (")
                .contains("\"cases\" BIGINT").contains("\"first_call_rate\" DOUBLE PRECISION");
        assertThat(spectrum.get("curated.requests_by_area")).isEqualTo("""
                CREATE EXTERNAL TABLE "strata_service_requests"."requests_by_area_spectrum" (
                  "neighborhood" string,
                  "police_district" int,
                  "cases" bigint
                )
                PARTITIONED BY ("council_district" int)
                ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'
                STORED AS INPUTFORMAT 'org.apache.hadoop.hive.ql.io.SymlinkTextInputFormat'
                OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
                LOCATION 's3://strata-e2e/lake/curated/requests_by_area/_symlink_format_manifest/';""");
        assertThat(spectrum.get("curated.requests_by_month")).contains("\"avg_hours_to_close\" decimal(24,2)")
                .doesNotContain("PARTITIONED BY");

        CliRun local = CliRun.of("catalog", "ddl", "--dialect", "athena", "--lake", lake.toString());
        CliMistakesTest.assertOneLineMistake(local, "give --location-root s3://BUCKET/PREFIX");
        CliMistakesTest.assertOneLineMistake(CliRun.of("catalog", "ddl", "--dialect", "redshift", "--lake",
                lake.toString(), "--table", "nowhere"), "has no clean, curated or views table named nowhere");
    }

    @Test
    @Order(9)
    void anUnreachableGlueIsAServiceFailureInOneLine() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        CliRun run = publish("--catalog", "glue", "--aws-endpoint", "http://127.0.0.1:" + closed, "--aws-region",
                "us-east-1");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        List<String> failures = run.err().lines().filter(l -> l.startsWith("strata publish:")).toList();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).startsWith("strata publish: service failure: cannot reach Glue for")
                .contains("check the endpoint, region, credentials and network");
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("STRATA_DEBUG");
    }

    @Test
    @Order(10)
    void publishingMistakesAreOneLine() {
        CliMistakesTest.assertOneLineMistake(publish("--redshift-url", warehouse.url(), "--table", "no_such_table"),
                "--table no_such_table is not a curated table or view of service_requests that publishing loads; it loads:"
                        + " busiest_departments, department_dim,");
        CliMistakesTest.assertOneLineMistake(publish("--catalog", "hive"), "--catalog takes local or glue, not 'hive'");
        CliMistakesTest.assertOneLineMistake(publish("--redshift-url", warehouse.url() + "?user=postgres&password=pw"),
                "--redshift-url must not hold a password");
        CliMistakesTest.assertOneLineMistake(publish("--notify", "arn:aws:sns:us-east-1:123456789012:t"),
                "--notify takes sns:TOPIC_ARN");
        CliMistakesTest.assertOneLineMistake(publish("--redshift-url", warehouse.url(), "--location-root",
                "https://bucket/x", "--dry-run"), "--location-root takes s3://BUCKET[/PREFIX]");
    }

    /**
     * The same pipeline with its lake, input and spec on S3 (moto's, through s3a), in a child JVM that gets
     * the credentials from its environment as a user's would: the same tables as the local lake, a rerun that
     * copies and cleans nothing, and Glue tables whose locations are the lake's {@code s3://} folders.
     */
    @Test
    @Order(11)
    void aLakeOnS3HoldsTheSameTablesAsTheLocalOneAndARerunChangesNothing() throws IOException {
        String bucket = "strata-e2e-lake";
        aws.s3().createBucket(b -> b.bucket(bucket));
        aws.s3().putObject(b -> b.bucket(bucket).key("specs/service_requests.yaml"), RequestBody.fromFile(spec));
        try (Stream<Path> sample = Files.list(Repository.serviceRequestSample())) {
            for (Path file : sample.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList()) {
                aws.s3().putObject(b -> b.bucket(bucket).key("incoming/311/" + file.getFileName()),
                        RequestBody.fromFile(file));
            }
        }
        String s3Lake = "s3a://" + bucket + "/lake";
        List<String> run = new ArrayList<>(List.of("run", "--spec", "s3a://" + bucket + "/specs/service_requests.yaml",
                "--lake", s3Lake, "--input", "service_requests=s3a://" + bucket + "/incoming/311/", "--catalog", "glue"));
        run.addAll(aws.s3Options());
        run.addAll(aws.options());

        // the first run in this JVM (its Spark warm: the fixtures are what it costs), its credentials as settings;
        // the rerun below runs the jar as a user would, in a JVM of its own with credentials in its environment
        List<String> inProcess = new ArrayList<>(run);
        inProcess.addAll(MotoAws.s3Credentials());
        CliRun first = CliRun.of(inProcess.toArray(String[]::new));
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(aws.s3().listObjectsV2(b -> b.bucket(bucket).prefix("lake/curated/requests_by_month/_delta_log/"))
                .contents()).isNotEmpty();
        assertThat(aws.table(CURATED, "requests_by_month").storageDescriptor().location())
                .isEqualTo("s3://" + bucket + "/lake/curated/requests_by_month");
        assertThat(aws.partitions(CURATED, "requests_by_area_spectrum")).isNotEmpty().allSatisfy(p -> assertThat(
                p.storageDescriptor().location()).startsWith("s3://" + bucket + "/lake/curated/requests_by_area/"
                        + "_symlink_format_manifest/council_district="));

        // the rerun is given credentials every way a user can: AWS keys in the environment and as s3a settings,
        // a warehouse password and a PII salt in the environment and a salt as a setting; with Spark's event log
        // on, none of them may be written anywhere
        Map<String, String> secrets = Map.of("AWS_ACCESS_KEY_ID", "AKIASTRATAENVKEY7Q2X",
                "AWS_SECRET_ACCESS_KEY", "env-secret-4f1d-quince", "STRATA_REDSHIFT_PASSWORD", "pw-9c2e-marmalade",
                "STRATA_PII_SALT", "env-salt-51b7-kumquat");
        Map<String, String> environment = new java.util.HashMap<>(MotoAws.credentialsEnvironment());
        environment.putAll(secrets);
        Path events = Files.createDirectories(dir.resolve("spark-events"));
        List<String> rerun = new ArrayList<>(run);
        List<String> confSecrets = List.of("AKIASTRATACONFKEY3M8", "conf-secret-a06e-damson", "conf-salt-77d0-medlar");
        rerun.addAll(List.of("--conf", "spark.hadoop.fs.s3a.access.key=" + confSecrets.get(0),
                "--conf", "spark.hadoop.fs.s3a.secret.key=" + confSecrets.get(1),
                "--conf", "spark.strata.pii.salt=" + confSecrets.get(2),
                "--conf", "spark.eventLog.enabled=true", "--conf", "spark.eventLog.dir=" + events.toUri()));
        CliRun again = CliRun.inChildJvm(environment, rerun.toArray(String[]::new));
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).contains("already ingested, nothing copied").contains("no new raw batches");
        List<String> all = new ArrayList<>(secrets.values());
        all.addAll(confSecrets);
        StringBuilder written = new StringBuilder(again.out()).append(again.err());
        try (Stream<Path> logs = Files.walk(events)) {
            List<Path> files = logs.filter(Files::isRegularFile).toList();
            assertThat(files).as("Spark's event log").isNotEmpty();
            for (Path file : files) {
                written.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        int objects = 0;
        for (var object : aws.s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix("lake/")).contents()) {
            written.append(new String(aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(object.key()))
                    .asByteArray(), StandardCharsets.ISO_8859_1));
            objects++;
        }
        assertThat(objects).as("objects of the lake: run records, manifests, tables").isGreaterThan(100);
        for (String database : List.of(CLEAN, QUARANTINE, CURATED)) {
            aws.tables(database).forEach(t -> written.append(t.toString()));
        }
        assertThat(written.toString()).contains("spark.hadoop.fs.s3a.secret.key");
        for (String secret : all) {
            assertThat(written.toString()).as("written somewhere").doesNotContain(secret);
        }

        String counts = CURATED_TABLES.stream().map(t -> "select '" + t + "', count(*) from curated." + t)
                .collect(Collectors.joining(" union all "));
        List<String> query = new ArrayList<>(List.of("sql", counts, "--lake", s3Lake, "--format", "csv"));
        query.addAll(aws.s3Options());
        query.addAll(MotoAws.s3Credentials());
        CliRun read = CliRun.of(query.toArray(String[]::new));
        assertThat(read.exitCode()).as(read.toString()).isZero();
        Map<String, Long> s3Counts = new TreeMap<>();
        read.out().lines().skip(1).forEach(line -> {
            int comma = line.lastIndexOf(',');
            s3Counts.put(line.substring(0, comma), Long.parseLong(line.substring(comma + 1)));
        });
        assertThat(s3Counts).isEqualTo(deltaCounts);
    }
}
