package dev.strata.etl;

/** Data broke an error-level expectation that must stop the run (an unbalanced ledger, a strict check): exit code 3. */
public final class DataQualityFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataQualityFailure(String message) {
        super(message);
    }
}
