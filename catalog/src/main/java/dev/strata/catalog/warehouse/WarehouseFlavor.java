package dev.strata.catalog.warehouse;

import java.util.Locale;
import java.util.Objects;

/**
 * The server a Redshift load talks to. {@code POSTGRESQL} stands in for Redshift in tests: the DDL leaves out
 * the Redshift-only clauses (DISTSTYLE, DISTKEY, SORTKEY) and maps SUPER to JSONB and VARBYTE to BYTEA.
 */
public enum WarehouseFlavor {
    REDSHIFT,
    POSTGRESQL;

    /** The flavor a JDBC URL names: {@code jdbc:redshift:} or {@code jdbc:postgresql:}. */
    public static WarehouseFlavor ofJdbcUrl(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl is null");
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:redshift:")) {
            return REDSHIFT;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("a warehouse JDBC URL starts with jdbc:redshift: or jdbc:postgresql:, cannot be: '"
                + WarehouseConnections.redacted(jdbcUrl) + "'");
    }
}
