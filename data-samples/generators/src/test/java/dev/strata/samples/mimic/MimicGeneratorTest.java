package dev.strata.samples.mimic;

import dev.strata.samples.CsvText.Table;
import dev.strata.samples.CsvTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.strata.samples.CsvText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MimicGeneratorTest {

    private static final long SEED = 11;
    private static final int PATIENTS = 300;

    /** The header of each table in the MIMIC-III v1.4 distribution, written out here independently. */
    private static final Map<String, String> REAL_HEADERS = new LinkedHashMap<>();

    static {
        REAL_HEADERS.put("PATIENTS", "ROW_ID,SUBJECT_ID,GENDER,DOB,DOD,DOD_HOSP,DOD_SSN,EXPIRE_FLAG");
        REAL_HEADERS.put("ADMISSIONS", "ROW_ID,SUBJECT_ID,HADM_ID,ADMITTIME,DISCHTIME,DEATHTIME,ADMISSION_TYPE,"
                + "ADMISSION_LOCATION,DISCHARGE_LOCATION,INSURANCE,LANGUAGE,RELIGION,MARITAL_STATUS,ETHNICITY,EDREGTIME,"
                + "EDOUTTIME,DIAGNOSIS,HOSPITAL_EXPIRE_FLAG,HAS_CHARTEVENTS_DATA");
        REAL_HEADERS.put("ICUSTAYS", "ROW_ID,SUBJECT_ID,HADM_ID,ICUSTAY_ID,DBSOURCE,FIRST_CAREUNIT,LAST_CAREUNIT,"
                + "FIRST_WARDID,LAST_WARDID,INTIME,OUTTIME,LOS");
        REAL_HEADERS.put("TRANSFERS", "ROW_ID,SUBJECT_ID,HADM_ID,ICUSTAY_ID,DBSOURCE,EVENTTYPE,PREV_CAREUNIT,"
                + "CURR_CAREUNIT,PREV_WARDID,CURR_WARDID,INTIME,OUTTIME,LOS");
        REAL_HEADERS.put("SERVICES", "ROW_ID,SUBJECT_ID,HADM_ID,TRANSFERTIME,PREV_SERVICE,CURR_SERVICE");
        REAL_HEADERS.put("CAREGIVERS", "ROW_ID,CGID,LABEL,DESCRIPTION");
        REAL_HEADERS.put("DIAGNOSES_ICD", "ROW_ID,SUBJECT_ID,HADM_ID,SEQ_NUM,ICD9_CODE");
        REAL_HEADERS.put("PROCEDURES_ICD", "ROW_ID,SUBJECT_ID,HADM_ID,SEQ_NUM,ICD9_CODE");
        REAL_HEADERS.put("CPTEVENTS", "ROW_ID,SUBJECT_ID,HADM_ID,COSTCENTER,CHARTDATE,CPT_CD,CPT_NUMBER,CPT_SUFFIX,"
                + "TICKET_ID_SEQ,SECTIONHEADER,SUBSECTIONHEADER,DESCRIPTION");
        REAL_HEADERS.put("PRESCRIPTIONS", "ROW_ID,SUBJECT_ID,HADM_ID,ICUSTAY_ID,STARTDATE,ENDDATE,DRUG_TYPE,DRUG,"
                + "DRUG_NAME_POE,DRUG_NAME_GENERIC,FORMULARY_DRUG_CD,GSN,NDC,PROD_STRENGTH,DOSE_VAL_RX,DOSE_UNIT_RX,"
                + "FORM_VAL_DISP,FORM_UNIT_DISP,ROUTE");
        REAL_HEADERS.put("LABEVENTS", "ROW_ID,SUBJECT_ID,HADM_ID,ITEMID,CHARTTIME,VALUE,VALUENUM,VALUEUOM,FLAG");
        REAL_HEADERS.put("CHARTEVENTS", "ROW_ID,SUBJECT_ID,HADM_ID,ICUSTAY_ID,ITEMID,CHARTTIME,STORETIME,CGID,VALUE,"
                + "VALUENUM,VALUEUOM,WARNING,ERROR,RESULTSTATUS,STOPPED");
        REAL_HEADERS.put("MICROBIOLOGYEVENTS", "ROW_ID,SUBJECT_ID,HADM_ID,CHARTDATE,CHARTTIME,SPEC_ITEMID,"
                + "SPEC_TYPE_DESC,ORG_ITEMID,ORG_NAME,ISOLATE_NUM,AB_ITEMID,AB_NAME,DILUTION_TEXT,DILUTION_COMPARISON,"
                + "DILUTION_VALUE,INTERPRETATION");
        REAL_HEADERS.put("OUTPUTEVENTS", "ROW_ID,SUBJECT_ID,HADM_ID,ICUSTAY_ID,CHARTTIME,ITEMID,VALUE,VALUEUOM,"
                + "STORETIME,CGID,STOPPED,NEWBOTTLE,ISERROR");
        REAL_HEADERS.put("INPUTEVENTS_MV", "ROW_ID,SUBJECT_ID,HADM_ID,ICUSTAY_ID,STARTTIME,ENDTIME,ITEMID,AMOUNT,"
                + "AMOUNTUOM,RATE,RATEUOM,STORETIME,CGID,ORDERID,LINKORDERID,ORDERCATEGORYNAME,"
                + "SECONDARYORDERCATEGORYNAME,ORDERCOMPONENTTYPEDESCRIPTION,ORDERCATEGORYDESCRIPTION,PATIENTWEIGHT,"
                + "TOTALAMOUNT,TOTALAMOUNTUOM,ISOPENBAG,CONTINUEINNEXTDEPT,CANCELREASON,STATUSDESCRIPTION,"
                + "COMMENTS_EDITEDBY,COMMENTS_CANCELEDBY,COMMENTS_DATE,ORIGINALAMOUNT,ORIGINALRATE");
        REAL_HEADERS.put("INPUTEVENTS_CV", "ROW_ID,SUBJECT_ID,HADM_ID,ICUSTAY_ID,CHARTTIME,ITEMID,AMOUNT,AMOUNTUOM,"
                + "RATE,RATEUOM,STORETIME,CGID,ORDERID,LINKORDERID,STOPPED,NEWBOTTLE,ORIGINALAMOUNT,ORIGINALAMOUNTUOM,"
                + "ORIGINALROUTE,ORIGINALRATE,ORIGINALRATEUOM,ORIGINALSITE");
        REAL_HEADERS.put("NOTEEVENTS", "ROW_ID,SUBJECT_ID,HADM_ID,CHARTDATE,CHARTTIME,STORETIME,CATEGORY,DESCRIPTION,"
                + "CGID,ISERROR,TEXT");
        REAL_HEADERS.put("D_ITEMS", "ROW_ID,ITEMID,LABEL,ABBREVIATION,DBSOURCE,LINKSTO,CATEGORY,UNITNAME,PARAM_TYPE,"
                + "CONCEPTID");
        REAL_HEADERS.put("D_LABITEMS", "ROW_ID,ITEMID,LABEL,FLUID,CATEGORY,LOINC_CODE");
        REAL_HEADERS.put("D_ICD_DIAGNOSES", "ROW_ID,ICD9_CODE,SHORT_TITLE,LONG_TITLE");
        REAL_HEADERS.put("D_ICD_PROCEDURES", "ROW_ID,ICD9_CODE,SHORT_TITLE,LONG_TITLE");
        REAL_HEADERS.put("DRGCODES", "ROW_ID,SUBJECT_ID,HADM_ID,DRG_TYPE,DRG_CODE,DESCRIPTION,DRG_SEVERITY,DRG_MORTALITY");
        REAL_HEADERS.put("DATETIMEEVENTS", "ROW_ID,SUBJECT_ID,HADM_ID,ICUSTAY_ID,ITEMID,CHARTTIME,STORETIME,CGID,VALUE,"
                + "VALUEUOM,WARNING,ERROR,RESULTSTATUS,STOPPED");
    }

    /** The tables with one or more rows per patient, written patient after patient. */
    private static final List<String> PATIENT_TABLES = List.of("PATIENTS", "ADMISSIONS", "ICUSTAYS", "TRANSFERS",
            "SERVICES", "DIAGNOSES_ICD", "PROCEDURES_ICD", "CPTEVENTS", "PRESCRIPTIONS", "LABEVENTS", "CHARTEVENTS",
            "MICROBIOLOGYEVENTS", "OUTPUTEVENTS", "INPUTEVENTS_MV", "INPUTEVENTS_CV", "NOTEEVENTS", "DRGCODES",
            "DATETIMEEVENTS");
    private static final List<String> DICTIONARY_TABLES = List.of("CAREGIVERS", "D_ITEMS", "D_LABITEMS",
            "D_ICD_DIAGNOSES", "D_ICD_PROCEDURES");

    @TempDir
    static Path dir;

    static Path base;
    static GenerationSummary summary;
    static Map<String, Table> tables;

    @BeforeAll
    static void generateOnce() throws Exception {
        base = dir.resolve("base");
        summary = new MimicGenerator(SEED).write(base, PATIENTS, MimicGenerator.Options.defaults());
        tables = new HashMap<>();
        for (String table : REAL_HEADERS.keySet()) {
            tables.put(table, Table.readUpperCase(base.resolve(table + ".csv")));
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherData() throws Exception {
        Path again = dir.resolve("again");
        Path other = dir.resolve("other");
        GenerationSummary againSummary = new MimicGenerator(SEED).write(again, PATIENTS,
                MimicGenerator.Options.defaults());
        new MimicGenerator(SEED + 1).write(other, PATIENTS, MimicGenerator.Options.defaults());
        assertThat(againSummary).isEqualTo(summary);
        for (String table : REAL_HEADERS.keySet()) {
            Path file = base.resolve(table + ".csv");
            assertThat(Files.mismatch(file, again.resolve(table + ".csv"))).as(table).isEqualTo(-1L);
            boolean fromCatalogue = table.startsWith("D_");
            assertThat(Files.mismatch(file, other.resolve(table + ".csv")) == -1L).as(table).isEqualTo(fromCatalogue);
        }
    }

    @Test
    void everyFileHasTheRealHeaderAndTheReportedNumberOfWellFormedRows() throws Exception {
        assertThat(summary.rows().keySet()).containsExactlyElementsOf(REAL_HEADERS.keySet());
        try (var files = Files.list(base)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactlyElementsOf(
                    REAL_HEADERS.keySet().stream().map(t -> t + ".csv").sorted().toList());
        }
        for (Map.Entry<String, String> real : REAL_HEADERS.entrySet()) {
            String table = real.getKey();
            String firstLine = Files.readAllLines(base.resolve(table + ".csv")).get(0);
            String quoted = Arrays.stream(real.getValue().split(",")).map(c -> '"' + c + '"')
                    .collect(Collectors.joining(","));
            assertThat(firstLine).as(table).isEqualTo(quoted);
            Table t = tables.get(table);
            assertThat(t.header()).isEqualTo(List.of(real.getValue().split(",")));
            assertThat((long) t.rows().size()).as(table).isEqualTo(summary.rows(table)).isPositive();
            for (int i = 0; i < t.rows().size(); i++) {
                assertThat(t.rows().get(i)).as(table + " row " + i).hasSize(t.header().size());
                assertThat(t.rows().get(i).get(0)).as(table + " ROW_ID").isEqualTo(Integer.toString(i + 1));
            }
        }
        assertThat(summary.rows("PATIENTS")).isEqualTo(PATIENTS);
        assertThat(summary.totalRows()).isEqualTo(summary.rows().values().stream().mapToLong(Long::longValue).sum());
        assertThat(summary.toString()).startsWith("PATIENTS ").contains("\nCHARTEVENTS ")
                .endsWith(String.format(Locale.ROOT, "%,d", summary.totalRows()));
    }

    @Test
    void valuesAreQuotedLikeTheRealFiles() throws Exception {
        String admissions = Files.readAllLines(base.resolve("ADMISSIONS.csv")).get(1);
        assertThat(admissions).matches("1,1,100001,\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:00,\\d{4}-\\d\\d-\\d\\d "
                + "\\d\\d:\\d\\d:00,(\\d{4}-[^,]+)?,\"[A-Z]+\",\".*");
        String patient = Files.readAllLines(base.resolve("PATIENTS.csv")).get(1);
        assertThat(patient).matches("1,1,\"[MF]\",\\d{4}-\\d\\d-\\d\\d 00:00:00,.*,[01]");
        List<List<String>> notes = tables.get("NOTEEVENTS").rows();
        int text = tables.get("NOTEEVENTS").column("TEXT");
        assertThat(notes).anySatisfy(n -> assertThat(n.get(text)).contains("\n").contains(",").contains("\""));
        String raw = Files.readString(base.resolve("NOTEEVENTS.csv"));
        assertThat(raw).contains("\"\"");
        assertThat(tables.get("PRESCRIPTIONS").values("DOSE_VAL_RX")).contains("25,000");
    }

    @Test
    void childRowsPointToTheirAdmissionAndIcuStay() {
        Table admissions = tables.get("ADMISSIONS");
        Map<String, String> subjectOfAdmission = new HashMap<>();
        for (List<String> row : admissions.rows()) {
            assertThat(subjectOfAdmission.put(admissions.get(row, "HADM_ID"), admissions.get(row, "SUBJECT_ID")))
                    .as("HADM_ID unique").isNull();
        }
        Set<String> subjects = new HashSet<>(tables.get("PATIENTS").values("SUBJECT_ID"));
        assertThat(subjects).hasSize(PATIENTS);
        assertThat(subjectOfAdmission.values()).allMatch(subjects::contains);
        assertThat(new HashSet<>(subjectOfAdmission.values())).hasSize(PATIENTS);

        Table stays = tables.get("ICUSTAYS");
        Map<String, String> admissionOfStay = new HashMap<>();
        for (List<String> row : stays.rows()) {
            assertThat(admissionOfStay.put(stays.get(row, "ICUSTAY_ID"), stays.get(row, "HADM_ID")))
                    .as("ICUSTAY_ID unique").isNull();
        }
        for (String name : PATIENT_TABLES) {
            Table table = tables.get(name);
            if (!table.header().contains("HADM_ID")) {
                continue;
            }
            long withoutAdmission = 0;
            for (List<String> row : table.rows()) {
                String hadm = table.get(row, "HADM_ID");
                if (hadm.isEmpty()) {
                    withoutAdmission++;
                    continue;
                }
                assertThat(subjectOfAdmission.get(hadm)).as(name + " HADM_ID " + hadm)
                        .isEqualTo(table.get(row, "SUBJECT_ID"));
                if (table.header().contains("ICUSTAY_ID") && !table.get(row, "ICUSTAY_ID").isEmpty()) {
                    assertThat(admissionOfStay.get(table.get(row, "ICUSTAY_ID"))).as(name + " ICUSTAY_ID")
                            .isEqualTo(hadm);
                }
            }
            if (!name.equals("LABEVENTS")) {
                assertThat(withoutAdmission).as(name + " rows without HADM_ID").isZero();
            }
        }
        for (String name : List.of("CHARTEVENTS", "OUTPUTEVENTS", "INPUTEVENTS_MV", "INPUTEVENTS_CV")) {
            assertThat(tables.get(name).values("ICUSTAY_ID")).as(name).allMatch(admissionOfStay::containsKey);
        }
        Set<String> hadmWithChart = new HashSet<>(tables.get("CHARTEVENTS").values("HADM_ID"));
        for (List<String> row : admissions.rows()) {
            assertThat(admissions.get(row, "HAS_CHARTEVENTS_DATA"))
                    .isEqualTo(hadmWithChart.contains(admissions.get(row, "HADM_ID")) ? "1" : "0");
        }
    }

    @Test
    void timesAreConsistentWithTheAdmissionAndDeath() {
        Table patients = tables.get("PATIENTS");
        Table admissions = tables.get("ADMISSIONS");
        Map<String, LocalDateTime[]> window = new HashMap<>();
        Map<String, LocalDateTime> firstAdmission = new HashMap<>();
        Map<String, List<String>> lastAdmission = new HashMap<>();
        for (List<String> row : admissions.rows()) {
            LocalDateTime admit = time(admissions.get(row, "ADMITTIME"));
            LocalDateTime discharge = time(admissions.get(row, "DISCHTIME"));
            window.put(admissions.get(row, "HADM_ID"), new LocalDateTime[] {admit, discharge});
            assertThat(Duration.between(admit, discharge).toMinutes()).isBetween(2 * 1440L, 15 * 1440L);
            assertThat(admit.getYear()).isBetween(2001, 2012);
            firstAdmission.merge(admissions.get(row, "SUBJECT_ID"), admit, (a, b) -> a.isBefore(b) ? a : b);
            lastAdmission.put(admissions.get(row, "SUBJECT_ID"), row);
            boolean died = admissions.get(row, "HOSPITAL_EXPIRE_FLAG").equals("1");
            assertThat(admissions.get(row, "DEATHTIME")).isEqualTo(died ? admissions.get(row, "DISCHTIME") : "");
            assertThat(admissions.get(row, "DISCHARGE_LOCATION").equals("DEAD/EXPIRED")).isEqualTo(died);
            if (!admissions.get(row, "EDREGTIME").isEmpty()) {
                assertThat(time(admissions.get(row, "EDREGTIME"))).isBefore(admit);
            }
        }
        for (List<String> row : patients.rows()) {
            String subject = patients.get(row, "SUBJECT_ID");
            LocalDate dob = time(patients.get(row, "DOB")).toLocalDate();
            LocalDateTime first = firstAdmission.get(subject);
            assertThat(dob).isBefore(first.toLocalDate());
            int age = Period.between(dob, first.toLocalDate()).getYears();
            assertThat(age).isBetween(18, 300);
            assertThat(age < 90 || age == 300).as("age %s", age).isTrue();
            List<String> last = lastAdmission.get(subject);
            boolean diedInHospital = admissions.get(last, "HOSPITAL_EXPIRE_FLAG").equals("1");
            String dod = patients.get(row, "DOD");
            assertThat(patients.get(row, "EXPIRE_FLAG")).isEqualTo(dod.isEmpty() ? "0" : "1");
            if (diedInHospital) {
                String deathDay = admissions.get(last, "DEATHTIME").substring(0, 10) + " 00:00:00";
                assertThat(dod).isEqualTo(deathDay);
                assertThat(patients.get(row, "DOD_HOSP")).isEqualTo(deathDay);
            } else {
                assertThat(patients.get(row, "DOD_HOSP")).isEmpty();
                if (!dod.isEmpty()) {
                    assertThat(patients.get(row, "DOD_SSN")).isEqualTo(dod);
                    assertThat(time(dod)).isAfter(time(admissions.get(last, "DISCHTIME")));
                }
            }
        }

        Table stays = tables.get("ICUSTAYS");
        Map<String, LocalDateTime[]> stayWindow = new HashMap<>();
        for (List<String> row : stays.rows()) {
            LocalDateTime[] admission = window.get(stays.get(row, "HADM_ID"));
            LocalDateTime in = time(stays.get(row, "INTIME"));
            LocalDateTime out = time(stays.get(row, "OUTTIME"));
            assertThat(in).isAfterOrEqualTo(admission[0]).isBefore(out);
            assertThat(out).isBeforeOrEqualTo(admission[1]);
            assertThat(stays.get(row, "LOS")).isEqualTo(BigDecimal.valueOf(Duration.between(in, out).toMinutes())
                    .divide(BigDecimal.valueOf(1440), 4, RoundingMode.HALF_UP).toPlainString());
            assertThat(stays.get(row, "DBSOURCE")).isEqualTo(in.toLocalDate().isBefore(LocalDate.of(2008, 6, 1))
                    ? "carevue" : "metavision");
            stayWindow.put(stays.get(row, "ICUSTAY_ID"), new LocalDateTime[] {in, out});
        }
        Table chart = tables.get("CHARTEVENTS");
        for (List<String> row : chart.rows()) {
            LocalDateTime[] stay = stayWindow.get(chart.get(row, "ICUSTAY_ID"));
            LocalDateTime at = time(chart.get(row, "CHARTTIME"));
            assertThat(at).isAfterOrEqualTo(stay[0]).isBefore(stay[1]);
            assertThat(time(chart.get(row, "STORETIME"))).isAfter(at);
        }
        for (String name : List.of("LABEVENTS", "MICROBIOLOGYEVENTS", "NOTEEVENTS", "PRESCRIPTIONS", "CPTEVENTS")) {
            Table table = tables.get(name);
            String column = table.header().contains("CHARTDATE") ? "CHARTDATE"
                    : table.header().contains("STARTDATE") ? "STARTDATE" : "CHARTTIME";
            for (List<String> row : table.rows()) {
                String hadm = table.get(row, "HADM_ID");
                String value = table.get(row, column);
                if (hadm.isEmpty() || value.isEmpty()) {
                    continue;
                }
                LocalDateTime at = time(value);
                LocalDateTime[] admission = window.get(hadm);
                assertThat(at).as(name).isAfterOrEqualTo(admission[0].toLocalDate().atStartOfDay())
                        .isBeforeOrEqualTo(admission[1]);
            }
        }
    }

    @Test
    void transfersFollowTheIcuStaysFromAdmissionToDischarge() {
        Table transfers = tables.get("TRANSFERS");
        Table admissions = tables.get("ADMISSIONS");
        Table stays = tables.get("ICUSTAYS");
        Map<String, List<List<String>>> byAdmission = new LinkedHashMap<>();
        transfers.rows().forEach(r -> byAdmission.computeIfAbsent(transfers.get(r, "HADM_ID"),
                h -> new ArrayList<>()).add(r));
        assertThat(byAdmission).hasSize(admissions.rows().size());
        Map<String, List<List<String>>> byStay = new HashMap<>();
        for (List<String> admission : admissions.rows()) {
            List<List<String>> moves = byAdmission.get(admissions.get(admission, "HADM_ID"));
            assertThat(moves.size()).isGreaterThanOrEqualTo(2);
            assertThat(transfers.get(moves.get(0), "EVENTTYPE")).isEqualTo("admit");
            assertThat(transfers.get(moves.get(0), "INTIME")).isEqualTo(admissions.get(admission, "ADMITTIME"));
            List<String> discharge = moves.get(moves.size() - 1);
            assertThat(transfers.get(discharge, "EVENTTYPE")).isEqualTo("discharge");
            assertThat(transfers.get(discharge, "INTIME")).isEqualTo(admissions.get(admission, "DISCHTIME"));
            assertThat(transfers.get(discharge, "OUTTIME")).isEmpty();
            for (int i = 1; i < moves.size(); i++) {
                List<String> previous = moves.get(i - 1);
                List<String> move = moves.get(i);
                if (i < moves.size() - 1) {
                    assertThat(transfers.get(move, "EVENTTYPE")).isEqualTo("transfer");
                }
                assertThat(transfers.get(move, "INTIME")).isEqualTo(transfers.get(previous, "OUTTIME"));
                assertThat(transfers.get(move, "PREV_CAREUNIT")).isEqualTo(transfers.get(previous, "CURR_CAREUNIT"));
                assertThat(transfers.get(move, "PREV_WARDID")).isEqualTo(transfers.get(previous, "CURR_WARDID"));
            }
            for (List<String> move : moves) {
                String stay = transfers.get(move, "ICUSTAY_ID");
                assertThat(stay.isEmpty()).isEqualTo(transfers.get(move, "CURR_CAREUNIT").isEmpty());
                if (!stay.isEmpty()) {
                    byStay.computeIfAbsent(stay, s -> new ArrayList<>()).add(move);
                }
            }
        }
        assertThat(byStay).hasSize(stays.rows().size());
        for (List<String> stay : stays.rows()) {
            List<List<String>> moves = byStay.get(stays.get(stay, "ICUSTAY_ID"));
            List<String> first = moves.get(0);
            List<String> last = moves.get(moves.size() - 1);
            assertThat(transfers.get(first, "INTIME")).isEqualTo(stays.get(stay, "INTIME"));
            assertThat(transfers.get(last, "OUTTIME")).isEqualTo(stays.get(stay, "OUTTIME"));
            assertThat(transfers.get(first, "CURR_CAREUNIT")).isEqualTo(stays.get(stay, "FIRST_CAREUNIT"));
            assertThat(transfers.get(last, "CURR_CAREUNIT")).isEqualTo(stays.get(stay, "LAST_CAREUNIT"));
            assertThat(transfers.get(first, "CURR_WARDID")).isEqualTo(stays.get(stay, "FIRST_WARDID"));
            assertThat(transfers.get(last, "CURR_WARDID")).isEqualTo(stays.get(stay, "LAST_WARDID"));
        }
        assertThat(stays.rows()).anySatisfy(s -> assertThat(stays.get(s, "FIRST_CAREUNIT"))
                .isNotEqualTo(stays.get(s, "LAST_CAREUNIT")));
    }

    @Test
    void volumesAndSharesAreMimicLike() {
        double patients = PATIENTS;
        double admissions = summary.rows("ADMISSIONS");
        assertThat(admissions / patients).isBetween(1.15, 1.5);
        assertThat(summary.rows("ICUSTAYS") / admissions).isBetween(1.1, 1.3);
        assertThat(summary.rows("DIAGNOSES_ICD") / patients).isBetween(10.0, 14.0);
        assertThat(summary.rows("PROCEDURES_ICD") / patients).isBetween(4.0, 6.0);
        assertThat(summary.rows("PRESCRIPTIONS") / patients).isBetween(25.0, 35.0);
        assertThat(summary.rows("LABEVENTS") / patients).isBetween(120.0, 180.0);
        assertThat(summary.rows("CHARTEVENTS") / patients).isBetween(250.0, 380.0);
        Table a = tables.get("ADMISSIONS");
        assertThat(a.values("HOSPITAL_EXPIRE_FLAG").stream().filter("1"::equals).count() / admissions)
                .isBetween(0.05, 0.14);
        Table p = tables.get("PATIENTS");
        assertThat(p.values("GENDER").stream().filter("M"::equals).count() / patients).isBetween(0.48, 0.64);
        assertThat(p.values("DOB").stream().filter(d -> d.compareTo("1800") < 0).count() / patients)
                .isBetween(0.03, 0.12);
        assertThat(p.values("DOD_SSN").stream().filter(d -> !d.isEmpty()).count()).isPositive();
        Table labs = tables.get("LABEVENTS");
        List<String> hadm = labs.values("HADM_ID");
        assertThat(hadm.stream().filter(String::isEmpty).count() / (double) hadm.size()).isBetween(0.07, 0.13);
        assertThat(labs.values("FLAG")).containsOnly("", "abnormal").contains("abnormal");
        int value = labs.column("VALUE");
        int valueNum = labs.column("VALUENUM");
        List<List<String>> notNumeric = labs.rows().stream().filter(r -> r.get(valueNum).isEmpty()).toList();
        assertThat(notNumeric).isNotEmpty().allSatisfy(r -> assertThat(r.get(value))
                .matches("GREATER THAN \\d+|LESS THAN [0-9.]+|UNABLE TO REPORT|ERROR"));
        assertThat(labs.rows()).filteredOn(r -> !r.get(valueNum).isEmpty())
                .allSatisfy(r -> assertThat(r.get(value)).isEqualTo(r.get(valueNum)));
        assertThat(tables.get("PRESCRIPTIONS").values("NDC")).contains("", "0");
    }

    @Test
    void everyCodeComesFromTheCatalogue() throws Exception {
        assertThat(tables.get("DIAGNOSES_ICD").values("ICD9_CODE")).isSubsetOf(catalogue("diagnoses.csv", "icd9_code"));
        assertThat(tables.get("PROCEDURES_ICD").values("ICD9_CODE"))
                .isSubsetOf(catalogue("procedures.csv", "icd9_code"));
        assertThat(tables.get("D_ICD_DIAGNOSES").values("ICD9_CODE"))
                .containsExactlyElementsOf(catalogue("diagnoses.csv", "icd9_code"));
        assertThat(tables.get("D_ICD_PROCEDURES").values("ICD9_CODE"))
                .containsExactlyElementsOf(catalogue("procedures.csv", "icd9_code"));
        assertThat(tables.get("CPTEVENTS").values("CPT_CD")).isSubsetOf(catalogue("cpt.csv", "cpt_cd"));
        Set<String> ndc = new HashSet<>(catalogue("drugs.csv", "ndc"));
        ndc.add("");
        assertThat(tables.get("PRESCRIPTIONS").values("NDC")).isSubsetOf(ndc);
        assertThat(tables.get("PRESCRIPTIONS").values("FORMULARY_DRUG_CD"))
                .isSubsetOf(catalogue("drugs.csv", "formulary_drug_cd"));
        assertThat(tables.get("PRESCRIPTIONS").values("DRUG")).isSubsetOf(catalogue("drugs.csv", "drug"));
        List<String> labItems = catalogue("lab_items.csv", "itemid");
        assertThat(tables.get("LABEVENTS").values("ITEMID")).isSubsetOf(labItems);
        assertThat(tables.get("D_LABITEMS").values("ITEMID")).containsExactlyElementsOf(labItems);
        assertThat(tables.get("CHARTEVENTS").values("ITEMID")).isSubsetOf(catalogue("chart_items.csv", "itemid"));
        Set<String> items = new HashSet<>(tables.get("D_ITEMS").values("ITEMID"));
        assertThat(items).hasSize(tables.get("D_ITEMS").rows().size());
        for (String name : List.of("CHARTEVENTS", "OUTPUTEVENTS", "INPUTEVENTS_MV", "INPUTEVENTS_CV")) {
            assertThat(tables.get(name).values("ITEMID")).as(name).isSubsetOf(items);
        }
        assertThat(tables.get("MICROBIOLOGYEVENTS").values("SPEC_ITEMID"))
                .isSubsetOf(catalogue("micro.csv", "spec_itemid"));
        assertThat(tables.get("MICROBIOLOGYEVENTS").values("ORG_NAME")).isSubsetOf(catalogue("micro.csv", "org_name"))
                .contains("");
        assertThat(tables.get("MICROBIOLOGYEVENTS").values("AB_NAME")).isSubsetOf(catalogue("micro.csv", "ab_name"));
        Table admissions = tables.get("ADMISSIONS");
        assertThat(admissions.values("ADMISSION_TYPE")).isSubsetOf(catalogue("admission_types.csv", "admission_type"))
                .doesNotContain("NEWBORN");
        assertThat(admissions.values("ADMISSION_LOCATION"))
                .isSubsetOf(catalogue("admission_locations.csv", "admission_location"));
        assertThat(admissions.values("DISCHARGE_LOCATION"))
                .isSubsetOf(catalogue("discharge_locations.csv", "discharge_location"));
        assertThat(admissions.values("ETHNICITY")).isSubsetOf(catalogue("ethnicities.csv", "ethnicity"));
        assertThat(admissions.values("INSURANCE")).isSubsetOf(catalogue("insurances.csv", "insurance"));
        assertThat(tables.get("ICUSTAYS").values("FIRST_CAREUNIT")).isSubsetOf(catalogue("careunits.csv", "careunit"))
                .doesNotContain("NICU");
        assertThat(tables.get("SERVICES").values("CURR_SERVICE")).isSubsetOf(catalogue("services.csv", "service"));
        assertThat(tables.get("NOTEEVENTS").values("CATEGORY")).isSubsetOf(catalogue("note_categories.csv", "category"))
                .contains("Discharge summary", "Physician ");
        Set<String> caregivers = new HashSet<>(tables.get("CAREGIVERS").values("CGID"));
        for (String name : List.of("CHARTEVENTS", "OUTPUTEVENTS", "INPUTEVENTS_MV", "INPUTEVENTS_CV", "NOTEEVENTS")) {
            assertThat(tables.get(name).values("CGID")).as(name).allMatch(c -> c.isEmpty() || caregivers.contains(c));
        }
    }

    @Test
    void eachIcuSystemHasItsOwnItemsAndInputTable() {
        Table stays = tables.get("ICUSTAYS");
        Map<String, String> system = new HashMap<>();
        stays.rows().forEach(r -> system.put(stays.get(r, "ICUSTAY_ID"), stays.get(r, "DBSOURCE")));
        Table items = tables.get("D_ITEMS");
        Map<String, String> itemSystem = new HashMap<>();
        items.rows().forEach(r -> itemSystem.put(items.get(r, "ITEMID"), items.get(r, "DBSOURCE")));
        for (String name : List.of("CHARTEVENTS", "OUTPUTEVENTS", "INPUTEVENTS_MV", "INPUTEVENTS_CV")) {
            Table table = tables.get(name);
            for (List<String> row : table.rows()) {
                assertThat(itemSystem.get(table.get(row, "ITEMID"))).as(name)
                        .isEqualTo(system.get(table.get(row, "ICUSTAY_ID")));
            }
        }
        assertThat(tables.get("INPUTEVENTS_MV").values("ICUSTAY_ID")).allMatch(s -> system.get(s).equals("metavision"));
        assertThat(tables.get("INPUTEVENTS_CV").values("ICUSTAY_ID")).allMatch(s -> system.get(s).equals("carevue"));
        Table chart = tables.get("CHARTEVENTS");
        for (List<String> row : chart.rows()) {
            boolean metavision = system.get(chart.get(row, "ICUSTAY_ID")).equals("metavision");
            assertThat(chart.get(row, "RESULTSTATUS")).isEqualTo(metavision ? "" : "Manual");
            assertThat(chart.get(row, "ERROR")).isEqualTo(metavision ? "0" : "");
        }
    }

    @Test
    void theFirstPatientsOfALargerRunAreTheWholeOfASmallerRun() throws Exception {
        Path small = dir.resolve("small");
        Path large = dir.resolve("large");
        GenerationSummary smallSummary = new MimicGenerator(SEED).write(small, 10, MimicGenerator.Options.defaults());
        new MimicGenerator(SEED).write(large, 50, MimicGenerator.Options.defaults());
        assertThat(smallSummary.rows("PATIENTS")).isEqualTo(10);
        for (String table : PATIENT_TABLES) {
            byte[] smallBytes = Files.readAllBytes(small.resolve(table + ".csv"));
            byte[] largeBytes = Files.readAllBytes(large.resolve(table + ".csv"));
            assertThat(largeBytes.length).as(table).isGreaterThan(smallBytes.length);
            assertThat(Arrays.copyOf(largeBytes, smallBytes.length)).as(table).isEqualTo(smallBytes);
            // the base run of 300 patients starts with the same 50
            byte[] baseBytes = Files.readAllBytes(base.resolve(table + ".csv"));
            assertThat(Arrays.copyOf(baseBytes, largeBytes.length)).as(table).isEqualTo(largeBytes);
        }
        for (String table : DICTIONARY_TABLES) {
            assertThat(Files.mismatch(small.resolve(table + ".csv"), base.resolve(table + ".csv"))).as(table)
                    .isEqualTo(-1L);
        }
    }

    @Test
    void gzipWritesTheSameBytesCompressedAndDeterministically() throws Exception {
        MimicGenerator.Options gzip = MimicGenerator.Options.defaults().withGzip(true);
        new MimicGenerator(SEED).write(dir.resolve("gz"), 40, gzip);
        new MimicGenerator(SEED).write(dir.resolve("gz-again"), 40, gzip);
        new MimicGenerator(SEED).write(dir.resolve("plain40"), 40, MimicGenerator.Options.defaults());
        for (String table : REAL_HEADERS.keySet()) {
            Path compressed = dir.resolve("gz").resolve(table + ".csv.gz");
            assertThat(Files.mismatch(compressed, dir.resolve("gz-again").resolve(table + ".csv.gz"))).isEqualTo(-1L);
            try (InputStream in = new GZIPInputStream(Files.newInputStream(compressed))) {
                assertThat(in.readAllBytes()).as(table)
                        .isEqualTo(Files.readAllBytes(dir.resolve("plain40").resolve(table + ".csv")));
            }
        }
        try (var files = Files.list(dir.resolve("gz"))) {
            assertThat(files.map(p -> p.getFileName().toString())).hasSize(23).allMatch(n -> n.endsWith(".csv.gz"));
        }
    }

    @Test
    void lowerCaseHeadersAreBareLikeTheDemoAndTheDataIsUnchanged() throws Exception {
        new MimicGenerator(SEED).write(dir.resolve("lower"), 40,
                MimicGenerator.Options.defaults().withLowerCaseHeaders(true));
        new MimicGenerator(SEED).write(dir.resolve("upper40"), 40, new MimicGenerator.Options(false, false));
        for (Map.Entry<String, String> real : REAL_HEADERS.entrySet()) {
            String lower = Files.readString(dir.resolve("lower").resolve(real.getKey() + ".csv"));
            String upper = Files.readString(dir.resolve("upper40").resolve(real.getKey() + ".csv"));
            String header = real.getValue().toLowerCase(Locale.ROOT);
            assertThat(lower).startsWith(header + "\n");
            assertThat(lower.substring(header.length())).isEqualTo(upper.substring(upper.indexOf('\n')));
        }
    }

    @Test
    void theChartScaleChangesOnlyChartEvents() throws Exception {
        GenerationSummary half = new MimicGenerator(SEED).write(dir.resolve("half"), 40,
                MimicGenerator.Options.defaults().withChartScale(0.5));
        GenerationSummary none = new MimicGenerator(SEED).write(dir.resolve("none"), 40,
                MimicGenerator.Options.defaults().withChartScale(0));
        GenerationSummary full = new MimicGenerator(SEED).write(dir.resolve("full"), 40,
                MimicGenerator.Options.defaults());
        assertThat((double) half.rows("CHARTEVENTS")).isBetween(0.4 * full.rows("CHARTEVENTS"),
                0.6 * full.rows("CHARTEVENTS"));
        assertThat(none.rows("CHARTEVENTS")).isZero();
        for (String table : REAL_HEADERS.keySet()) {
            if (!table.equals("CHARTEVENTS") && !table.equals("ADMISSIONS")) {
                assertThat(Files.mismatch(dir.resolve("half").resolve(table + ".csv"),
                        dir.resolve("full").resolve(table + ".csv"))).as(table).isEqualTo(-1L);
                assertThat(half.rows(table)).isEqualTo(full.rows(table));
            }
        }
        assertThat(Files.mismatch(dir.resolve("half").resolve("ADMISSIONS.csv"),
                dir.resolve("full").resolve("ADMISSIONS.csv"))).isEqualTo(-1L);
        assertThat(Table.readUpperCase(dir.resolve("none").resolve("ADMISSIONS.csv")).values("HAS_CHARTEVENTS_DATA"))
                .containsOnly("0");
    }

    @Test
    void badArgumentsAreRejectedWithTheValue() {
        MimicGenerator generator = new MimicGenerator(SEED);
        assertThatThrownBy(() -> generator.write(dir.resolve("bad"), -1, MimicGenerator.Options.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be: -1");
        assertThatThrownBy(() -> new MimicGenerator.Options(false, false, -0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("chart scale must be within 0..10, cannot be: -0.5");
        assertThatThrownBy(() -> MimicGenerator.main(new String[] {"--patients", "3"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--out DIR");
        assertThatThrownBy(() -> MimicGenerator.main(new String[] {"--patients", "3", "--out", "x", "--colour"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'--colour'");
        assertThatThrownBy(() -> CsvTable.parse("x.csv", "code,weight\n1,2\n", List.of("code", "label")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing [label]");
        assertThatThrownBy(() -> CsvTable.parse("x.csv", "code,weight\n1,\"2\n", List.of("code")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not closed");
    }

    @Test
    void theCatalogueReaderKeepsQuotedCommasQuotesAndSpaces() {
        CsvTable file = CsvTable.parse("x.csv", "code,label,weight\r\n1,\"a, \"\"b\"\"\nc\",2\r\n"
                + "2,Physician ,\n", List.of("code", "label", "weight"));
        List<CsvTable.Row> rows = file.rows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).text("label")).isEqualTo("a, \"b\"\nc");
        assertThat(rows.get(0).weight()).isEqualTo(2.0);
        assertThat(rows.get(1).text("label")).isEqualTo("Physician ");
        assertThat(rows.get(1).weight()).isEqualTo(1.0);
        assertThat(rows.get(1).integer("code")).isEqualTo(2);
    }

    @Test
    void mainWritesTheFilesAndPrintsTheRowsPerTable() throws Exception {
        Path out = dir.resolve("main");
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            MimicGenerator.main(new String[] {"mimic", "--patients", "40", "--seed", Long.toString(SEED), "--out",
                    out.toString()});
        } finally {
            System.setOut(original);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("PATIENTS ").contains("wrote 40 patients (seed 11)");
        new MimicGenerator(SEED).write(dir.resolve("main-check"), 40, MimicGenerator.Options.defaults());
        for (String table : REAL_HEADERS.keySet()) {
            assertThat(Files.mismatch(out.resolve(table + ".csv"), dir.resolve("main-check").resolve(table + ".csv")))
                    .as(table).isEqualTo(-1L);
        }
    }

    @Test
    void theCommittedSampleIsWhatTheGeneratorMakes() throws Exception {
        Path sample = CsvText.repositoryRoot().resolve("data-samples/mimic/csv");
        assumeThat(sample.resolve("PATIENTS.csv")).exists();
        Path again = dir.resolve("sample");
        new MimicGenerator(3).write(again, 100, MimicGenerator.Options.defaults());
        for (String table : REAL_HEADERS.keySet()) {
            assertThat(Files.mismatch(again.resolve(table + ".csv"), sample.resolve(table + ".csv"))).as(table)
                    .isEqualTo(-1L);
        }
    }

    private static LocalDateTime time(String value) {
        return LocalDateTime.parse(value.replace(' ', 'T'));
    }

    /** The values of {@code column} in catalogue file {@code file}, read here with the test's own CSV reader. */
    private static List<String> catalogue(String file, String column) throws IOException {
        try (InputStream in = MimicGeneratorTest.class.getClassLoader()
                .getResourceAsStream("generate/mimic/" + file)) {
            assertThat(in).as(file).isNotNull();
            Table table = Table.parseUpperCase(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return table.values(column.toUpperCase(Locale.ROOT));
        }
    }

}
