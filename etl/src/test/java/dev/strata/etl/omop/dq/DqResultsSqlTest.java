package dev.strata.etl.omop.dq;

import static org.assertj.core.api.Assertions.assertThat;

import com.univocity.parsers.csv.CsvParser;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed sql/omop/reports/dq_results.sql is what {@link DqResultsSql} writes from the DQD check definitions
 * in sql/omop/reports/dqd/, and its checks are what those definitions say: every check row names a field of the
 * CSV that switches that check on, with the CSV's threshold, and every check row is measured (the report's inner
 * join would silently drop one that is not).
 */
class DqResultsSqlTest {

    private static final Pattern CHECK_ROW = Pattern.compile(
            "    \\('([a-z_]+)', '([a-z]+)', '([a-z_]+)', '([a-z0-9_]+)', ([0-9.]+), '((?:[^']|'')*)'\\),?");
    private static final Pattern BLOCK_TABLE = Pattern.compile("SELECT '([a-z_]+)' AS cdm_table, .*");
    private static final Pattern ROW_STACK = Pattern.compile("  SELECT `total` AS total_rows, stack\\((\\d+), (.*)\\) "
            + "AS \\(check_name, cdm_field, violated_rows\\)");
    private static final Pattern ROW_STACK_ENTRY = Pattern.compile("'([a-z_]+)', '([a-z0-9_]+)', (c\\d+|pk_dupes)");
    private static final Pattern CONCEPT_STACK = Pattern.compile("        FROM \\(SELECT stack\\((\\d+), (.*)\\) "
            + "AS \\(cdm_field, concept_id\\) FROM curated\\.[a-z_]+ t\\)");
    private static final Pattern CONCEPT_STACK_ENTRY = Pattern.compile("'([a-z0-9_]+)', CAST\\(t\\.`([a-z0-9_]+)` "
            + "AS INT\\)");
    private static final Pattern LATERAL_STACK = Pattern.compile(
            "LATERAL VIEW stack\\((\\d+), (.*)\\) s AS check_name, violated_rows");
    private static final Pattern LATERAL_STACK_ENTRY = Pattern.compile("'([a-z_]+)', ([a-z]+)");

    private static Path root;
    private static Path committedFile;
    private static Path dqdFolder;
    private static String committed;

    /** A check row of the committed file's checks list. */
    private record CheckRow(String check, String category, String table, String field, String threshold) {
    }

    @BeforeAll
    static void files() throws IOException {
        root = repositoryRoot();
        committedFile = root.resolve("sql/omop/reports/dq_results.sql");
        dqdFolder = root.resolve("sql/omop/reports/dqd");
        committed = Files.readString(committedFile, StandardCharsets.UTF_8);
    }

    @Test
    void committedSqlIsWhatTheGeneratorWrites() {
        String generated = DqResultsSql.sql(dqdFolder);
        assertThat(committed.equals(generated))
                .withFailMessage(() -> root.relativize(committedFile) + " is not what DqResultsSql writes from "
                        + root.relativize(dqdFolder) + "/.\n" + firstDifference(committed, generated)
                        + "\nIf the change is intended, regenerate the file (main class "
                        + DqResultsSql.class.getName() + ") from the repository root with\n  "
                        + regenerateCommand() + "\nand review the difference.")
                .isTrue();
    }

    @Test
    void everyCheckRowIsSwitchedOnInTheCsvWithItsThreshold() {
        Map<String, Map<String, String>> fields = new HashMap<>();
        for (Map<String, String> r : DqResultsSql.csvRecords(dqdFolder.resolve(DqResultsSql.FIELD_LEVEL_CSV))) {
            fields.put(r.get("cdmTableName").toLowerCase(Locale.ROOT) + "." + r.get("cdmFieldName"), r);
        }
        Map<String, String> categories = new HashMap<>();
        for (Map<String, String> r : DqResultsSql.csvRecords(
                dqdFolder.resolve(DqResultsSql.CHECK_DESCRIPTIONS_CSV))) {
            categories.put(r.get("checkName"), r.get("kahnCategory").toLowerCase(Locale.ROOT));
        }
        List<CheckRow> rows = checkRows();
        assertThat(rows).hasSizeGreaterThan(400);
        List<String> wrong = new ArrayList<>();
        for (CheckRow row : rows) {
            Map<String, String> field = fields.get(row.table() + "." + row.field());
            if (field == null) {
                wrong.add(row + ": no such field in " + DqResultsSql.FIELD_LEVEL_CSV);
                continue;
            }
            if (row.check().equals(DqResultsSql.WITHIN_OBSERVATION_PERIOD)) {
                continue; // the project's own check, with its own threshold
            }
            String column = camelCase(row.check());
            String switchedOn = field.get(column);
            boolean on = column.startsWith("plausibleValue") ? !switchedOn.isEmpty() : switchedOn.equals("Yes");
            if (!on) {
                wrong.add(row + ": " + column + " is '" + switchedOn + "' in the CSV");
            } else if (!row.category().equals(categories.get(column))) {
                wrong.add(row + ": the category of " + column + " is " + categories.get(column));
            } else if (!field.get(column + "Threshold").equals(row.threshold())) {
                wrong.add(row + ": the CSV's " + column + "Threshold is " + field.get(column + "Threshold"));
            }
        }
        assertThat(wrong).as("check rows that the DQD field definitions do not give").isEmpty();

        // thresholds differ between fields as the CSV says: gender needs a standard concept on 95% of the persons,
        // race on none
        String column = "standardConceptRecordCompletenessThreshold";
        String gender = fields.get("person.gender_concept_id").get(column);
        String race = fields.get("person.race_concept_id").get(column);
        assertThat(gender).isEqualTo("5");
        assertThat(race).isEqualTo("100");
        assertThat(rows).contains(
                new CheckRow("standard_concept_record_completeness", "completeness", "person", "gender_concept_id",
                        gender),
                new CheckRow("standard_concept_record_completeness", "completeness", "person", "race_concept_id",
                        race));
    }

