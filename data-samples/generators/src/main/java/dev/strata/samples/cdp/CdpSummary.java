package dev.strata.samples.cdp;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What one CDP generation wrote: the number of people, the records (header lines not counted) of each
 * file in the order {@code crm.csv}, {@code web.csv}, {@code transactions.csv}, {@code loyalty.csv}, and
 * how often each kind of noise was applied.
 */
public record CdpSummary(int people, Map<String, Long> rows, Map<NoiseKind, Long> noise) {

    public CdpSummary {
        if (people < 0) {
            throw new IllegalArgumentException("people must be at least 0, cannot be: " + people);
        }
        Objects.requireNonNull(rows, "rows is null");
        Objects.requireNonNull(noise, "noise is null");
        Map<String, Long> rowCopy = new LinkedHashMap<>();
        rows.forEach((file, count) -> {
            Objects.requireNonNull(file, "file is null");
            if (count == null || count < 0) {
                throw new IllegalArgumentException("rows of " + file + " must be at least 0, cannot be: " + count);
            }
            rowCopy.put(file, count);
        });
        Map<NoiseKind, Long> noiseCopy = new EnumMap<>(NoiseKind.class);
        noise.forEach((kind, count) -> {
            Objects.requireNonNull(kind, "kind is null");
            if (count == null || count < 0) {
                throw new IllegalArgumentException("count of " + kind + " must be at least 0, cannot be: " + count);
            }
            noiseCopy.put(kind, count);
        });
        rows = Collections.unmodifiableMap(rowCopy);
        noise = Collections.unmodifiableMap(noiseCopy);
    }

    /** The records of {@code file}, e.g. {@code "crm.csv"}; 0 for a file not written. */
    public long rows(String file) {
        return rows.getOrDefault(Objects.requireNonNull(file, "file is null"), 0L);
    }

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    /** How often {@code kind} was applied. */
    public long noise(NoiseKind kind) {
        return noise.getOrDefault(Objects.requireNonNull(kind, "kind is null"), 0L);
    }

    /** One line a file and a total, then one line a kind of noise. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-18s %,10d%n", "people", people));
        rows.forEach((file, count) -> text.append(String.format(Locale.ROOT, "%-18s %,10d%n", file, count)));
        text.append(String.format(Locale.ROOT, "%-18s %,10d", "records", totalRows()));
        noise.forEach((kind, count) -> text.append(String.format(Locale.ROOT, "%n%-18s %,10d",
                kind.name().toLowerCase(Locale.ROOT), count)));
        return text.toString();
    }
}
