package dev.strata.samples;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One data record as written.
 *
 * @param index the record's position in the generated sequence (0 is the first record after the header)
 * @param request the logical request behind the line. For a good row and for the defects a typed field
 *     can hold (out-of-range coordinate, unknown status, closed before created, a duplicate) it is what the
 *     line says; where the defect makes a field unrepresentable (unparseable date, missing key, wrong type,
 *     wrong field count, invalid UTF-8) it holds the value the line was made from
 * @param defect the defect applied, {@link Defect#NONE} for a good row
 * @param defectColumn the clean column the defect is in, as the bundled spec names it ({@code case_id},
 *     {@code case_created_dttm}, {@code council_district}, {@code latitude}, ...), or null for a good row and
 *     for defects of the whole record (wrong field count, duplicates)
 * @param duplicateOf for {@link Defect#DUPLICATE_EXACT} and {@link Defect#DUPLICATE_CONFLICT}, the index of the
 *     earlier row it repeats; otherwise -1
 * @param quoted whether at least one field of the line is quoted (it holds a comma, a double quote or a line
 *     break)
 * @param multiline whether a quoted field holds a line break, so the record spans two physical lines
 * @param csv the exact bytes of the record, without the line end ({@code \n}) that follows it in a file
 */
public record GeneratedRow(long index, ServiceRequest request, Defect defect, String defectColumn, long duplicateOf,
        boolean quoted, boolean multiline, byte[] csv) {

    public GeneratedRow {
        Objects.requireNonNull(request, "request is null");
        Objects.requireNonNull(defect, "defect is null");
        Objects.requireNonNull(csv, "csv is null");
    }

    /** A copy of the record's bytes. */
    @Override
    public byte[] csv() {
        return csv.clone();
    }

    /** The record as text; invalid UTF-8 shows as U+FFFD. */
    public String text() {
        return new String(csv, StandardCharsets.UTF_8);
    }

    /** Writes the record and its line end. */
    void writeTo(OutputStream out) throws IOException {
        out.write(csv);
        out.write('\n');
    }

    /** Bytes written by {@link #writeTo}. */
    int length() {
        return csv.length + 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GeneratedRow row && index == row.index && duplicateOf == row.duplicateOf
                && quoted == row.quoted && multiline == row.multiline && request.equals(row.request)
                && defect == row.defect && Objects.equals(defectColumn, row.defectColumn)
                && Arrays.equals(csv, row.csv);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, request, defect, defectColumn, duplicateOf, quoted, multiline,
                Arrays.hashCode(csv));
    }

    @Override
    public String toString() {
        return "GeneratedRow[index=" + index + ", defect=" + defect + ", defectColumn=" + defectColumn
                + ", duplicateOf=" + duplicateOf + ", csv=" + text() + "]";
    }
}
