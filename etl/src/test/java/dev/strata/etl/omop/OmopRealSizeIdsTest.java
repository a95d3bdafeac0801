package dev.strata.etl.omop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.catalog.LocalTableCatalog;
import dev.strata.etl.curate.SessionTables;
import dev.strata.etl.curate.SqlRoot;
import dev.strata.etl.engine.EngineTestSession;
import dev.strata.etl.engine.Pipelines;
import dev.strata.etl.engine.Pipelines.Stage;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.run.RunLog;
import dev.strata.etl.run.StageResult;
import dev.strata.etl.spec.CuratedStep;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.etl.spec.SpecLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mimic_omop pipeline over a MIMIC-III extract whose ROW_IDs are the largest of the full MIMIC-III v1.4 data
 * set (CHARTEVENTS 330,712,483, LABEVENTS 27,854,055, PRESCRIPTIONS 4,156,450, DATETIMEEVENTS 4,485,937 ...), in
 * the distribution's layout (upper-case quoted headers), with DRGCODES and DATETIMEEVENTS, and with rows that
 * name an admission or ICU stay that is not there. The vocabulary and mappings are those of
 * src/test/resources/omop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OmopRealSizeIdsTest {

    private static final Path FIXTURE = Path.of("src/test/resources/omop");

    /** Every table with a single-column primary key, and that key. */
    private static final Map<String, String> PRIMARY_KEYS = Map.ofEntries(Map.entry("person", "person_id"),
            Map.entry("observation_period", "observation_period_id"),
            Map.entry("visit_occurrence", "visit_occurrence_id"), Map.entry("visit_detail", "visit_detail_id"),
            Map.entry("condition_occurrence", "condition_occurrence_id"),
            Map.entry("procedure_occurrence", "procedure_occurrence_id"),
            Map.entry("drug_exposure", "drug_exposure_id"), Map.entry("measurement", "measurement_id"),
            Map.entry("observation", "observation_id"), Map.entry("specimen", "specimen_id"),
            Map.entry("note", "note_id"), Map.entry("location", "location_id"), Map.entry("care_site", "care_site_id"),
            Map.entry("provider", "provider_id"), Map.entry("condition_era", "condition_era_id"),
            Map.entry("drug_era", "drug_era_id"));

    /** Curated steps this test does not need. */
    private static final java.util.Set<String> LEFT_OUT = java.util.Set.of("cdm_source", "source_to_concept_map",
            "concept", "concept_relationship", "vocabulary", "domain", "concept_class", "relationship",
            "concept_synonym", "concept_ancestor", "drug_strength", "omop_unmapped_codes", "omop_dq_results");

    private final SparkSession spark = EngineTestSession.get();

    @TempDir
    static Path dir;

    private List<StageResult> stages;

    @BeforeAll
    void convert() {
        Lake lake = new Lake(dir.resolve("lake").toString(), new org.apache.hadoop.conf.Configuration());
        Pipelines pipelines = new Pipelines(spark, lake, new LocalTableCatalog(lake.root(), lake.conf()),
                new SqlRoot(Optional.of(Path.of("../sql").toAbsolutePath().toString()), lake), Clock.systemUTC());
        RunLog log = new RunLog("test", "omop", "mimic_omop", "test", lake.root(), Clock.systemUTC(),
                new PrintStream(new ByteArrayOutputStream()));
        PipelineSpec spec = new SpecLoader().loadResource("mimic_omop").withVariables(Map.of(
                "mimic", Path.of("src/test/resources/omop-maxima/mimic").toString(),
                "vocab", FIXTURE.resolve("vocabulary").toString(),
                "mappings", FIXTURE.resolve("mappings").toString()));
        // the clinical tables and the reports on them; the vocabulary copies and the data-quality checks, which
        // OmopConversionTest covers, are left out
        List<CuratedStep> clinical = spec.curated().stream().filter(step -> !LEFT_OUT.contains(step.name())).toList();
        assertThat(clinical).hasSize(spec.curated().size() - LEFT_OUT.size());
        stages = pipelines.run(new PipelineSpec(spec.name(), spec.description(), spec.origin(), spec.variables(),
                spec.sources(), clinical, spec.staging(), spec.identity(), spec.publish(), spec.views(),
                spec.dashboard()), List.of(Stage.INGEST, Stage.CLEAN, Stage.CURATE), log);
        new SessionTables(spark, new LocalTableCatalog(lake.root(), lake.conf())).bindAll();
    }

    private List<String> rows(String sql) {
        List<String> result = new ArrayList<>();
        for (Row row : spark.sql(sql).collectAsList()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(String.valueOf(row.get(i)));
            }
            result.add(String.join("|", cells));
        }
        return result;
    }

    @Test
    void everyPrimaryKeyIsPositiveUniqueAndPresent() {
        for (Map.Entry<String, String> key : PRIMARY_KEYS.entrySet()) {
            assertThat(rows("select count(*), count(distinct " + key.getValue() + "), count_if(" + key.getValue()
                    + " is null or " + key.getValue() + " <= 0) from curated." + key.getKey()))
                    .as(key.getKey()).singleElement().satisfies(r -> {
                        String[] cells = r.split("\\|");
                        assertThat(cells[0]).isEqualTo(cells[1]);
                        assertThat(cells[2]).isEqualTo("0");
                    });
        }
        assertThat(rows("select count(*) from curated.measurement")).containsExactly("5");
    }

    @Test
    void eventIdsAreRowIdTimesTenThousandPlusOriginAndTargetInSixtyFourBits() {
        assertThat(rows("select measurement_id, measurement_source_value, visit_detail_id from curated.measurement "
                + "order by 1")).containsExactly(
                        "6317260700|BLOOD CULTURE|null",
                        "278540540500|50912|null",             // admission 1999 is not in ADMISSIONS
                        "278540550500|50912|null",
                        "3307124810600|220045|null",           // ICU stay 2999 is not in ICUSTAYS
                        "3307124830600|220045|2001");
        assertThat(rows("select condition_occurrence_id from curated.condition_occurrence"))
                .containsExactly("6510470100");
        assertThat(rows("select procedure_occurrence_id from curated.procedure_occurrence"))
                .containsExactly("2400950200");
        assertThat(rows("select drug_exposure_id, visit_occurrence_id, visit_detail_id from curated.drug_exposure "
                + "order by 1")).containsExactly("41564490400|null|null", "41564500400|1001|2001");
        assertThat(rows("select specimen_id from curated.specimen")).containsExactly("6317260700");
        assertThat(rows("select max(observation_id), min(observation_id) from curated.observation"))
                .containsExactly("3307124820600|589751000");
    }

    @Test
    void observationHoldsAdmissionFactsDrgCodesChartedDatesAndTextValues() {
        assertThat(rows("select observation_id, observation_concept_id, observation_date, value_as_string, "
                + "value_as_concept_id, value_source_value, observation_source_value, visit_occurrence_id, "
                + "visit_detail_id from curated.observation order by 1")).containsExactly(
                        // admission 1002: religion (k 0), ethnicity (k 3), insurance (k 4); no language or marital status
                        "589751000|4052017|2009-11-01|NOT SPECIFIED|44789584|NOT SPECIFIED|RELIGION|1002|null",
                        "589751003|44803968|2009-11-01|HISPANIC OR LATINO|0|HISPANIC OR LATINO|ETHNICITY|1002|null",
                        "589751004|46235654|2009-11-01|Self Pay|21499435|Self Pay|INSURANCE|1002|null",
                        "589761000|4052017|2004-01-10|CATHOLIC|4175384|CATHOLIC|RELIGION|1001|null",
                        "589761001|40758030|2004-01-10|ENGL|4180186|ENGL|LANGUAGE|1001|null",
                        "589761002|40766231|2004-01-10|MARRIED|45876756|MARRIED|MARITAL_STATUS|1001|null",
                        "589761003|44803968|2004-01-10|WHITE|8527|WHITE|ETHNICITY|1001|null",
                        "589761004|46235654|2004-01-10|Medicare|45883718|Medicare|INSURANCE|1001|null",
                        // DRG codes, dated at the emergency registration; no DRG concept in this vocabulary
                        "1255561100|4296248|2004-01-10|HEART FAILURE|0|194|DRG|1001|null",
                        "1255571100|4296248|2004-01-10|HEART FAILURE & SHOCK|0|127|DRG|1001|null",
                        // V15.82 maps to an observation
                        "6510460100|990002|2009-11-01|null|null|null|V1582|1002|null",
                        // the charted date: the ICU stay 2999 and the admission 1999 are not there; ERROR = 1 left out
                        "44859351200|4085802|2004-01-11|null|null|2004-01-11 00:00:00|224280|null|null",
                        "44859371200|4085802|2004-01-10|null|null|2004-01-10 00:00:00|224288|1001|2001",
                        "3307124820600|0|2004-01-10|Normal Sinus|null|Normal Sinus|8888|1001|2001");
    }

    @Test
    void rowsNamingAMissingAdmissionAreKeptWithoutAVisitOrQuarantinedWhenDatedByIt() {
        for (String table : List.of("condition_occurrence", "procedure_occurrence", "drug_exposure", "measurement",
                "observation", "note")) {
            assertThat(rows("select count(*) from curated." + table + " t left join curated.visit_occurrence v "
                    + "on v.visit_occurrence_id = t.visit_occurrence_id where t.visit_occurrence_id is not null "
                    + "and v.visit_occurrence_id is null")).as(table).containsExactly("0");
        }
        for (String table : List.of("drug_exposure", "measurement", "observation")) {
            assertThat(rows("select count(*) from curated." + table + " t left join curated.visit_detail v "
                    + "on v.visit_detail_id = t.visit_detail_id where t.visit_detail_id is not null "
                    + "and v.visit_detail_id is null")).as(table).containsExactly("0");
        }
        assertThat(rows("select note_id, visit_occurrence_id from curated.note")).containsExactly("2083180|null");
        assertThat(rows("select source_table, rows, dangling_hadm_id, dangling_icustay_id from "
                + "curated.omop_dangling_visit_references where rows > 0 order by 1")).containsExactly(
                        "CHARTEVENTS|3|0|1", "DATETIMEEVENTS|3|1|1", "LABEVENTS|2|1|0", "MICROBIOLOGYEVENTS|1|0|0",
                        "NOTEEVENTS|1|1|0", "PRESCRIPTIONS|2|1|1");
        // the DRG code of admission 1999 has no date without it: quarantined, like diagnoses and ICU stays
        StageResult drg = stages.stream().filter(s -> s.target().equals("clean.mimic_drgcodes")).findFirst()
                .orElseThrow();
        assertThat(drg.quarantined()).isEqualTo(1);
        assertThat(drg.ruleFailures()).containsEntry("referential_hadm_id", 1L);
    }

    @Test
    void mappingCoverageCountsEveryRowOfEveryEventTable() {
        for (String table : List.of("condition_occurrence", "procedure_occurrence", "drug_exposure", "observation")) {
            String concept = table.replace("_occurrence", "").replace("_exposure", "") + "_concept_id";
            assertThat(rows("select (select sum(rows) from curated.omop_mapping_coverage where cdm_table = '" + table
                    + "' and cdm_field = '" + concept + "') = (select count(*) from curated." + table + ")"))
                    .as(table).containsExactly("true");
        }
        assertThat(rows("select (select sum(rows) from curated.omop_mapping_coverage where cdm_table = 'measurement' "
                + "and cdm_field in ('measurement_concept_id', 'value_as_concept_id')) = "
                + "(select count(*) from curated.measurement)")).containsExactly("true");
        assertThat(rows("select source_vocabulary, rows, mapped_rows from curated.omop_mapping_coverage "
                + "where cdm_table = 'observation' and cdm_field = 'value_as_concept_id' order by 1")).containsExactly(
                        "DRG|2|0", "MIMIC_INSURANCE|2|2", "MIMIC_LANGUAGE|1|1", "MIMIC_MARITAL_STATUS|1|1",
                        "MIMIC_RACE|2|1", "MIMIC_RELIGION|2|2");
    }
}
