package dev.strata.catalog.glue;

import dev.strata.catalog.CatalogServiceException;
import dev.strata.catalog.CatalogServiceException.Category;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns what the Glue SDK throws into a one-line {@link CatalogServiceException}. */
final class GlueFailures {

    private static final Set<String> DENIED = Set.of("AccessDeniedException", "AccessDenied",
            "UnauthorizedOperation", "NotAuthorized");
    private static final Set<String> BAD_CREDENTIALS = Set.of("UnrecognizedClientException",
            "InvalidClientTokenId", "ExpiredTokenException", "ExpiredToken", "InvalidSignatureException",
            "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken");
    private static final Set<String> THROTTLING = Set.of("ThrottlingException", "Throttling",
            "TooManyRequestsException", "RequestLimitExceeded", "SlowDown");
    private static final Set<String> INVALID = Set.of("InvalidInputException", "ValidationException",
            "AlreadyExistsException", "IdempotentParameterMismatchException", "InvalidStateException");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("(AKIA|ASIA)[A-Z0-9]{16}");
    private static final int MAX_DETAIL = 300;

    private GlueFailures() {
    }

    /**
     * The exception to throw for a failed call.
     *
     * @param operation the Glue API action, for example {@code CreateTable}
     * @param target what it acted on, for example {@code database strata_curated}
     */
    static CatalogServiceException translate(String operation, String target, SdkException failure) {
        Objects.requireNonNull(operation, "operation is null");
        Objects.requireNonNull(target, "target is null");
        Objects.requireNonNull(failure, "failure is null");
        if (failure instanceof AwsServiceException service) {
            return fromService(operation, target, service);
        }
        if (failure instanceof SdkClientException) {
            return new CatalogServiceException(Category.SERVICE, "cannot reach Glue for " + operation + " on "
                    + target + ": check the endpoint, region, credentials and network (" + detail(failure.getMessage())
                    + ")", failure);
        }
        return new CatalogServiceException(Category.SERVICE, "Glue " + operation + " on " + target + " failed: "
                + detail(failure.getMessage()), failure);
    }

    private static CatalogServiceException fromService(String operation, String target, AwsServiceException e) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "HTTP " + e.statusCode()
                : e.awsErrorDetails().errorCode();
        String said = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        if (BAD_CREDENTIALS.contains(code)) {
            return new CatalogServiceException(Category.ACCESS_DENIED, "Glue refused the credentials for " + operation
                    + " on " + target + ": check the job's AWS credentials and clock (" + code + ")", e);
        }
        if (DENIED.contains(code) || e.statusCode() == 403) {
            return new CatalogServiceException(Category.ACCESS_DENIED, "Glue denied " + operation + " on " + target
                    + ": the role needs glue:" + operation + " (and Lake Formation grants where they apply) (" + code
                    + ")", e);
        }
        if ("EntityNotFoundException".equals(code)) {
            return new CatalogServiceException(Category.NOT_FOUND, "Glue found nothing for " + operation + " on "
                    + target + ": " + detail(said) + "; check the zone's Glue database and register the table first ("
                    + code + ")", e);
        }
        if (THROTTLING.contains(code) || e.isThrottlingException()) {
            return new CatalogServiceException(Category.THROTTLED, "Glue throttled " + operation + " on " + target
                    + " after retries: run later, lower the call rate or raise the Glue quota (" + code + ")", e);
        }
        if ("ResourceNumberLimitExceededException".equals(code)) {
            return new CatalogServiceException(Category.INVALID, "Glue refused " + operation + " on " + target
                    + ": an account limit is reached, " + detail(said) + "; raise the Glue quota (" + code + ")", e);
        }
        if (INVALID.contains(code) || (e.statusCode() >= 400 && e.statusCode() < 500
                && !"ConcurrentModificationException".equals(code))) {
            return new CatalogServiceException(Category.INVALID, "Glue rejected " + operation + " on " + target + ": "
                    + detail(said) + "; fix the name, type or value it names (" + code + ")", e);
        }
        return new CatalogServiceException(Category.SERVICE, "Glue failed " + operation + " on " + target + ": "
                + detail(said) + "; run again later (" + code + ")", e);
    }

    /** Runs one Glue call, translating what it throws. */
    static <T> T call(String operation, String target, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw translate(operation, target, e);
        }
    }

    /** The error code of a service exception, for the few codes callers handle themselves. */
    static String code(SdkException failure) {
        if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return "";
    }

    /** The first line of a service's message, without anything that looks like an access key id. */
    static String detail(String message) {
        if (message == null || message.isBlank()) {
            return "no details given";
        }
        String line = message.strip();
        int newline = line.indexOf('\n');
        if (newline >= 0) {
            line = line.substring(0, newline).strip();
        }
        line = ACCESS_KEY_ID.matcher(line).replaceAll("<access key id>");
        return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL) + "...";
    }
}
