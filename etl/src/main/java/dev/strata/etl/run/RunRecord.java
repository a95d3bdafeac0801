package dev.strata.etl.run;

import java.util.List;
import java.util.Objects;

/** What one run did: written as JSON to {@code <lake>/_runs/<run_id>.json} when it ends, however it ends. */
public record RunRecord(String runId, String command, String pipeline, String spec, String lake, String startedAt,
        String endedAt, double seconds, String outcome, String error, List<String> inputs,
        List<String> warnings, List<StageResult> stages) {

    public RunRecord {
        Objects.requireNonNull(runId, "runId is null");
        Objects.requireNonNull(command, "command is null");
        Objects.requireNonNull(outcome, "outcome is null");
        inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs is null"));
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
        stages = List.copyOf(Objects.requireNonNull(stages, "stages is null"));
    }
}
