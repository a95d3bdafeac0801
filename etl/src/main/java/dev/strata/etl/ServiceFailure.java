package dev.strata.etl;

/** An external service (S3, Glue, a database) failed; retrying may help: exit code 4. */
public final class ServiceFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServiceFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
