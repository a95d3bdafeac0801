package dev.strata.catalog.warehouse;

/** How Redshift spreads a table's rows over its slices. */
public enum DistStyle {
    AUTO,
    EVEN,
    KEY,
    ALL
}
