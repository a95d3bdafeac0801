package dev.strata.etl.spec;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A spec that cannot be used, with every problem found in it, one per line. */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<SpecProblem> problems;

    public SpecException(List<SpecProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(List<SpecProblem> problems) {
        Objects.requireNonNull(problems, "problems is null");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a spec exception needs at least one problem");
        }
        return problems.stream().map(SpecProblem::toString).collect(Collectors.joining("\n"));
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}
