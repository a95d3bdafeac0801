package dev.strata.etl.clean;

import java.io.Serializable;
import java.util.Objects;

/**
 * One raw file to parse in one Spark task: where it is, which batch it belongs to and, for each
 * declared field, the position of its column in the file (-1 when absent; keyed sources look names up).
 */
record FileTask(String path, String batchId, long ingestedAtMillis, int[] positions, int width)
        implements Serializable {

    FileTask {
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(batchId, "batchId is null");
        Objects.requireNonNull(positions, "positions is null");
    }
}
