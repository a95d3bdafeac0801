package dev.strata.etl.clean;

import java.io.Serializable;
import java.util.Objects;

/**
 * A raw file, or one part of it, to parse in one Spark task: where it is, which batch it belongs to
 * and, for each declared field, the position of its column in the file (-1 when absent; keyed sources
 * look names up). A part is the bytes {@code [start, end)} of the file, cut at line starts, whose first
 * line is line {@code firstLine} of the file; a whole file has {@code end} -1 and {@code firstLine} 1.
 */
record FileTask(String path, String batchId, long ingestedAtMillis, int[] positions, int width, long start,
        long end, long firstLine) implements Serializable {

    FileTask {
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(batchId, "batchId is null");
        Objects.requireNonNull(positions, "positions is null");
        if (start < 0 || firstLine < 1 || (end >= 0 && end < start)) {
            throw new IllegalArgumentException("bad part of " + path + ": [" + start + ", " + end + ") from line "
                    + firstLine);
        }
    }

    FileTask(String path, String batchId, long ingestedAtMillis, int[] positions, int width) {
        this(path, batchId, ingestedAtMillis, positions, width, 0, -1, 1);
    }

    boolean wholeFile() {
        return end < 0;
    }

    FileTask part(long partStart, long partEnd, long partFirstLine) {
        return new FileTask(path, batchId, ingestedAtMillis, positions, width, partStart, partEnd, partFirstLine);
    }
}
