package dev.strata.catalog.warehouse;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Redshift table's physical layout: its distribution style, its distribution key (only with {@link DistStyle#KEY})
 * and its compound sort key columns (none: Redshift chooses).
 */
public record RedshiftLayout(DistStyle distStyle, Optional<String> distKey, List<String> sortKeys) {

    public RedshiftLayout {
        Objects.requireNonNull(distStyle, "distStyle is null");
        Objects.requireNonNull(distKey, "distKey is null");
        sortKeys = List.copyOf(Objects.requireNonNull(sortKeys, "sortKeys is null"));
        distKey = distKey.map(key -> SqlName.of("dist key", key).value());
        sortKeys = sortKeys.stream().map(key -> SqlName.of("sort key", key).value()).toList();
        if (distStyle == DistStyle.KEY && distKey.isEmpty()) {
            throw new IllegalArgumentException("DISTSTYLE KEY needs a dist key column");
        }
        if (distStyle != DistStyle.KEY && distKey.isPresent()) {
            throw new IllegalArgumentException("a dist key goes with DISTSTYLE KEY, cannot be: DISTSTYLE " + distStyle
                    + " with dist key " + distKey.get());
        }
        if (sortKeys.stream().distinct().count() != sortKeys.size()) {
            throw new IllegalArgumentException("sort keys must not repeat, cannot be: " + sortKeys);
        }
    }

    /** Redshift's own choice of distribution and sort key. */
    public static RedshiftLayout auto() {
        return new RedshiftLayout(DistStyle.AUTO, Optional.empty(), List.of());
    }

    /** Rows distributed on {@code distKey}, sorted on {@code sortKeys} (may be empty). */
    public static RedshiftLayout distributedBy(String distKey, List<String> sortKeys) {
        Objects.requireNonNull(distKey, "distKey is null");
        return new RedshiftLayout(DistStyle.KEY, Optional.of(distKey), sortKeys);
    }

    /** Rows distributed by {@code distStyle} (not KEY), sorted on {@code sortKeys} (may be empty). */
    public static RedshiftLayout of(DistStyle distStyle, List<String> sortKeys) {
        return new RedshiftLayout(distStyle, Optional.empty(), sortKeys);
    }
}
