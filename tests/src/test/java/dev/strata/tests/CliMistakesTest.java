package dev.strata.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user mistake is one clear line on stderr and exit code 2, never a stack trace. */
class CliMistakesTest {

    @TempDir
    Path dir;

    static void assertOneLineMistake(CliRun run, String expected) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains(expected);
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
    }

    @Test
    void unknownCommand() {
        assertOneLineMistake(CliRun.of("explode"), "unknown command 'explode'");
    }

    @Test
    void unknownOption() {
        assertOneLineMistake(CliRun.of("run", "--spek", "x"), "Unrecognized option: --spek");
    }

    @Test
    void missingSpec() {
        assertOneLineMistake(CliRun.of("run", "--lake", dir.toString()), "--spec is required");
    }

    @Test
    void unknownBundledSpec() {
        assertOneLineMistake(CliRun.of("clean", "--spec", "nothing_here", "--lake", dir.toString()),
                "no bundled spec named 'nothing_here'");
    }

    @Test
    void missingSpecFile() {
        assertOneLineMistake(CliRun.of("validate", "--spec", dir.resolve("missing.yaml").toString()),
                "does not exist");
    }

    @Test
    void badConfOption() {
        assertOneLineMistake(CliRun.of("sql", "select 1", "--conf", "novalue", "--lake", dir.toString()),
                "--conf takes KEY=VALUE");
    }

    @Test
    void badEnvironment() {
        assertOneLineMistake(CliRun.of("runs", "--env", "mars", "--lake", dir.toString()),
                "--env must be local or aws");
    }

    @Test
    void badNumber() {
        assertOneLineMistake(CliRun.of("generate", "service_requests", "--rows", "lots", "--out", dir.toString()),
                "--rows must be a whole number");
    }

    @Test
    void missingSourcePath() {
        CliRun run = CliRun.of("ingest", "--spec", "service_requests", "--lake", dir.resolve("lake").toString(),
                "--input", "service_requests=" + dir.resolve("nowhere"));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("source path").contains("does not exist");
    }

    @Test
    void badSpecNamesFileFieldAndProblem() throws Exception {
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, """
                pipeline: bad
                sources:
                  - name: things
                    path: /tmp/none
                    format: csv
                    schema:
                      - {name: id, type: lonng}
                    keys: [id, missing]
                """);
        CliRun run = CliRun.of("validate", "--spec", spec.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains(spec.toString()).contains("sources[0].schema[0].type").contains("lonng");
        assertThat(run.err()).contains("sources[0].keys").contains("missing");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void helpIsNotAnError() {
        CliRun run = CliRun.of("clean", "--help");
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("--spec").contains("--lake").contains("--input");
    }

    @Test
    void validateAcceptsTheBundledSpec() {
        CliRun run = CliRun.of("validate", "--spec", "service_requests");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(0);
        assertThat(run.out()).contains("ok:");
    }

    @Test
    void validateSaysWhereTheSpecPublishes() {
        CliRun run = CliRun.of("validate", "--spec", "service_requests");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(0);
        assertThat(run.out()).contains("publish to Glue (with --catalog glue): clean -> strata_service_requests_clean,"
                + " quarantine -> strata_service_requests_quarantine, curated -> strata_service_requests,"
                + " views -> strata_service_requests_views; Spectrum tables <table>_spectrum in strata_service_requests\n");
        assertThat(run.out()).contains("publish to Redshift: schema service_requests; url from --redshift-url;")
                .contains("password from $STRATA_REDSHIFT_PASSWORD")
                .contains("external schema service_requests_lake over strata_service_requests; 9 curated step(s)\n");
        assertThat(run.out()).contains("  requests_by_month -> service_requests.requests_by_month: merge on month,"
                + " dist all, sort month\n")
                .contains("  busiest_departments -> service_requests.busiest_departments: replaced whole, dist auto\n");

        CliRun omop = CliRun.of("validate", "--spec", "mimic_omop");
        assertThat(omop.out()).contains("  measurement -> omop_cdm.measurement: replaced whole, dist key person_id,"
                + " sort person_id, measurement_date\n");
        CliRun cdp = CliRun.of("validate", "--spec", "cdp");
        assertThat(cdp.out()).contains("  and the identity stage's tables customer_xref, customer_id_history,"
                + " customer_links, customer_profile, customer_junk_identifiers, on their own keys");
    }

    @Test
    void publishMistakesInTheSpecNameFieldAndProblem() throws Exception {
        Path spec = dir.resolve("shop.yaml");
        Files.writeString(spec, """
                pipeline: shop
                sources:
                  - name: orders
                    path: /tmp/none
                    format: csv
                    schema:
                      - {name: id, type: long}
                    keys: [id]
                curated:
                  - {name: totals, sql: shop/totals.sql, mode: replace}
                publish:
                  glue:
                    databases: {raw: shop_raw}
                  redshift:
                    url: "jdbc:redshift://h:5439/dev;PWD=x"
                    tables:
                      - {name: totls}
                      - {name: totals, dist_style: sideways}
                """);
        CliRun run = CliRun.of("validate", "--spec", spec.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains(spec + ": publish.glue.databases.raw: unknown zone 'raw'")
                .contains(spec + ": publish.redshift.url: must not hold a password")
                .contains(spec + ": publish.redshift.tables[0].name: 'totls' is not a curated step of this pipeline"
                        + " (they are: totals)")
                .contains(spec + ": publish.redshift.tables[1].dist_style: unknown dist_style 'sideways'")
                .doesNotContain("\tat ").doesNotContain("PWD=x");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void publishOptionMistakesAreOneLine() {
        String lake = dir.resolve("lake").toString();
        assertOneLineMistake(CliRun.of("publish", "--spec", "service_requests", "--lake", lake, "--catalog", "hive"),
                "--catalog takes local or glue, not 'hive'");
        assertOneLineMistake(CliRun.of("redshift", "load", "--spec", "cdp", "--lake", lake, "--redshift-url",
                "jdbc:postgresql://127.0.0.1:5432/dw?password=hunter2"), "--redshift-url must not hold a password");
        assertOneLineMistake(CliRun.of("run", "--spec", "service_requests", "--lake", lake, "--notify",
                "arn:aws:sns:us-east-1:123456789012:ready"), "--notify takes sns:TOPIC_ARN");
        assertOneLineMistake(CliRun.of("publish", "--spec", "service_requests", "--lake", lake, "--table", "x"),
                "--table x: the lake");
        assertOneLineMistake(CliRun.of("redshift", "load", "--spec", "service_requests", "--lake", lake),
                "redshift load needs a warehouse: --redshift-url JDBC_URL");
        assertOneLineMistake(CliRun.of("catalog", "ddl", "--dialect", "oracle", "--lake", lake),
                "--dialect takes athena, redshift or spectrum, not 'oracle'");
        CliRun hidden = CliRun.of("redshift", "load", "--spec", "cdp", "--lake", lake, "--redshift-url",
                "jdbc:postgresql://127.0.0.1:5432/dw?password=hunter2");
        assertThat(hidden.err()).doesNotContain("hunter2");
    }
}
