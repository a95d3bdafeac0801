package dev.strata.etl.run;

import dev.strata.etl.SecretSettings;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one run did: written as JSON to {@code <lake>/_runs/<run_id>.json} when it ends, however it ends.
 * {@code settings} are the settings the command was given ({@code --conf} and the S3 options), every
 * credential among them masked.
 */
public record RunRecord(String runId, String command, String pipeline, String spec, String lake, String startedAt,
        String endedAt, double seconds, String outcome, String error, List<String> inputs,
        List<String> warnings, List<StageResult> stages, Map<String, String> settings) {

    public RunRecord {
        Objects.requireNonNull(runId, "runId is null");
        Objects.requireNonNull(command, "command is null");
        Objects.requireNonNull(outcome, "outcome is null");
        inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs is null"));
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
        stages = List.copyOf(Objects.requireNonNull(stages, "stages is null"));
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(SecretSettings.masked(settings));
    }
}
