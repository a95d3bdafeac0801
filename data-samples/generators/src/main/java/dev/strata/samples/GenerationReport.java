package dev.strata.samples;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What one generation wrote.
 *
 * @param files the files, in order
 * @param rows data records written (headers not counted), good and defective
 * @param bytes bytes written, headers included
 * @param defects records per {@link Defect}, every kind present (0 when none), {@link Defect#NONE} included
 * @param quotedRows good records with at least one quoted field
 * @param multilineRows good records whose quoted summary holds a line break
 */
public record GenerationReport(List<Path> files, long rows, long bytes, Map<Defect, Long> defects, long quotedRows,
        long multilineRows) {

    public GenerationReport {
        files = List.copyOf(Objects.requireNonNull(files, "files is null"));
        Objects.requireNonNull(defects, "defects is null");
        EnumMap<Defect, Long> all = new EnumMap<>(Defect.class);
        for (Defect defect : Defect.values()) {
            all.put(defect, defects.getOrDefault(defect, 0L));
        }
        defects = Collections.unmodifiableMap(all);
    }

    /** Records with the given defect. */
    public long count(Defect defect) {
        return defects.get(Objects.requireNonNull(defect, "defect is null"));
    }

    /** Records with any defect. */
    public long defective() {
        return rows - count(Defect.NONE);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d rows in %d file(s), %,d bytes; %,d defective (%s); %,d good rows "
                + "with quoted fields, %,d of them with a quoted line break", rows, files.size(), bytes, defective(),
                Defect.kinds().stream().map(d -> d.name().toLowerCase(Locale.ROOT) + " " + count(d))
                        .collect(Collectors.joining(", ")), quotedRows, multilineRows);
    }
}
