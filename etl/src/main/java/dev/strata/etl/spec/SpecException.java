package dev.strata.etl.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec that cannot be used, with every problem found in it, one per line. */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<SpecProblem> problems;

    public SpecException(List<SpecProblem> problems) {
        super(problems.stream().map(SpecProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}
