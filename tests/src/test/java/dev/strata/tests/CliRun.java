package dev.strata.tests;

import dev.strata.etl.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One CLI invocation in this JVM, as a user would type it, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Cli(o, e).run(args);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The command line that starts the CLI in a child JVM with this JVM's class path and module opens. */
    static List<String> childJvmCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of(System.getProperty("strata.jvm.opens", "").split("\\s+")));
        command.removeIf(String::isBlank);
        // a child runs one command on sample-sized data and ends: the quick compiler alone costs it less CPU than
        // both tiers (one 311 pipeline run: 101 s of CPU instead of 130-136 s, the wall time 66 s instead of 71-74 s)
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(List.of("-Dlog4j2.configurationFile=strata-log4j2.properties",
                "-cp", System.getProperty("java.class.path"), "dev.strata.etl.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * One CLI invocation in a child JVM, for what a run in this JVM cannot have: environment variables of
     * its own (added to this JVM's). Its output goes to files, so a full pipe never blocks it.
     */
    static CliRun inChildJvm(Map<String, String> environment, String... args) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("strata-cli", ".out");
            err = Files.createTempFile("strata-cli", ".err");
            ProcessBuilder builder = new ProcessBuilder(childJvmCommand(args)).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(20, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
                throw new IllegalStateException("the child CLI did not end within 20 minutes: " + String.join(" ", args));
            }
            return new CliRun(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            for (Path file : new Path[] {out, err}) {
                try {
                    if (file != null) {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
