package dev.strata.etl.clean;

import dev.strata.etl.ServiceFailure;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.run.RunStore;
import dev.strata.etl.run.StageResult;
import java.io.IOException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Which raw batches of a source are already in the clean zone: one marker per batch, written only
 * after its rows are committed, so a crash before the marker means the batch is cleaned again (and
 * the idempotent writes make that change nothing).
 */
public final class CleanState {

    private static final com.fasterxml.jackson.databind.ObjectMapper MARKER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final Lake lake;

    public CleanState(Lake lake) {
        this.lake = Objects.requireNonNull(lake, "lake is null");
    }

    private String dir(String pipeline, String source) {
        return lake.state(pipeline, source) + "/cleaned";
    }

    public Set<String> cleanedBatches(String pipeline, String source) {
        String dir = dir(pipeline, source);
        FileSystem fs = lake.fileSystem(dir);
        Set<String> batches = new HashSet<>();
        try {
            if (fs.exists(new Path(dir))) {
                for (FileStatus status : fs.listStatus(new Path(dir))) {
                    String name = status.getPath().getName();
                    if (name.endsWith(".json") && !name.startsWith(".")) {
                        batches.add(name.substring(0, name.length() - ".json".length()));
                    }
                }
            }
            return batches;
        } catch (IOException e) {
            throw new ServiceFailure("cannot read clean state in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The run that cleaned each cleaned batch (batch id to run id). */
    public java.util.Map<String, String> cleanedBy(String pipeline, String source) {
        java.util.Map<String, String> runs = new java.util.TreeMap<>();
        for (String batch : cleanedBatches(pipeline, source)) {
            String text = lake.readText(dir(pipeline, source) + "/" + batch + ".json");
            try {
                runs.put(batch, MARKER.readTree(text).path("run_id").asText(""));
            } catch (IOException e) {
                runs.put(batch, ""); // a marker that does not say which run made it: replayed on its own
            }
        }
        return runs;
    }

    /** Forgets that a batch was cleaned: the next clean step takes it again. */
    public void unmark(String pipeline, String source, String batchId) {
        lake.deleteRecursively(dir(pipeline, source) + "/" + batchId + ".json");
    }

    public void markCleaned(String pipeline, String source, String batchId, String runId, StageResult ledger) {
        String text = RunStore.json(java.util.Map.of("batch_id", batchId, "run_id", runId, "ledger", ledger));
        lake.writeText(dir(pipeline, source) + "/" + batchId + ".json", text);
    }
}
