package dev.strata.transforms.clean;

import java.util.Objects;

/**
 * A column computed in the clean stage from a source's validated rows: a name and a Spark SQL expression
 * over the declared fields and the derived columns before it. A window expression ({@code ... over (...)})
 * sees the clean rows of one raw batch (see {@link DerivedColumns}).
 */
public record DerivedColumn(String name, String expression) {

    public DerivedColumn {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(expression, "expression is null");
    }
}
