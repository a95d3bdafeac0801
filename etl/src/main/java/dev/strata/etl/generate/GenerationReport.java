package dev.strata.etl.generate;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** What a generation wrote: the files, rows, bytes, and how many rows of each defect. */
public record GenerationReport(List<Path> files, long rows, long bytes, Map<Defect, Long> defects,
        long multilineRows) {

    public GenerationReport {
        files = List.copyOf(Objects.requireNonNull(files, "files is null"));
        defects = Map.copyOf(new EnumMap<>(Objects.requireNonNull(defects, "defects is null")));
    }

    public long defective() {
        return defects.entrySet().stream().filter(e -> e.getKey() != Defect.NONE).mapToLong(Map.Entry::getValue).sum();
    }

    @Override
    public String toString() {
        return String.format("%,d rows, %,d bytes, %,d defective (%s), %,d with quoted line breaks", rows, bytes,
                defective(), defects.entrySet().stream().filter(e -> e.getKey() != Defect.NONE)
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey().name().toLowerCase() + " " + e.getValue())
                        .collect(Collectors.joining(", ")), multilineRows);
    }
}
