package dev.strata.etl.spec;

import java.util.Objects;

/** One mistake in a spec: which file, where in it (a path like {@code sources[0].schema[3].type}), and what. */
public record SpecProblem(String origin, String path, String message) {

    public SpecProblem {
        Objects.requireNonNull(origin, "origin is null");
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(message, "message is null");
    }

    @Override
    public String toString() {
        return origin + ": " + (path.isEmpty() ? "(top)" : path) + ": " + message;
    }
}
