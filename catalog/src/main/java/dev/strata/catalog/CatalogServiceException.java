package dev.strata.catalog;

import java.util.Objects;

/**
 * A catalog service (Glue) refused or failed a call. The message is one line that names the operation,
 * the database or table and what to do about it; the category tells a scheduler whether retrying can help.
 */
public final class CatalogServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure this is. */
    public enum Category {
        /** The caller lacks a permission: fix the role or policy, retrying does not help. */
        ACCESS_DENIED,
        /** A database, table or partition does not exist. */
        NOT_FOUND,
        /** The service kept throttling after the retries: try again later or raise the quota. */
        THROTTLED,
        /** The request was rejected as invalid: a name, type or limit is wrong. */
        INVALID,
        /** The service failed or could not be reached. */
        SERVICE
    }

    private final Category category;

    public CatalogServiceException(Category category, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message is null"), cause);
        this.category = Objects.requireNonNull(category, "category is null");
    }

    public Category category() {
        return category;
    }

    /** True when running the same call again later may succeed. */
    public boolean retryable() {
        return category == Category.THROTTLED || category == Category.SERVICE;
    }
}
