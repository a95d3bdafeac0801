package dev.strata.transforms.clean;

import java.util.List;
import java.util.Objects;

/**
 * Which of several rows sharing a key is kept: rows are ordered by {@code orderBy}, then by batch, file and
 * line, and the first or last one wins. Rows identical in every declared column are exact duplicates:
 * dropped and counted, not quarantined.
 */
public record DedupPolicy(List<SortKey> orderBy, Keep keep) {

    public enum Keep { FIRST, LAST }

    public DedupPolicy {
        orderBy = List.copyOf(Objects.requireNonNull(orderBy, "orderBy is null"));
        Objects.requireNonNull(keep, "keep is null");
    }

    public static DedupPolicy keepLast() {
        return new DedupPolicy(List.of(), Keep.LAST);
    }
}
