package dev.strata.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Where tables are registered by name so that they stay queryable across runs. The local catalog is
 * the embedded default; a Glue catalog serves Athena and Redshift Spectrum in production.
 */
public interface TableCatalog {

    /** Creates or updates an entry; registering the same definition again changes nothing. */
    void register(TableEntry entry);

    Optional<TableEntry> lookup(TableName name);

    /** Every entry, sorted by name. */
    List<TableEntry> list();

    /** The entries of one zone, sorted by name. */
    List<TableEntry> list(String zone);

    /** Removes an entry (never the data); false if there was none. */
    boolean drop(TableName name);
}
