package dev.strata.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Row counts of a lake's tables, read through {@code strata sql} in one query. */
final class LakeCounts {

    private LakeCounts() {
    }

    /** Each of {@code tables} ({@code zone.table}) with its row count. */
    static Map<String, Long> of(Path lake, List<String> tables) {
        assertThat(tables).isNotEmpty();
        String sql = tables.stream().map(t -> "select '" + t + "', count(*) from " + t)
                .collect(Collectors.joining(" union all "));
        return new TreeMap<>(ServiceRequestsEndToEndTest.pairs(lake, sql));
    }

    /** The curated tables' counts by their bare names, as a warehouse schema names them. */
    static Map<String, Long> curated(Path lake, List<String> tables) {
        Map<String, Long> counts = new TreeMap<>();
        of(lake, tables.stream().map(t -> "curated." + t).toList())
                .forEach((table, rows) -> counts.put(table.substring("curated.".length()), rows));
        return counts;
    }

    /** The served views' counts by their bare names. */
    static Map<String, Long> served(Path lake, List<String> views) {
        Map<String, Long> counts = new TreeMap<>();
        of(lake, views.stream().map(v -> "views." + v).toList())
                .forEach((table, rows) -> counts.put(table.substring("views.".length()), rows));
        return counts;
    }
}
