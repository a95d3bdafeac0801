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
}
