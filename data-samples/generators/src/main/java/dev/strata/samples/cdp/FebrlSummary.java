package dev.strata.samples.cdp;

/** What a FEBRL-format write produced: original records ({@code -org}) and duplicates ({@code -dup-k}). */
public record FebrlSummary(long originals, long duplicates) {

    public FebrlSummary {
        if (originals < 0 || duplicates < 0) {
            throw new IllegalArgumentException("counts must be at least 0, cannot be: " + originals + ", "
                    + duplicates);
        }
    }

    public long records() {
        return originals + duplicates;
    }
}