    @Test
    void everyCheckRowIsMeasuredOnce() {
        Set<String> checks = new LinkedHashSet<>();
        List<String> repeated = new ArrayList<>();
        for (CheckRow row : checkRows()) {
            String key = row.table() + "." + row.field() + " " + row.check();
            if (!checks.add(key)) {
                repeated.add(key);
            }
        }
        assertThat(repeated).as("check rows listed twice (each would count twice in the report)").isEmpty();

        Set<String> measured = new HashSet<>();
        List<String> wrongCounts = new ArrayList<>();
        String table = null;
        List<String> conceptFields = List.of();
        for (String line : committed.split("\n")) {
            Matcher m = BLOCK_TABLE.matcher(line);
            if (m.matches()) {
                table = m.group(1);
                continue;
            }
            if ((m = ROW_STACK.matcher(line)).matches()) {
                List<String> entries = entries(ROW_STACK_ENTRY, m.group(2));
                count(wrongCounts, table, m.group(1), entries.size());
                Matcher e = ROW_STACK_ENTRY.matcher(m.group(2));
                while (e.find()) {
                    measured.add(table + "." + e.group(2) + " " + e.group(1));
                }
            } else if ((m = CONCEPT_STACK.matcher(line)).matches()) {
                List<String> fieldsOfStack = new ArrayList<>();
                Matcher e = CONCEPT_STACK_ENTRY.matcher(m.group(2));
                while (e.find()) {
                    assertThat(e.group(2)).as("the concept stack of " + table).isEqualTo(e.group(1));
                    fieldsOfStack.add(e.group(1));
                }
                count(wrongCounts, table, m.group(1), fieldsOfStack.size());
                conceptFields = fieldsOfStack;
            } else if ((m = LATERAL_STACK.matcher(line)).matches()) {
                List<String> entries = entries(LATERAL_STACK_ENTRY, m.group(2));
                count(wrongCounts, table, m.group(1), entries.size());
                Matcher e = LATERAL_STACK_ENTRY.matcher(m.group(2));
                while (e.find()) {
                    for (String field : conceptFields) {
                        measured.add(table + "." + field + " " + e.group(1));
                    }
                }
            }
        }
        assertThat(wrongCounts).as("stack(n, ...) whose n is not its number of rows").isEmpty();
        assertThat(measured).as("what the measured part of the SQL counts").hasSizeGreaterThan(400);
        List<String> unmeasured = checks.stream().filter(c -> !measured.contains(c)).toList();
        assertThat(unmeasured).as("check rows that nothing measures (the report's join would drop them)").isEmpty();
    }

    private static List<CheckRow> checkRows() {
        List<CheckRow> rows = new ArrayList<>();
        for (String line : committed.split("\n")) {
            Matcher m = CHECK_ROW.matcher(line);
            if (m.matches()) {
                rows.add(new CheckRow(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)));
            }
        }
        return rows;
    }

    private static List<String> entries(Pattern entry, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = entry.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static void count(List<String> wrong, String table, String declared, int found) {
        if (Integer.parseInt(declared) != found) {
            wrong.add(table + ": stack(" + declared + ", ...) with " + found + " rows");
        }
    }

    /** is_required → isRequired, the DQD name of a report check. */
    private static String camelCase(String snakeCase) {
        StringBuilder s = new StringBuilder();
        boolean upper = false;
        for (char c : snakeCase.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                s.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return s.toString();
    }

    private static String firstDifference(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                return "First difference at line " + (i + 1) + ":\n  committed: " + shorten(a[i])
                        + "\n  generated: " + shorten(b[i]);
            }
        }
        return "The committed file has " + a.length + " lines, the generator writes " + b.length + ".";
    }

    private static String shorten(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    /** The command that regenerates the file on this machine, with the class path this test runs on. */
    private static String regenerateCommand() {
        return "java -cp " + location(DqResultsSql.class) + File.pathSeparator + location(CsvParser.class) + " "
                + DqResultsSql.class.getName() + " sql/omop/reports/dq_results.sql";
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            return "<class path of " + type.getName() + ">";
        }
    }

    /** strata.repo.root (set by the build), or else the first folder up from here that holds sql/omop. */
    private static Path repositoryRoot() {
        String configured = System.getProperty("strata.repo.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("sql/omop/reports"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root (the folder holding sql/) from "
                + Path.of("").toAbsolutePath());
    }
}
