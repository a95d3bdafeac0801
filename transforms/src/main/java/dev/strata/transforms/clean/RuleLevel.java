package dev.strata.transforms.clean;

/** An error-level rule sends a failing row to quarantine; a warn-level rule only counts it. */
public enum RuleLevel { ERROR, WARN }
