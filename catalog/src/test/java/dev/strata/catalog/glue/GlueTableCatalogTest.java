package dev.strata.catalog.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.catalog.CatalogServiceException;
import dev.strata.catalog.TableEntry;
import dev.strata.catalog.TableName;
import dev.strata.catalog.testing.MotoServer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequest;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;

class GlueTableCatalogTest {

    private static final Instant FIRST = Instant.parse("2026-01-02T03:04:05.123456Z");
    private static final Instant LATER = Instant.parse("2026-02-01T00:00:00Z");
    private static final StructType REQUESTS = new StructType()
            .add("request_id", DataTypes.LongType)
            .add("ingest_date", DataTypes.StringType)
            .add("case_summary", DataTypes.StringType)
            .add("council_district", DataTypes.IntegerType)
            .add("latitude", DataTypes.DoubleType)
            .add("fee", DataTypes.createDecimalType(12, 2))
            .add("created_date", DataTypes.DateType)
            .add("created_at", DataTypes.TimestampType)
            .add("first_call_resolution", DataTypes.BooleanType)
            .add("topics", DataTypes.createArrayType(DataTypes.StringType))
            .add("address", new StructType().add("street", DataTypes.StringType).add("zip", DataTypes.StringType));
    private static final List<String> REQUEST_COLUMNS = List.of("request_id:bigint", "case_summary:string",
            "council_district:int", "latitude:double", "fee:decimal(12,2)", "created_date:date",
            "created_at:timestamp", "first_call_resolution:boolean", "topics:array<string>",
            "address:struct<street:string,zip:string>");

    private static MotoServer server;
    private static GlueCalls calls;
    private static GlueClient glue;
    private GlueTableCatalog catalog;

