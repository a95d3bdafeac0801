package dev.strata.etl.clean;

import java.io.Serializable;
import java.util.Objects;

/**
 * A raw file, or one part of it, to parse in one Spark task: where it is, which batch it belongs to
 * and, for each declared field, the position of its column in the file (-1 when absent; keyed sources
 * look names up; {@link #RESCUED} for the column that keeps the file's undeclared columns). A part is the
 * bytes {@code [start, end)} of the file, cut at line starts, whose first line is line {@code firstLine} of
 * the file; a whole file has {@code end} -1 and {@code firstLine} 1.
 *
 * @param drift why every record of this file is quarantined (its columns are not the declared ones), or null
 * @param extras the positions of the file's undeclared columns, kept when a field is {@link #RESCUED}
 * @param extraNames their names in the header, in the same order
 */
record FileTask(String path, String batchId, long ingestedAtMillis, int[] positions, int width, long start,
        long end, long firstLine, String drift, int[] extras, String[] extraNames) implements Serializable {

    /** The position of the field that holds the record's undeclared columns as a JSON object. */
    static final int RESCUED = -2;

    FileTask {
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(batchId, "batchId is null");
        Objects.requireNonNull(positions, "positions is null");
        Objects.requireNonNull(extras, "extras is null");
        Objects.requireNonNull(extraNames, "extraNames is null");
        if (start < 0 || firstLine < 1 || (end >= 0 && end < start) || extras.length != extraNames.length) {
            throw new IllegalArgumentException("bad part of " + path + ": [" + start + ", " + end + ") from line "
                    + firstLine);
        }
    }

    FileTask(String path, String batchId, long ingestedAtMillis, int[] positions, int width) {
        this(path, batchId, ingestedAtMillis, positions, width, 0, -1, 1, null, new int[0], new String[0]);
    }

    boolean wholeFile() {
        return end < 0;
    }

    FileTask part(long partStart, long partEnd, long partFirstLine) {
        return new FileTask(path, batchId, ingestedAtMillis, positions, width, partStart, partEnd, partFirstLine,
                drift, extras, extraNames);
    }

    /** This file with every record quarantined for the reason given. */
    FileTask drifted(String reason) {
        return new FileTask(path, batchId, ingestedAtMillis, positions, width, start, end, firstLine, reason, extras,
                extraNames);
    }

    /** This file keeping the columns at these positions of its header in the rescued field. */
    FileTask rescuing(int[] positionsKept, String[] names) {
        return new FileTask(path, batchId, ingestedAtMillis, positions, width, start, end, firstLine, drift,
                positionsKept, names);
    }
}
