package dev.strata.catalog;

import java.util.Objects;

/** A catalog or messaging service (Glue, SNS) refused or failed a call; the message is one line saying what to fix. */
public final class CatalogServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure, so a caller can tell a mistake from an outage. */
    public enum Category { ACCESS_DENIED, NOT_FOUND, THROTTLED, INVALID, SERVICE }

    private final Category category;

    public CatalogServiceException(Category category, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message is null"), cause);
        this.category = Objects.requireNonNull(category, "category is null");
    }

    public Category category() {
        return category;
    }
}
