package dev.strata.catalog.warehouse;

/** Where a table's DDL runs: Athena (Delta read natively), Redshift Spectrum (manifest-backed), Redshift. */
public enum SqlDialect {
    ATHENA,
    REDSHIFT,
    SPECTRUM
}
