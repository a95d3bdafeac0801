package dev.strata.etl.lake;

import java.util.Map;

/** What Delta recorded for one commit: rows written and, for a MERGE, the source rows and what became of them. */
public record WriteMetrics(long version, String operation, long rowsWritten, long sourceRows, long inserted,
        long updated, long deleted) {

    static WriteMetrics from(long version, String operation, Map<String, String> metrics) {
        long inserted = number(metrics, "numTargetRowsInserted");
        long updated = number(metrics, "numTargetRowsUpdated");
        long deleted = number(metrics, "numTargetRowsDeleted");
        long output = metrics.containsKey("numOutputRows") ? number(metrics, "numOutputRows") : inserted + updated;
        long source = metrics.containsKey("numSourceRows") ? number(metrics, "numSourceRows") : output;
        return new WriteMetrics(version, operation, output, source, inserted, updated, deleted);
    }

    private static long number(Map<String, String> metrics, String key) {
        String value = metrics.get(key);
        return value == null ? 0 : Long.parseLong(value);
    }
}
