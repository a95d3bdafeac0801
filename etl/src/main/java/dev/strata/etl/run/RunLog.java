package dev.strata.etl.run;

import dev.strata.etl.SecretSettings;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A run in progress: prints a progress line to stderr as each stage ends, keeps the stage results,
 * and turns them into the run record and the closing summary table.
 */
public final class RunLog {

    private final String runId;
    private final String command;
    private final String pipeline;
    private final String spec;
    private final String lake;
    private final Clock clock;
    private final Instant started;
    private final PrintStream progress;
    private final List<StageResult> stages = new ArrayList<>();
    private final List<String> inputs = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private Map<String, String> settings = Map.of();

    public RunLog(String runId, String command, String pipeline, String spec, String lake, Clock clock,
            PrintStream progress) {
        this.runId = Objects.requireNonNull(runId, "runId is null");
        this.command = Objects.requireNonNull(command, "command is null");
        this.pipeline = pipeline;
        this.spec = spec;
        this.lake = lake;
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.progress = Objects.requireNonNull(progress, "progress is null");
        this.started = clock.instant();
    }

    public String runId() {
        return runId;
    }

    public Instant started() {
        return started;
    }

    /** The settings the command was given, kept in the run record with every credential masked. */
    public synchronized void settings(Map<String, String> given) {
        this.settings = SecretSettings.masked(Objects.requireNonNull(given, "given is null"));
    }

    public synchronized void input(String input) {
        inputs.add(input);
    }

    public synchronized void info(String message) {
        progress.printf(Locale.ROOT, "[strata %6.1fs] %s%n", elapsed(), message);
    }

    /** Something the run went on without, kept in the run record and printed now. */
    public synchronized void warn(String message) {
        warnings.add(message);
        info("WARNING: " + message);
    }

    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    public synchronized void stage(StageResult result) {
        stages.add(result);
        StringBuilder line = new StringBuilder();
        line.append(result.stage()).append(' ').append(result.target()).append(": read ").append(count(result.read()));
        line.append(", written ").append(count(result.written()));
        if (result.quarantined() > 0 || result.stage().equals("clean")) {
            line.append(", quarantined ").append(count(result.quarantined()));
        }
        if (result.duplicates() > 0 || result.stage().equals("clean")) {
            line.append(", duplicates ").append(count(result.duplicates()));
        }
        if (result.inserted() > 0 || result.updated() > 0) {
            line.append(" (inserted ").append(count(result.inserted())).append(", updated ")
                    .append(count(result.updated())).append(')');
        }
        line.append(String.format(Locale.ROOT, " in %.1fs", result.seconds()));
        if (!result.note().isEmpty()) {
            line.append(" - ").append(result.note());
        }
        info(line.toString());
    }

    public synchronized List<StageResult> stages() {
        return List.copyOf(stages);
    }

    public double elapsed() {
        return Duration.between(started, clock.instant()).toMillis() / 1000.0;
    }

    public synchronized RunRecord record(String outcome, String error) {
        return new RunRecord(runId, command, pipeline, spec, lake, started.toString(), clock.instant().toString(),
                elapsed(), outcome, error, inputs, warnings, stages, settings);
    }

    /** The closing table: one line per stage and the ledger check for clean stages. */
    public synchronized String summary(String outcome) {
        StringBuilder out = new StringBuilder();
        int width = Math.max(36, stages.stream().mapToInt(s -> s.target().length()).max().orElse(0));
        String format = "%-8s %-" + width + "s %12s %12s %12s %12s %10s %9s  %s%n";
        out.append(String.format(Locale.ROOT, "run %s  %s  %s  %.1fs%n", runId, command, outcome, elapsed()));
        out.append(String.format(Locale.ROOT, format, "stage", "target", "read", "written", "quarantined",
                "duplicates", "merged", "seconds", "ledger"));
        for (StageResult s : stages) {
            String ledger = s.stage().equals("clean") ? (s.balances() ? "balanced" : "UNBALANCED") : "";
            String merged = s.inserted() + s.updated() > 0 ? count(s.inserted() + s.updated()) : "";
            out.append(String.format(Locale.ROOT, format, s.stage(), s.target(), count(s.read()), count(s.written()),
                    count(s.quarantined()), count(s.duplicates()), merged, String.format(Locale.ROOT, "%.1f",
                            s.seconds()), ledger));
        }
        return out.toString();
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
