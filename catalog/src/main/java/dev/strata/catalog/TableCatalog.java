package dev.strata.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Where tables are registered by name so that they stay queryable across runs. The local catalog is
 * the embedded default; a Glue catalog serves Athena and Redshift Spectrum in production.
 */
public interface TableCatalog {

    /**
     * Creates or updates an entry. Registering the same definition again changes nothing (in
     * particular not {@code updatedAt}); an update keeps the first {@code registeredAt}.
     */
    void register(TableEntry entry);

    /** The entry registered under this name, if any. */
    Optional<TableEntry> lookup(TableName name);

    /** Every entry, sorted by name (zone, then table). */
    List<TableEntry> list();

    /** The entries of one zone, sorted by name; empty for a zone with no tables. */
    List<TableEntry> list(String zone);

    /** Removes an entry (never the data); false if there was none. */
    boolean drop(TableName name);
}
