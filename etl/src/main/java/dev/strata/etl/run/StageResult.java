package dev.strata.etl.run;

import java.util.Map;
import java.util.Objects;

/**
 * Row counts and time of one stage over one target. For a clean stage the ledger must balance:
 * {@code read = written + quarantined + duplicates}. {@code inserted} and {@code updated} say what a
 * MERGE did with the written rows (the rest matched unchanged rows).
 */
public record StageResult(String stage, String target, long read, long written, long quarantined, long duplicates,
        long inserted, long updated, double seconds, Map<String, Long> ruleFailures, String note) {

    public StageResult {
        Objects.requireNonNull(stage, "stage is null");
        Objects.requireNonNull(target, "target is null");
        ruleFailures = Map.copyOf(Objects.requireNonNull(ruleFailures, "ruleFailures is null"));
        Objects.requireNonNull(note, "note is null");
    }

    public boolean balances() {
        return read == written + quarantined + duplicates;
    }
}