    @BeforeAll
    static void startServer() {
        server = MotoServer.shared();
        calls = new GlueCalls();
        glue = GlueClients.create(Optional.of(server.endpoint()), Optional.of(MotoServer.REGION),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(MotoServer.ACCESS_KEY,
                        MotoServer.SECRET_KEY)), 3, List.of(calls));
    }

    @AfterAll
    static void closeClient() {
        glue.close();
    }

    @BeforeEach
    void emptyCatalog() {
        server.reset();
        calls.clear();
        catalog = new GlueTableCatalog(glue, GlueDatabases.withPrefix("strata_"));
    }

    private static TableEntry requests(String zone, StructType schema, Instant at) {
        return new TableEntry(new TableName(zone, "service_requests"), "s3a://lake/" + zone + "/service_requests",
                "delta", List.of("ingest_date"), schema, Map.of("strata.pipeline", "denver_311"), at, at);
    }

    private static TableEntry curated(Instant at) {
        StructType schema = new StructType().add("council_district", DataTypes.IntegerType)
                .add("requests", DataTypes.LongType).add("month", DataTypes.StringType);
        return new TableEntry(TableName.parse("curated.requests_by_district"), "s3a://lake/curated/requests_by_district",
                "delta", List.of("month"), schema, Map.of("strata.subject", "service"), at, at);
    }

    private static Table glueTable(String database, String table) {
        return glue.getTable(r -> r.databaseName(database).name(table)).table();
    }

    private static List<String> columns(List<Column> columns) {
        return columns.stream().map(c -> c.name() + ":" + c.type()).toList();
    }

    @Test
    void registersEachZoneAsADeltaTableThatAthenaReads() {
        StructType quarantined = REQUESTS.add("reason", DataTypes.StringType).add("rule", DataTypes.StringType);
        catalog.register(requests("clean", REQUESTS, FIRST));
        catalog.register(requests("quarantine", quarantined, FIRST));
        catalog.register(curated(FIRST));

        Table clean = glueTable("strata_clean", "service_requests");
        assertThat(clean.tableType()).isEqualTo("EXTERNAL_TABLE");
        assertThat(clean.parameters()).containsEntry("table_type", "DELTA").containsEntry("EXTERNAL", "TRUE")
                .containsEntry("classification", "delta").containsEntry("strata.format", "delta")
                .containsEntry("strata.location", "s3a://lake/clean/service_requests")
                .containsEntry("strata.registered_at", "2026-01-02T03:04:05.123456Z")
                .containsEntry("strata.updated_at", "2026-01-02T03:04:05.123456Z")
                .containsEntry("strata.pipeline", "denver_311");
        assertThat(clean.storageDescriptor().location()).isEqualTo("s3://lake/clean/service_requests");
        assertThat(columns(clean.storageDescriptor().columns())).containsExactlyElementsOf(REQUEST_COLUMNS);
        assertThat(columns(clean.partitionKeys())).containsExactly("ingest_date:string");
        assertThat(clean.storageDescriptor().serdeInfo().serializationLibrary())
                .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
        assertThat(clean.storageDescriptor().inputFormat())
                .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat");
        assertThat(clean.storageDescriptor().outputFormat())
                .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat");

        Table quarantine = glueTable("strata_quarantine", "service_requests");
        List<String> withReason = new ArrayList<>(REQUEST_COLUMNS);
        withReason.addAll(List.of("reason:string", "rule:string"));
        assertThat(columns(quarantine.storageDescriptor().columns())).containsExactlyElementsOf(withReason);
        assertThat(quarantine.storageDescriptor().location()).isEqualTo("s3://lake/quarantine/service_requests");

        Table district = glueTable("strata_curated", "requests_by_district");
        assertThat(columns(district.storageDescriptor().columns()))
                .containsExactly("council_district:int", "requests:bigint");
        assertThat(columns(district.partitionKeys())).containsExactly("month:string");
        assertThat(district.parameters()).containsEntry("table_type", "DELTA");
        assertThat(calls.count("CreateDatabase")).isEqualTo(3);
        assertThat(calls.count("CreateTable")).isEqualTo(3);
        assertThat(calls.count("UpdateTable")).isZero();
    }

    @Test
    void registeringTheSameDefinitionAgainChangesNothing() {
        catalog.register(requests("clean", REQUESTS, FIRST));
        String version = glueTable("strata_clean", "service_requests").versionId();
        calls.clear();

        catalog.register(requests("clean", REQUESTS, LATER));

        assertThat(calls.count("UpdateTable")).isZero();
        assertThat(calls.count("CreateTable")).isZero();
        Table table = glueTable("strata_clean", "service_requests");
        assertThat(table.versionId()).isEqualTo(version);
        assertThat(table.parameters()).containsEntry("strata.updated_at", FIRST.toString());
    }

    @Test
    void aChangedSchemaReplacesTheTableAndKeepsTheFirstRegistration() {
        catalog.register(requests("clean", REQUESTS, FIRST));
        calls.clear();
        StructType wider = REQUESTS.add("longitude", DataTypes.DoubleType);

        catalog.register(requests("clean", wider, LATER));

        assertThat(calls.count("UpdateTable")).isEqualTo(1);
        Table table = glueTable("strata_clean", "service_requests");
        assertThat(columns(table.storageDescriptor().columns())).endsWith("longitude:double");
        assertThat(table.parameters()).containsEntry("strata.registered_at", FIRST.toString())
                .containsEntry("strata.updated_at", LATER.toString()).containsEntry("table_type", "DELTA");
        TableEntry read = catalog.lookup(TableName.parse("clean.service_requests")).orElseThrow();
        assertThat(read.schema()).isEqualTo(wider);
        assertThat(read.registeredAt()).isEqualTo(FIRST);
        assertThat(read.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void changedLocationPartitionsOrPropertiesUpdateTheTable() {
        TableEntry first = requests("clean", REQUESTS, FIRST);
        catalog.register(first);
        calls.clear();

        catalog.register(new TableEntry(first.name(), "s3a://lake2/clean/service_requests", "delta",
                first.partitionColumns(), REQUESTS, first.properties(), LATER, LATER));
        catalog.register(new TableEntry(first.name(), "s3a://lake2/clean/service_requests", "delta",
                List.of(), REQUESTS, first.properties(), LATER, LATER));
        catalog.register(new TableEntry(first.name(), "s3a://lake2/clean/service_requests", "delta",
                List.of(), REQUESTS, Map.of("strata.pipeline", "denver_311_v2"), LATER, LATER));

        assertThat(calls.count("UpdateTable")).isEqualTo(3);
        Table table = glueTable("strata_clean", "service_requests");
        assertThat(table.storageDescriptor().location()).isEqualTo("s3://lake2/clean/service_requests");
        assertThat(table.partitionKeys()).isEmpty();
        assertThat(table.storageDescriptor().columns()).hasSize(REQUESTS.size());
        assertThat(table.parameters()).containsEntry("strata.pipeline", "denver_311_v2")
                .containsEntry("strata.registered_at", FIRST.toString());
    }

    @Test
    void anUpdateKeepsParametersOtherToolsWroteAndDropsRemovedProperties() {
        TableEntry first = requests("clean", REQUESTS, FIRST);
        catalog.register(first);
        Table table = glueTable("strata_clean", "service_requests");
        Map<String, String> parameters = new LinkedHashMap<>(table.parameters());
        parameters.put("lakeformation.owner", "data_platform");
        glue.updateTable(r -> r.databaseName("strata_clean").tableInput(t -> t.name("service_requests")
                .tableType(table.tableType()).parameters(parameters).storageDescriptor(table.storageDescriptor())
                .partitionKeys(table.partitionKeys())));
        calls.clear();

        catalog.register(first);
        assertThat(calls.count("UpdateTable")).isZero();

        catalog.register(new TableEntry(first.name(), first.location(), "delta", first.partitionColumns(), REQUESTS,
                Map.of("strata.owner", "team_a"), LATER, LATER));
        assertThat(glueTable("strata_clean", "service_requests").parameters())
                .containsEntry("lakeformation.owner", "data_platform").containsEntry("strata.owner", "team_a")
                .doesNotContainKey("strata.pipeline");
        assertThat(catalog.lookup(first.name()).orElseThrow().properties()).isEqualTo(Map.of("strata.owner", "team_a"));
    }

    @Test
    void looksUpListsAndDropsWhatItRegistered() {
        TableEntry clean = requests("clean", REQUESTS, FIRST);
        TableEntry quarantine = requests("quarantine", REQUESTS.add("reason", DataTypes.StringType), FIRST);
        TableEntry district = curated(LATER);
        TableEntry unknownColumns = new TableEntry(TableName.parse("clean.addresses"), "s3a://lake/clean/addresses",
                "delta", List.of("ingest_date"), Map.of(), FIRST, FIRST);
        List.of(district, quarantine, clean, unknownColumns).forEach(catalog::register);
        glue.createTable(r -> r.databaseName("strata_clean").tableInput(t -> t.name("crawled")
                .parameters(Map.of("classification", "csv"))));
        glue.createDatabase(r -> r.databaseInput(d -> d.name("analytics")));
        glue.createTable(r -> r.databaseName("analytics").tableInput(t -> t.name("report")));

        assertThat(catalog.lookup(clean.name())).contains(clean);
        assertThat(catalog.lookup(unknownColumns.name())).contains(unknownColumns);
        assertThat(catalog.lookup(district.name())).contains(district);
        assertThat(catalog.lookup(TableName.parse("clean.crawled"))).isEmpty();
        assertThat(catalog.lookup(TableName.parse("raw.anything"))).isEmpty();
        assertThat(catalog.list()).containsExactly(unknownColumns, clean, district, quarantine);
        assertThat(catalog.list("clean")).containsExactly(unknownColumns, clean);
        assertThat(catalog.list("raw")).isEmpty();

        assertThat(catalog.drop(clean.name())).isTrue();
        assertThat(catalog.drop(clean.name())).isFalse();
        assertThat(catalog.drop(TableName.parse("clean.crawled"))).isFalse();
        assertThat(catalog.drop(TableName.parse("raw.anything"))).isFalse();
        assertThat(catalog.lookup(clean.name())).isEmpty();
        assertThat(catalog.list("clean")).containsExactly(unknownColumns);
        assertThat(glueTable("strata_clean", "crawled").name()).isEqualTo("crawled");
    }

    @Test
    void keepsColumnCommentsAndReadsTimestampsWithoutTimeZoneAsTimestamps() {
        StructType schema = new StructType()
                .add("request_id", DataTypes.LongType, false)
                .add(new StructField("case_summary", DataTypes.StringType, true,
                        Metadata.empty()).withComment("what the caller asked for"))
                .add("seen_at", DataTypes.TimestampNTZType)
                .add("ingest_date", DataTypes.StringType);
        TableEntry entry = requests("clean", schema, FIRST);
        catalog.register(entry);

        assertThat(glueTable("strata_clean", "service_requests").storageDescriptor().columns().get(1).comment())
                .isEqualTo("what the caller asked for");
        TableEntry read = catalog.lookup(entry.name()).orElseThrow();
        assertThat(read.schema()).isEqualTo(new StructType()
                .add("request_id", DataTypes.LongType)
                .add(new StructField("case_summary", DataTypes.StringType, true,
                        Metadata.empty()).withComment("what the caller asked for"))
                .add("seen_at", DataTypes.TimestampType)
                .add("ingest_date", DataTypes.StringType));
        calls.clear();
        catalog.register(entry);
        assertThat(calls.count("UpdateTable")).isZero();
    }

    @Test
    void zonesCanBeMappedToNamedDatabases() {
        GlueTableCatalog named = new GlueTableCatalog(glue,
                GlueDatabases.withPrefix("strata_").withOverride("curated", "warehouse"));
        named.register(curated(FIRST));
        named.register(requests("clean", REQUESTS, FIRST));

        assertThat(glueTable("warehouse", "requests_by_district").parameters()).containsEntry("table_type", "DELTA");
        assertThat(named.list().stream().map(e -> e.name().toString()))
                .containsExactly("clean.service_requests", "curated.requests_by_district");
    }

    @Test
    void refusesToOverwriteATableStrataDidNotRegister() {
        glue.createDatabase(r -> r.databaseInput(d -> d.name("strata_clean")));
        glue.createTable(r -> r.databaseName("strata_clean").tableInput(t -> t.name("service_requests")));

        assertThatThrownBy(() -> catalog.register(requests("clean", REQUESTS, FIRST)))
                .isInstanceOf(CatalogServiceException.class)
                .hasMessage("Glue table strata_clean.service_requests exists but Strata did not register it: "
                        + "drop it or register the entry under another name")
                .extracting(e -> ((CatalogServiceException) e).category())
                .isEqualTo(CatalogServiceException.Category.INVALID);
    }

    @Test
    void aMissingDatabaseIsNotFound() {
        SdkException failure = null;
        try {
            glue.getTable(r -> r.databaseName("strata_nowhere").name("service_requests"));
        } catch (SdkException e) {
            failure = e;
        }
        assertThat(failure).isNotNull();

        CatalogServiceException translated = GlueFailures.translate("GetTable",
                "table strata_nowhere.service_requests", failure);

        assertThat(translated.category()).isEqualTo(CatalogServiceException.Category.NOT_FOUND);
        assertThat(translated.getMessage()).startsWith("Glue found nothing for GetTable on table "
                + "strata_nowhere.service_requests: ").endsWith("; check the zone's Glue database and register the "
                + "table first (EntityNotFoundException)").doesNotContain("\n").doesNotContain(MotoServer.SECRET_KEY);
        assertThat(translated.retryable()).isFalse();
    }

    // ---- the Spectrum twin -------------------------------------------------------------------------------

    private static List<Map<String, String>> days(int from, int count) {
        List<Map<String, String>> partitions = new ArrayList<>();
        for (int day = from; day < from + count; day++) {
            partitions.add(Map.of("ingest_date", LocalDate.of(2024, 1, 1).plusDays(day).toString()));
        }
        return partitions;
    }

    private static List<Partition> partitions(String table) {
        List<Partition> found = new ArrayList<>();
        glue.getPartitionsPaginator(r -> r.databaseName("strata_clean").tableName(table))
                .forEach(page -> found.addAll(page.partitions()));
        return found;
    }

    @Test
    void writesTheSpectrumTableOverTheManifestWithOnePartitionPerFolder() {
        TableEntry entry = requests("clean", REQUESTS, FIRST);
        catalog.register(entry);

        SpectrumRegistration first = catalog.registerSpectrum(entry, "service_requests_spectrum", days(0, 3));

        assertThat(first).isEqualTo(new SpectrumRegistration("strata_clean.service_requests_spectrum",
                SpectrumRegistration.Change.CREATED, 3, 0, 0, 0, List.of()));
        Table table = glueTable("strata_clean", "service_requests_spectrum");
        assertThat(table.tableType()).isEqualTo("EXTERNAL_TABLE");
        assertThat(table.storageDescriptor().location())
                .isEqualTo("s3://lake/clean/service_requests/_symlink_format_manifest/");
        assertThat(table.storageDescriptor().inputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.SymlinkTextInputFormat");
        assertThat(table.storageDescriptor().outputFormat())
                .isEqualTo("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat");
        assertThat(table.storageDescriptor().serdeInfo().serializationLibrary())
                .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
        assertThat(columns(table.storageDescriptor().columns())).containsExactlyElementsOf(REQUEST_COLUMNS);
        assertThat(columns(table.partitionKeys())).containsExactly("ingest_date:string");
        assertThat(table.parameters()).containsEntry("strata.spectrum_of", "clean.service_requests")
                .doesNotContainKey("table_type");
        assertThat(partitions("service_requests_spectrum")).extracting(p -> p.storageDescriptor().location())
                .containsExactlyInAnyOrder(
                        "s3://lake/clean/service_requests/_symlink_format_manifest/ingest_date=2024-01-01/",
                        "s3://lake/clean/service_requests/_symlink_format_manifest/ingest_date=2024-01-02/",
                        "s3://lake/clean/service_requests/_symlink_format_manifest/ingest_date=2024-01-03/");
        assertThat(catalog.list("clean")).containsExactly(entry);

        SpectrumRegistration fewer = catalog.registerSpectrum(entry, "service_requests_spectrum", days(1, 2));
        assertThat(fewer).isEqualTo(new SpectrumRegistration("strata_clean.service_requests_spectrum",
                SpectrumRegistration.Change.UNCHANGED, 0, 0, 1, 2, List.of()));
        assertThat(partitions("service_requests_spectrum")).extracting(Partition::values)
                .containsExactlyInAnyOrder(List.of("2024-01-02"), List.of("2024-01-03"));

        calls.clear();
        SpectrumRegistration again = catalog.registerSpectrum(entry, "service_requests_spectrum", days(1, 2));
        assertThat(again.noChange()).isTrue();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(calls.count("UpdateTable") + calls.count("CreateTable") + calls.count("BatchCreatePartition")
                + calls.count("BatchUpdatePartition") + calls.count("BatchDeletePartition")).isZero();

        assertThat(catalog.drop(entry.name())).isTrue();
        assertThat(catalog.list()).isEmpty();
        assertThat(glue.getTables(r -> r.databaseName("strata_clean")).tableList()).isEmpty();
    }

    @Test
    void writesManyPartitionsInBatchesGlueAccepts() {
        TableEntry entry = requests("clean", REQUESTS, FIRST);
        catalog.register(entry);

        SpectrumRegistration created = catalog.registerSpectrum(entry, "requests_spectrum", days(0, 130));
        assertThat(created.created()).isEqualTo(130);
        assertThat(calls.batchSizes("BatchCreatePartition")).containsExactly(100, 30);
        assertThat(partitions("requests_spectrum")).hasSize(130);

        SpectrumRegistration trimmed = catalog.registerSpectrum(entry, "requests_spectrum", days(70, 60));
        assertThat(trimmed).isEqualTo(new SpectrumRegistration("strata_clean.requests_spectrum",
                SpectrumRegistration.Change.UNCHANGED, 0, 0, 70, 60, List.of()));
        assertThat(calls.batchSizes("BatchDeletePartition")).containsExactly(25, 25, 20);
        assertThat(partitions("requests_spectrum")).hasSize(60);
    }

    @Test
    void aMovedTableUpdatesTheSpectrumTableAndEveryPartition() {
        TableEntry entry = requests("clean", REQUESTS, FIRST);
        catalog.register(entry);
        catalog.registerSpectrum(entry, "requests_spectrum", days(0, 120));
        calls.clear();
        TableEntry moved = new TableEntry(entry.name(), "s3a://lake2/clean/service_requests", "delta",
                entry.partitionColumns(), REQUESTS, entry.properties(), LATER, LATER);

        SpectrumRegistration result = catalog.registerSpectrum(moved, "requests_spectrum", days(0, 120));

        assertThat(result).isEqualTo(new SpectrumRegistration("strata_clean.requests_spectrum",
                SpectrumRegistration.Change.UPDATED, 0, 120, 0, 0, List.of()));
        assertThat(calls.batchSizes("BatchUpdatePartition")).containsExactly(100, 20);
        assertThat(partitions("requests_spectrum")).allSatisfy(p -> assertThat(p.storageDescriptor().location())
                .startsWith("s3://lake2/clean/service_requests/_symlink_format_manifest/ingest_date=2024-"));
        assertThat(glueTable("strata_clean", "requests_spectrum").storageDescriptor().location())
                .isEqualTo("s3://lake2/clean/service_requests/_symlink_format_manifest/");
    }

    @Test
    void reportsPartitionsGlueRefusesAsReadableLines() {
        TableEntry entry = requests("clean", REQUESTS, FIRST);
        catalog.register(entry);
        catalog.registerSpectrum(entry, "requests_spectrum", days(0, 3));
        TableEntry moved = new TableEntry(entry.name(), "s3a://lake2/clean/service_requests", "delta",
                entry.partitionColumns(), REQUESTS, entry.properties(), LATER, LATER);
        calls.beforeNext(BatchUpdatePartitionRequest.class, () -> glue.deletePartition(r -> r
                .databaseName("strata_clean").tableName("requests_spectrum").partitionValues("2024-01-02")));

        SpectrumRegistration result = catalog.registerSpectrum(moved, "requests_spectrum", days(0, 3));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.updated()).isEqualTo(2);
        assertThat(result.errors()).containsExactly("cannot update partition (2024-01-02) of "
                + "strata_clean.requests_spectrum: Partition not found. (EntityNotFoundException)");
    }

    @Test
    void aPartitionCreatedMeanwhileIsComparedAndUpdatedOnlyWhenItDiffers() {
        TableEntry entry = requests("clean", REQUESTS, FIRST);
        catalog.register(entry);
        catalog.registerSpectrum(entry, "requests_spectrum", days(0, 1));
        Partition model = partitions("requests_spectrum").get(0);
        calls.beforeNext(BatchCreatePartitionRequest.class, () -> {
            glue.createPartition(r -> r.databaseName("strata_clean").tableName("requests_spectrum")
                    .partitionInput(p -> p.values("2024-01-02").storageDescriptor(model.storageDescriptor().toBuilder()
                            .location("s3://elsewhere/ingest_date=2024-01-02/").build())));
            glue.createPartition(r -> r.databaseName("strata_clean").tableName("requests_spectrum")
                    .partitionInput(p -> p.values("2024-01-03").storageDescriptor(model.storageDescriptor().toBuilder()
                            .location("s3://lake/clean/service_requests/_symlink_format_manifest/ingest_date=2024-01-03/")
                            .build())));
        });

        SpectrumRegistration result = catalog.registerSpectrum(entry, "requests_spectrum", days(0, 4));

        assertThat(result).isEqualTo(new SpectrumRegistration("strata_clean.requests_spectrum",
                SpectrumRegistration.Change.UNCHANGED, 1, 1, 0, 2, List.of()));
        assertThat(partitions("requests_spectrum")).extracting(p -> p.storageDescriptor().location())
                .allSatisfy(location -> assertThat(location).startsWith("s3://lake/clean/"));
    }

    @Test
    void escapesPartitionValuesInFolderNamesAsDeltaWritesThem() {
        StructType schema = new StructType().add("id", DataTypes.LongType).add("district", DataTypes.StringType)
                .add("day", DataTypes.IntegerType);
        TableEntry entry = new TableEntry(TableName.parse("clean.visits"), "s3://lake/clean/visits", "delta",
                List.of("district", "day"), schema, Map.of(), FIRST, FIRST);
        catalog.register(entry);

        catalog.registerSpectrum(entry, "visits_spectrum", List.of(Map.of("district", "North/East", "day", "1"),
                Map.of("district", "__HIVE_DEFAULT_PARTITION__", "day", "2")));

        assertThat(columns(glueTable("strata_clean", "visits_spectrum").partitionKeys()))
                .containsExactly("district:string", "day:int");
        assertThat(partitions("visits_spectrum")).extracting(p -> p.storageDescriptor().location())
                .containsExactlyInAnyOrder("s3://lake/clean/visits/_symlink_format_manifest/district=North%2FEast/day=1/",
                        "s3://lake/clean/visits/_symlink_format_manifest/district=__HIVE_DEFAULT_PARTITION__/day=2/");
        assertThatThrownBy(() -> catalog.registerSpectrum(entry, "visits_spectrum", List.of(Map.of("day", "1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a partition of clean.visits gives values for [day], it needs exactly [district, day]");
    }
}
