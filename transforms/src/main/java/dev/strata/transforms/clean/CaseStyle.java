package dev.strata.transforms.clean;

/** How a string column's letter case is normalised. */
public enum CaseStyle { UPPER, LOWER, TITLE }
