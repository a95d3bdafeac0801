package dev.strata.etl;

/** A mistake the user can fix (bad option, bad spec, missing file): one line, exit code 2, no stack trace. */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
