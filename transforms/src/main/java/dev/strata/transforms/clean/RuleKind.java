package dev.strata.transforms.clean;

import java.util.Locale;

/** The kinds of data-quality rule a spec can declare. */
public enum RuleKind {
    NOT_NULL, UNIQUE, RANGE, ALLOWED_VALUES, REGEX, MAX_LENGTH, REFERENTIAL, SQL;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
