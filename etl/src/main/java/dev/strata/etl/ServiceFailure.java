package dev.strata.etl;

import java.util.regex.Pattern;

/** An external service (S3, Glue, a database) failed; retrying may help: exit code 4. */
public final class ServiceFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private static final Pattern ACCESS_KEY_ID = Pattern.compile("(AKIA|ASIA)[A-Z0-9]{16}");
    private static final int MAX_DETAIL = 300;

    public ServiceFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * What a failure says, fit for a one-line message: its first line, at most 300 characters, with AWS access
     * key ids masked.
     */
    public static String detail(Throwable failure) {
        String message = failure == null || failure.getMessage() == null ? String.valueOf(failure)
                : failure.getMessage();
        String line = message.strip().split("\\R", 2)[0];
        line = ACCESS_KEY_ID.matcher(line).replaceAll("$1****************");
        return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "..." : line;
    }
}
