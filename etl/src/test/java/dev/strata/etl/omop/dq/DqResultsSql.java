package dev.strata.etl.omop.dq;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes {@code sql/omop/reports/dq_results.sql}, the OMOP conversion's data-quality report
 * ({@code curated.omop_dq_results}), from the OHDSI Data Quality Dashboard's check definitions for CDM v5.4 in
 * {@code sql/omop/reports/dqd/}.
 *
 * <p>What the CSVs decide: which checks apply to which field (each check's {@code evaluationFilter} in
 * DQD_OMOP_CDMv5.4_Check_Descriptions.csv, evaluated on the field's row of DQD_OMOP_CDMv5.4_Field_Level.csv), their
 * thresholds (the {@code <check>Threshold} columns), the plausible value ranges, the foreign-key tables, the data
 * types and each check's category. What this class declares: the CDM tables the report covers
 * ({@link #CURATED_TABLES}), the DQD check types the SQL can measure and how ({@link #ROW_CHECKS},
 * {@link #CONCEPT_CHECKS}; a DQD check type not declared there is left out), and one check of the project's own,
 * {@link #WITHIN_OBSERVATION_PERIOD}.
 *
 * <p>The SQL makes one scan per table for its row-level checks and one join of its concept fields against the
 * vocabulary; the {@code checks} list holds every check with its threshold and a description, and the report
 * joins the two.
 *
 * <p>Regenerate from the repository root (the first command compiles the test classes):
 * <pre>
 * mvn -B -ntp -q test-compile -pl transforms,catalog,etl
 * java -cp "etl/target/test-classes:$HOME/.m2/repository/com/univocity/univocity-parsers/2.9.1/univocity-parsers-2.9.1.jar" \
 *     dev.strata.etl.omop.dq.DqResultsSql sql/omop/reports/dq_results.sql
 * </pre>
 * {@code DqResultsSqlTest} fails while the committed file differs from what this class writes.
 */
public final class DqResultsSql {

    static final String CHECK_DESCRIPTIONS_CSV = "DQD_OMOP_CDMv5.4_Check_Descriptions.csv";
    static final String FIELD_LEVEL_CSV = "DQD_OMOP_CDMv5.4_Field_Level.csv";

    /**
     * The CDM tables of the curated zone that the report checks, in the report's order: the clinical tables, the
     * health-system tables, the eras and cdm_source. The vocabulary tables and source_to_concept_map are the
     * reference the checks read, not checked themselves.
     */
    static final List<String> CURATED_TABLES = List.of("person", "observation_period", "visit_occurrence",
            "visit_detail", "condition_occurrence", "drug_exposure", "procedure_occurrence", "measurement",
            "observation", "death", "note", "specimen", "location", "care_site", "provider", "condition_era",
            "drug_era", "cdm_source");

    /**
     * The DQD field-level checks measured in the table's one scan, in the order a field lists them. isForeignKey
     * counts here when the key names another CDM table; a key into the table itself (a preceding or parent visit)
     * is not checked, the report measures the links between tables.
     */
    static final List<String> ROW_CHECKS = List.of("isRequired", "isPrimaryKey", "isForeignKey",
            "plausibleValueLow", "plausibleValueHigh", "plausibleStartBeforeEnd", "plausibleAfterBirth",
            "plausibleBeforeDeath", "withinVisitDates");

    /**
     * The DQD field-level checks measured in the vocabulary join, for the fields whose foreign key is CONCEPT, in
     * this order; each with the condition a row's concept id meets when it violates the check (c: its concept,
     * null when the vocabulary does not have it).
     */
    static final Map<String, VocabularyMeasure> CONCEPT_CHECKS = orderedMap(
            new VocabularyMeasure("isForeignKey", "fk",
                    "v.concept_id IS NOT NULL AND v.concept_id <> 0 AND c.concept_id IS NULL"),
            new VocabularyMeasure("isStandardValidConcept", "std",
                    "v.concept_id IS NOT NULL AND v.concept_id <> 0 AND (c.standard_concept IS DISTINCT FROM 'S' "
                            + "OR c.invalid_reason IS NOT NULL)"),
            new VocabularyMeasure("standardConceptRecordCompleteness", "zero", "v.concept_id = 0"));

    /**
     * The project's own check, not one of DQD's: a clinical event dated outside the span of the person's
     * observation periods. It applies to the event tables, those whose rows carry a required type concept (the
     * record's provenance; not the eras, built from other events, nor death, whose type is optional), other than
     * observation_period itself, on the table's event date: its required date field that does not end a
     * start-before-end pair.
     */
    static final String WITHIN_OBSERVATION_PERIOD = "within_observation_period";
    static final String WITHIN_OBSERVATION_PERIOD_CATEGORY = "plausibility";
    static final String WITHIN_OBSERVATION_PERIOD_THRESHOLD = "5";

    /** DQD's grace after death for plausibleBeforeDeath, and its window around the visit for withinVisitDates. */
    static final int DAYS_AFTER_DEATH = 60;
    static final int DAYS_AROUND_VISIT = 7;

    private static final String HEADER = String.join("\n",
            "-- omop_dq_results: data-quality checks in the spirit of the OHDSI Data Quality Dashboard, written from",
            "-- its CDM v5.4 check definitions and thresholds: required fields, primary keys, foreign keys (person,",
            "-- visit, provider, care site, location, concept), standard and valid concepts in *_concept_id fields,",
            "-- records without a standard concept, plausible values (dates from 1950 to today, year of birth from",
            "-- 1850), start before end, dates not before birth nor more than 60 days after death, dates within a week",
            "-- of their visit, and events inside the person's observation period.",
            "-- One scan per table for its row-level checks and one vocabulary join per table for its concept fields.",
            "-- status: FAIL when the share of violating rows (percent) is above the check's threshold.",
            "");

    private static final String RESULT = String.join("\n",
            "SELECT c.check_name, c.category, c.cdm_table, c.cdm_field,",
            "       CAST(m.violated_rows AS BIGINT)                                   AS violated_rows,",
            "       CAST(m.total_rows AS BIGINT)                                      AS total_rows,",
            "       CAST(round(IF(m.total_rows = 0, 0, 100.0 * m.violated_rows / m.total_rows), 4) AS DOUBLE) "
                    + "AS violated_pct,",
            "       CAST(c.threshold_pct AS DOUBLE)                                   AS threshold_pct,",
            "       IF(m.total_rows > 0 AND 100.0 * m.violated_rows / m.total_rows > c.threshold_pct, 'FAIL', "
                    + "'PASS') AS status,",
            "       c.description",
            "FROM checks c",
            "JOIN measured m ON m.cdm_table = c.cdm_table AND m.cdm_field = c.cdm_field AND m.check_name = "
                    + "c.check_name",
            "");

    /** The joins a row-level check may need besides its foreign keys, in the order they are written. */
    private enum Context {
        PERSON("LEFT JOIN curated.person p ON p.person_id = t.person_id"),
        DEATH("LEFT JOIN (SELECT person_id, min(death_date) AS death_date FROM curated.death GROUP BY person_id) "
                + "dth ON dth.person_id = t.person_id"),
        VISIT("LEFT JOIN curated.visit_occurrence vis ON vis.visit_occurrence_id = t.visit_occurrence_id"),
        OBSERVATION_PERIOD("LEFT JOIN (SELECT person_id, min(observation_period_start_date) AS first_day, "
                + "max(observation_period_end_date) AS last_day FROM curated.observation_period GROUP BY person_id) "
                + "op ON op.person_id = t.person_id");

        final String join;

        Context(String join) {
            this.join = join;
        }
    }

    private static final Pattern FILTER_TERM = Pattern.compile("\\s*(\\w+)\\s*(==|!=)\\s*'([^']*)'\\s*");
    private static final Pattern THRESHOLD = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern DATE_LITERAL = Pattern.compile("'(\\d{4})(\\d{2})(\\d{2})'");
    private static final Pattern DAYS_FROM_TODAY = Pattern.compile("DATEADD\\(dd,\\s*(-?\\d+),\\s*GETDATE\\(\\)\\)");
    private static final Pattern YEARS_FROM_THIS_YEAR = Pattern.compile("YEAR\\(GETDATE\\(\\)\\)\\s*\\+\\s*(\\d+)");

    private DqResultsSql() {
    }

    /** How the vocabulary join measures one DQD check: the column it sums into and the violating condition. */
    record VocabularyMeasure(String dqdCheck, String column, String condition) {
    }

    /**
     * One check of the report: its name, category, table, field, threshold (percent, as the CSV writes it) and
     * description, with what measures it (a row-level check only: the aggregate and its column name).
     */
    record Check(String name, String category, String table, String field, String threshold, String description,
            String aggregate, String column) {
    }

    /** One DQD check type as Check_Descriptions defines it. */
    private record CheckType(String dqdName, String category, String evaluationFilter) {
    }

    /** What a table's checks need: its row-level checks, the joins they read, its concept fields and checks. */
    private static final class TableChecks {
        final String table;
        final List<Check> rowChecks = new ArrayList<>();
        final List<String> foreignKeyJoins = new ArrayList<>();
        final Set<Context> contexts = EnumSet.noneOf(Context.class);
        final List<String> conceptFields = new ArrayList<>();
        final List<Check> conceptChecks = new ArrayList<>();

        TableChecks(String table) {
            this.table = table;
        }
    }

    /** Writes the SQL to {@code args[0]}, from the CSVs in {@code args[1]} or else in the folder dqd/ beside it. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: DqResultsSql <output .sql file> [<folder of the DQD CSVs>]");
            System.err.println("  e.g. from the repository root: DqResultsSql sql/omop/reports/dq_results.sql");
            System.exit(2);
        }
        Path output = Path.of(args[0]).toAbsolutePath();
        Path inputs = args.length == 2 ? Path.of(args[1]) : output.getParent().resolve("dqd");
        Files.writeString(output, sql(inputs), StandardCharsets.UTF_8);
        System.out.println("wrote " + output + " from " + inputs);
    }

    /** The text of dq_results.sql, from the DQD CSVs in {@code dqdFolder}. */
    public static String sql(Path dqdFolder) {
        List<TableChecks> tables = tableChecks(dqdFolder);
        List<String> values = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        for (TableChecks t : tables) {
            for (Check c : allChecks(t)) {
                values.add("    (" + literal(c.name()) + ", " + literal(c.category()) + ", " + literal(c.table())
                        + ", " + literal(c.field()) + ", " + c.threshold() + ", " + literal(c.description()) + ")");
            }
            if (!t.rowChecks.isEmpty()) {
                blocks.add(rowLevelBlock(t));
            }
            if (!t.conceptFields.isEmpty()) {
                blocks.add(vocabularyBlock(t));
            }
        }
        return HEADER
                + "WITH checks AS (\n"
                + "  SELECT * FROM VALUES\n"
                + String.join(",\n", values) + "\n"
                + "  AS checks(check_name, category, cdm_table, cdm_field, threshold_pct, description)\n"
                + "), measured AS (\n"
                + String.join("UNION ALL\n", blocks)
                + ")\n"
                + RESULT;
    }

    /** Every check of the report, in its order: per table its row-level checks, then its concept checks. */
    static List<Check> checks(Path dqdFolder) {
        List<Check> all = new ArrayList<>();
        for (TableChecks t : tableChecks(dqdFolder)) {
            all.addAll(allChecks(t));
        }
        return all;
    }

    private static List<Check> allChecks(TableChecks t) {
        List<Check> all = new ArrayList<>(t.rowChecks);
        all.addAll(t.conceptChecks);
        return all;
    }

    private static List<TableChecks> tableChecks(Path dqdFolder) {
        Map<String, CheckType> types = checkTypes(dqdFolder.resolve(CHECK_DESCRIPTIONS_CSV));
        List<Map<String, String>> fieldRows = csvRecords(dqdFolder.resolve(FIELD_LEVEL_CSV));
        List<TableChecks> result = new ArrayList<>();
        for (String table : CURATED_TABLES) {
            List<Map<String, String>> fields = fieldRows.stream()
                    .filter(r -> r.get("cdmTableName").toLowerCase(Locale.ROOT).equals(table))
                    .toList();
            if (fields.isEmpty()) {
                throw new IllegalStateException(FIELD_LEVEL_CSV + " has no fields of table " + table);
            }
            TableChecks t = new TableChecks(table);
            for (Map<String, String> field : fields) {
                for (String dqdCheck : ROW_CHECKS) {
                    CheckType type = type(types, dqdCheck);
                    if (applies(type, field)) {
                        addRowCheck(t, type, field, fields);
                    }
                }
                if (isConceptField(types, field)) {
                    String name = field.get("cdmFieldName");
                    t.conceptFields.add(name);
                    for (String dqdCheck : CONCEPT_CHECKS.keySet()) {
                        CheckType type = type(types, dqdCheck);
                        if (applies(type, field)) {
                            t.conceptChecks.add(new Check(snakeCase(dqdCheck), type.category(), table, name,
                                    threshold(type, field), conceptDescription(dqdCheck, table, name), null, null));
                        }
                    }
                } else {
                    for (String dqdCheck : CONCEPT_CHECKS.keySet()) {
                        if (!dqdCheck.equals("isForeignKey") && applies(type(types, dqdCheck), field)) {
                            throw new IllegalStateException(table + "." + field.get("cdmFieldName") + " has "
                                    + dqdCheck + " but no foreign key into CONCEPT");
                        }
                    }
                }
            }
            addWithinObservationPeriod(t, types, fields);
            result.add(t);
        }
        return result;
    }

    private static boolean isConceptField(Map<String, CheckType> types, Map<String, String> field) {
        return applies(type(types, "isForeignKey"), field) && foreignTable(field).equals("concept");
    }

    private static String foreignTable(Map<String, String> field) {
        return field.get("fkTableName").toLowerCase(Locale.ROOT);
    }

    private static void addRowCheck(TableChecks t, CheckType type, Map<String, String> field,
            List<Map<String, String>> tableFields) {
        String table = t.table;
        String name = field.get("cdmFieldName");
        String column = "t.`" + name + "`";
        String date = "to_date(" + column + ")";
        String subject = table + "." + name;
        String alias = "c" + t.rowChecks.size();
        String aggregate;
        String description;
        switch (type.dqdName()) {
            case "isRequired" -> {
                aggregate = "count_if(" + column + " IS NULL)";
                description = subject + " is required and empty";
            }
            case "isPrimaryKey" -> {
                if (t.rowChecks.stream().anyMatch(c -> c.name().equals("is_primary_key"))) {
                    throw new IllegalStateException(table + " has more than one primary key field");
                }
                alias = "pk_dupes";
                aggregate = "count(*) - count(DISTINCT " + column + ")";
                description = subject + " repeats a primary key value";
            }
            case "isForeignKey" -> {
                String target = foreignTable(field);
                if (target.equals("concept") || target.equals(table)) {
                    return;
                }
                if (!CURATED_TABLES.contains(target)) {
                    throw new IllegalStateException(subject + " names table " + target
                            + ", which the curated zone does not hold");
                }
                String join = "fk_" + name;
                String key = field.get("fkFieldName").toLowerCase(Locale.ROOT);
                t.foreignKeyJoins.add("LEFT JOIN (SELECT DISTINCT `" + key + "` AS k FROM curated." + target + ") "
                        + join + " ON " + join + ".k = " + column);
                aggregate = "count_if(" + column + " IS NOT NULL AND " + join + ".k IS NULL)";
                description = subject + " names a " + target + " that does not exist";
            }
            case "plausibleValueLow" -> {
                String low = field.get("plausibleValueLow");
                aggregate = "count_if(" + valueOf(field, column) + " < " + sqlValue(low, isDate(field), subject) + ")";
                description = subject + " below " + low;
            }
            case "plausibleValueHigh" -> {
                String high = field.get("plausibleValueHigh");
                aggregate = "count_if(" + valueOf(field, column) + " > " + sqlValue(high, isDate(field), subject)
                        + ")";
                description = subject + " above " + high;
            }
            case "plausibleStartBeforeEnd" -> {
                String end = field.get("plausibleStartBeforeEndFieldName").toLowerCase(Locale.ROOT);
                if (end.equals(name)) {
                    return; // a field compared with itself can never be after itself
                }
                if (tableFields.stream().noneMatch(f -> f.get("cdmFieldName").equals(end))) {
                    throw new IllegalStateException(subject + " ends at " + end + ", which " + table + " lacks");
                }
                aggregate = "count_if(" + date + " > to_date(t.`" + end + "`))";
                description = subject + " after " + end;
            }
            case "plausibleAfterBirth" -> {
                t.contexts.add(Context.PERSON);
                aggregate = "count_if(" + date + " < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, "
                        + "coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1))))";
                description = subject + " before the person's birth";
            }
            case "plausibleBeforeDeath" -> {
                t.contexts.add(Context.DEATH);
                aggregate = "count_if(" + date + " > date_add(dth.death_date, " + DAYS_AFTER_DEATH + "))";
                description = subject + " more than " + DAYS_AFTER_DEATH + " days after the person's death";
            }
            case "withinVisitDates" -> {
                t.contexts.add(Context.VISIT);
                aggregate = "count_if(vis.visit_start_date IS NOT NULL AND (" + date
                        + " < date_sub(vis.visit_start_date, " + DAYS_AROUND_VISIT + ") OR " + date
                        + " > date_add(vis.visit_end_date, " + DAYS_AROUND_VISIT + ")))";
                description = subject + " more than a week outside its visit";
            }
            default -> throw new IllegalStateException("no SQL for the DQD check " + type.dqdName());
        }
        t.rowChecks.add(new Check(snakeCase(type.dqdName()), type.category(), table, name, threshold(type, field),
                description, aggregate, alias));
    }

    private static void addWithinObservationPeriod(TableChecks t, Map<String, CheckType> types,
            List<Map<String, String>> fields) {
        if (t.table.equals("observation_period")) {
            return;
        }
        CheckType required = type(types, "isRequired");
        boolean eventTable = fields.stream()
                .anyMatch(f -> f.get("cdmFieldName").endsWith("_type_concept_id") && applies(required, f));
        if (!eventTable) {
            return;
        }
        Set<String> ends = new HashSet<>();
        for (Map<String, String> f : fields) {
            if (applies(type(types, "plausibleStartBeforeEnd"), f)) {
                ends.add(f.get("plausibleStartBeforeEndFieldName").toLowerCase(Locale.ROOT));
            }
        }
        List<String> eventDates = fields.stream()
                .filter(f -> applies(required, f) && f.get("cdmDatatype").equalsIgnoreCase("date"))
                .map(f -> f.get("cdmFieldName"))
                .filter(name -> !ends.contains(name))
                .toList();
        if (eventDates.size() != 1) {
            throw new IllegalStateException(t.table + " has " + eventDates.size()
                    + " candidate event dates for " + WITHIN_OBSERVATION_PERIOD + ": " + eventDates);
        }
        String name = eventDates.get(0);
        String date = "to_date(t.`" + name + "`)";
        t.contexts.add(Context.OBSERVATION_PERIOD);
        t.rowChecks.add(new Check(WITHIN_OBSERVATION_PERIOD, WITHIN_OBSERVATION_PERIOD_CATEGORY, t.table, name,
                WITHIN_OBSERVATION_PERIOD_THRESHOLD,
                t.table + "." + name + " outside every observation period of the person",
                "count_if(op.first_day IS NULL OR " + date + " < op.first_day OR " + date + " > op.last_day)",
                "c" + t.rowChecks.size()));
    }

    private static String conceptDescription(String dqdCheck, String table, String field) {
        String subject = table + "." + field;
        return switch (dqdCheck) {
            case "isForeignKey" -> subject + " names a concept that is not in the vocabulary";
            case "isStandardValidConcept" -> subject + " holds a concept that is not standard and valid";
            case "standardConceptRecordCompleteness" -> subject + " is 0 (no standard concept)";
            default -> throw new IllegalStateException("no description for the DQD check " + dqdCheck);
        };
    }

    private static String rowLevelBlock(TableChecks t) {
        List<String> stack = new ArrayList<>();
        List<String> aggregates = new ArrayList<>();
        aggregates.add("count(*) AS `total`");
        for (Check c : t.rowChecks) {
            stack.add(literal(c.name()) + ", " + literal(c.field()) + ", " + c.column());
            aggregates.add(c.aggregate() + " AS " + c.column());
        }
        List<String> joins = new ArrayList<>(t.foreignKeyJoins);
        for (Context context : t.contexts) {
            joins.add(context.join);
        }
        // the joins follow on one line, each after eight spaces
        String joined = joins.isEmpty() ? "" : "\n" + String.join("        ", joins);
        return "-- " + t.table + ": one scan for its row-level checks\n"
                + "SELECT '" + t.table + "' AS cdm_table, check_name, cdm_field, violated_rows, total_rows\n"
                + "FROM (\n"
                + "  SELECT `total` AS total_rows, stack(" + stack.size() + ", " + String.join(", ", stack)
                + ") AS (check_name, cdm_field, violated_rows)\n"
                + "  FROM (SELECT " + String.join(", ", aggregates) + "\n"
                + "        FROM curated." + t.table + " t\n"
                + "        " + joined + ")\n"
                + ")\n";
    }

    private static String vocabularyBlock(TableChecks t) {
        List<String> stack = new ArrayList<>();
        for (String field : t.conceptFields) {
            stack.add(literal(field) + ", CAST(t.`" + field + "` AS INT)");
        }
        List<String> sums = new ArrayList<>();
        List<String> lateral = new ArrayList<>();
        for (VocabularyMeasure m : CONCEPT_CHECKS.values()) {
            sums.add("         sum(IF(" + m.condition() + ", v.n, 0)) AS " + m.column());
            lateral.add(literal(snakeCase(m.dqdCheck())) + ", " + m.column());
        }
        return "-- " + t.table + ": its concept fields, against the vocabulary in one join\n"
                + "SELECT '" + t.table + "' AS cdm_table, check_name, cdm_field, violated_rows, total_rows\n"
                + "FROM (\n"
                + "  SELECT v.cdm_field, sum(v.n) AS total_rows,\n"
                + String.join(",\n", sums) + "\n"
                + "  FROM (SELECT cdm_field, concept_id, count(*) AS n\n"
                + "        FROM (SELECT stack(" + stack.size() + ", " + String.join(", ", stack)
                + ") AS (cdm_field, concept_id) FROM curated." + t.table + " t)\n"
                + "        GROUP BY cdm_field, concept_id) v\n"
                + "  LEFT JOIN curated.concept c ON c.concept_id = v.concept_id\n"
                + "  GROUP BY v.cdm_field\n"
                + ")\n"
                + "LATERAL VIEW stack(" + lateral.size() + ", " + String.join(", ", lateral)
                + ") s AS check_name, violated_rows\n";
    }

    private static boolean isDate(Map<String, String> field) {
        return field.get("cdmDatatype").toLowerCase(Locale.ROOT).startsWith("date");
    }

    private static String valueOf(Map<String, String> field, String column) {
        return isDate(field) ? "to_date(" + column + ")" : column;
    }

    /**
     * A DQD plausible value (written for SQL Server) in Spark SQL: a date literal 'YYYYMMDD', a number of days from
     * today (DATEADD(dd,n,GETDATE())), a number of years from this year (YEAR(GETDATE())+n) or a number.
     */
    static String sqlValue(String dqd, boolean dateField, String subject) {
        Matcher m = DATE_LITERAL.matcher(dqd);
        if (dateField && m.matches()) {
            return "DATE '" + m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "'";
        }
        m = DAYS_FROM_TODAY.matcher(dqd);
        if (dateField && m.matches()) {
            return "date_add(current_date(), " + m.group(1) + ")";
        }
        m = YEARS_FROM_THIS_YEAR.matcher(dqd);
        if (!dateField && m.matches()) {
            return "(year(current_date()) + " + m.group(1) + ")";
        }
        if (!dateField && NUMBER.matcher(dqd).matches()) {
            return dqd;
        }
        throw new IllegalStateException("plausible value " + dqd + " of " + subject + " (a "
                + (dateField ? "date" : "number") + ") has no Spark SQL form here");
    }

    private static String threshold(CheckType type, Map<String, String> field) {
        String column = type.dqdName() + "Threshold";
        String value = field.get(column);
        if (value == null || !THRESHOLD.matcher(value).matches()) {
            throw new IllegalStateException(field.get("cdmTableName") + "." + field.get("cdmFieldName") + " has "
                    + type.dqdName() + " but no threshold in " + column + ": " + value);
        }
        return value;
    }

    private static CheckType type(Map<String, CheckType> types, String dqdCheck) {
        CheckType type = types.get(dqdCheck);
        if (type == null) {
            throw new IllegalStateException(CHECK_DESCRIPTIONS_CSV + " does not define the check " + dqdCheck);
        }
        return type;
    }

    /** Whether the check's evaluationFilter (terms such as isRequired=='Yes', joined by &amp;) holds for the field. */
    private static boolean applies(CheckType type, Map<String, String> field) {
        for (String term : type.evaluationFilter().split("&")) {
            Matcher m = FILTER_TERM.matcher(term);
            if (!m.matches()) {
                throw new IllegalStateException("cannot read the evaluationFilter of " + type.dqdName() + ": "
                        + type.evaluationFilter());
            }
            String value = field.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(FIELD_LEVEL_CSV + " has no column " + m.group(1));
            }
            boolean equal = value.equals(m.group(3));
            if (equal != m.group(2).equals("==")) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, CheckType> checkTypes(Path file) {
        Map<String, CheckType> types = new LinkedHashMap<>();
        for (Map<String, String> r : csvRecords(file)) {
            if (r.get("checkLevel").equals("FIELD")) {
                types.put(r.get("checkName"), new CheckType(r.get("checkName"),
                        r.get("kahnCategory").toLowerCase(Locale.ROOT), r.get("evaluationFilter")));
            }
        }
        return types;
    }

    /** isRequired → is_required, the report's name of a DQD check. */
    static String snakeCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static Map<String, VocabularyMeasure> orderedMap(VocabularyMeasure... measures) {
        Map<String, VocabularyMeasure> map = new LinkedHashMap<>();
        for (VocabularyMeasure m : measures) {
            map.put(m.dqdCheck(), m);
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * The records of a CSV file (RFC 4180, a header line, either line ending), each as column name to value:
     * nothing trimmed, an empty field as "".
     */
    static List<Map<String, String>> csvRecords(Path file) {
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setDelimiter(',');
        settings.getFormat().setQuote('"');
        settings.getFormat().setQuoteEscape('"');
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        settings.setMaxCharsPerColumn(-1);
        settings.setHeaderExtractionEnabled(true);
        settings.setNullValue("");
        settings.setEmptyValue("");
        CsvParser parser = new CsvParser(settings);
        List<Map<String, String>> records = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parser.beginParsing(reader);
            String[] header = null;
            String[] fields;
            while ((fields = parser.parseNext()) != null) {
                if (header == null) {
                    header = parser.getContext().headers();
                }
                if (fields.length != header.length) {
                    throw new IllegalStateException(file + " line " + parser.getContext().currentLine() + ": "
                            + fields.length + " fields, the header has " + header.length);
                }
                Map<String, String> record = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    record.put(header[i], fields[i]);
                }
                records.add(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            parser.stopParsing();
        }
        return records;
    }
}
