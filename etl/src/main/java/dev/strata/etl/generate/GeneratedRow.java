package dev.strata.etl.generate;

import java.util.Objects;

/**
 * A row as written: the logical request behind it, the defect applied (NONE for a good row), whether
 * its summary holds a quoted line break, and the exact bytes of its CSV record (with line end).
 */
public record GeneratedRow(ServiceRequest request, Defect defect, boolean multiline, byte[] csv) {

    public GeneratedRow {
        Objects.requireNonNull(request, "request is null");
        Objects.requireNonNull(defect, "defect is null");
        Objects.requireNonNull(csv, "csv is null");
    }
}
