package dev.strata.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.samples.mimic.MimicGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata omop} through the CLI on the committed 100-patient MIMIC-III-shaped sample. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OmopEndToEndTest {

    @TempDir
    static Path dir;

    static Path lake;
    static CliRun firstRun;

    static String[] omop(String... extra) {
        Path samples = Repository.root().resolve("data-samples/mimic");
        List<String> args = new java.util.ArrayList<>(List.of("omop", "--lake", lake.toString(),
                "--mimic", samples.resolve("csv").toString(), "--vocab", samples.resolve("vocabulary").toString(),
                "--mappings", samples.resolve("mappings").toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @BeforeAll
    static void convertTheSample() {
        lake = dir.resolve("lake");
        firstRun = CliRun.of(omop());
    }

    @Test
    @Order(1)
    void theCommittedSampleIsWhatTheGeneratorMakes() throws Exception {
        Path regenerated = dir.resolve("regenerated");
        new MimicGenerator(3).write(regenerated, 100, MimicGenerator.Options.defaults());
        Path committed = Repository.root().resolve("data-samples/mimic/csv");
        try (Stream<Path> files = Files.list(committed)) {
            for (Path file : files.toList()) {
                assertThat(Files.mismatch(file, regenerated.resolve(file.getFileName()))).as(file.toString())
                        .isEqualTo(-1L);
            }
        }
    }

    @Test
    @Order(2)
    void theConversionSucceedsAndReports() {
        assertThat(firstRun.exitCode()).as(firstRun.toString()).isZero();
        assertThat(firstRun.out()).contains("data quality: ").contains("mapped: ");
        // on the bundled vocabulary subset, the run says so first, and how to give a real one
        assertThat(firstRun.out()).contains("vocabulary: the bundled MIMIC-III sample subset")
                .contains("https://athena.ohdsi.org").contains("strata omop --vocab DIR");
        assertThat(firstRun.out().indexOf("vocabulary: the bundled")).isLessThan(firstRun.out().indexOf("mapped: "));
        assertThat(lake.resolve("reports/omop/data_quality.md")).exists();
        assertThat(lake.resolve("reports/omop/mapping_coverage.md")).exists();
        assertThat(lake.resolve("staging/omop/person.manifest")).exists();
    }

    @Test
    @Order(3)
    void everyPatientAdmissionAndIcuStayArrives() {
        assertThat(ServiceRequestsEndToEndTest.query(lake, "select count(*) from curated.person")).containsExactly("100");
        assertThat(ServiceRequestsEndToEndTest.query(lake, "select count(*) from curated.visit_occurrence"))
                .containsExactly("143");
        assertThat(ServiceRequestsEndToEndTest.query(lake, "select count(*) from curated.visit_detail"))
                .containsExactly("170");
        // every lab event becomes a measurement; every diagnosis a row of the table its domain names
        assertThat(ServiceRequestsEndToEndTest.query(lake,
                "select count(*) from curated.measurement where measurement_id % 10000 div 100 = 5"))
                .containsExactly("15000");
        assertThat(ServiceRequestsEndToEndTest.query(lake, "select (select count(*) from curated.condition_occurrence)"
                + " + (select count(*) from curated.observation where observation_id % 10000 div 100 = 1)"
                + " + (select count(*) from curated.measurement where measurement_id % 10000 div 100 = 1)"))
                .containsExactly("1287");
    }

    @Test
    @Order(4)
    void foreignKeysResolveAcrossTheWholeOutput() {
        assertThat(ServiceRequestsEndToEndTest.query(lake, "select cdm_table, cdm_field, violated_rows "
                + "from curated.omop_dq_results where check_name = 'is_foreign_key' "
                + "and cdm_field not like '%concept_id' and violated_rows > 0")).isEmpty();
    }

    @Test
    @Order(5)
    void aStrictRerunChangesNothingAndFailsOnTheChecksThatFail() {
        List<String> before = ServiceRequestsEndToEndTest.query(lake,
                "select * from curated.measurement order by measurement_id");
        CliRun again = CliRun.of(omop("--strict"));
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(3);
        assertThat(again.err()).contains("data-quality check(s) failed (--strict)");
        assertThat(again.err()).contains("no new raw batches");
        assertThat(ServiceRequestsEndToEndTest.query(lake, "select * from curated.measurement order by measurement_id"))
                .isEqualTo(before);
    }

    @Test
    @Order(6)
    void aFolderThatIsNotThereIsAUserMistake() {
        CliRun run = CliRun.of("omop", "--lake", dir.resolve("other").toString(), "--mimic",
                dir.resolve("nowhere").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--mimic").contains("is not a folder");
    }

    /** The OMOP CDM v5.4 tables the sample fills, and the vocabulary tables its subset holds. */
    static final List<String> CDM_TABLES = List.of("person", "observation_period", "visit_occurrence",
            "visit_detail", "condition_occurrence", "procedure_occurrence", "drug_exposure", "measurement",
            "observation", "death", "specimen", "note", "location", "care_site", "provider", "cdm_source",
            "source_to_concept_map", "condition_era", "drug_era", "concept", "vocabulary", "domain", "concept_class",
            "concept_relationship", "relationship", "concept_ancestor");

    @Test
    @Order(7)
    void everyCdmTablePublishesToGlueAndLoadsIntoPostgres() {
        try (MotoAws aws = MotoAws.open(false); EmbeddedWarehouse warehouse = EmbeddedWarehouse.start()) {
            PublishedLake published = PublishedLake.publish(lake, "mimic_omop", "strata_omop_cdm", "omop_cdm", aws,
                    warehouse);
            assertThat(published.curatedTables()).containsAll(CDM_TABLES).contains("omop_dq_results");
            assertThat(published.rows()).containsEntry("person", 100L).containsEntry("visit_occurrence", 143L)
                    .containsEntry("visit_detail", 170L);
            assertThat(aws.tables("strata_omop_source")).extracting(t -> t.name())
                    .contains("mimic_patients", "mimic_admissions", "vocab_concept");
            assertThat(warehouse.rows("SELECT column_name, data_type FROM information_schema.columns WHERE"
                    + " table_schema = 'omop_cdm' AND table_name = 'measurement' AND column_name IN"
                    + " ('measurement_id', 'measurement_date', 'measurement_datetime', 'value_as_number',"
                    + " 'measurement_source_value') ORDER BY column_name"))
                    .containsExactly("measurement_date|date", "measurement_datetime|timestamp without time zone",
                            "measurement_id|bigint", "measurement_source_value|character varying",
                            "value_as_number|double precision");
            assertThat(published.reload().err()).contains("redshift:omop_cdm.person: read 100, written 100")
                    .contains("postgresql replace: 100 staged");
        }
    }

    @Test
    @Order(8)
    void catalogDdlPrintsTheCdmTablesInEachDialect() {
        Map<String, String> redshift = PublishEndToEndTest.ddl(lake, "--dialect", "redshift", "--zone", "curated");
        Map<String, String> spectrum = PublishEndToEndTest.ddl(lake, "--dialect", "spectrum", "--location-root",
                "s3://omop-lake/mimic");
        Map<String, String> athena = PublishEndToEndTest.ddl(lake, "--dialect", "athena", "--location-root",
                "s3://omop-lake/mimic", "--zone", "curated");
        for (String table : CDM_TABLES) {
            assertThat(redshift.get("curated." + table)).as(table)
                    .startsWith("CREATE TABLE IF NOT EXISTS \"omop_cdm\".\"" + table + "\" (");
            assertThat(spectrum.get("curated." + table)).as(table)
                    .startsWith("CREATE EXTERNAL TABLE \"strata_omop_cdm\".\"" + table + "_spectrum\" (")
                    .endsWith("LOCATION 's3://omop-lake/mimic/curated/" + table + "/_symlink_format_manifest/';");
            assertThat(athena.get("curated." + table)).as(table).contains("LOCATION 's3://omop-lake/mimic/curated/"
                    + table + "'").endsWith("TBLPROPERTIES ('table_type'='DELTA');");
        }
        assertThat(redshift.get("curated.person")).contains("  \"person_id\" BIGINT,\n")
                .contains("  \"birth_datetime\" TIMESTAMP,\n").contains("  \"year_of_birth\" INTEGER,\n")
                .endsWith("DISTSTYLE KEY\nDISTKEY (\"person_id\")\nSORTKEY (\"person_id\");");
        assertThat(redshift.get("curated.measurement")).contains("  \"measurement_date\" DATE,\n")
                .contains("  \"measurement_datetime\" TIMESTAMP,\n")
                .contains("  \"measurement_source_value\" VARCHAR(32),\n")
                .contains("  \"value_as_number\" DOUBLE PRECISION,\n")
                .endsWith("COMPOUND SORTKEY (\"person_id\", \"measurement_date\");");
        assertThat(redshift.get("curated.concept")).contains("DISTSTYLE ALL");
        assertThat(spectrum.get("curated.person")).contains("  \"birth_datetime\" timestamp,\n")
                .contains("  \"person_source_value\" string,\n").doesNotContain("PARTITIONED BY");
    }
}
