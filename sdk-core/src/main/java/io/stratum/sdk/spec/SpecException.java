package io.stratum.sdk.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a service spec cannot be loaded: it holds every problem found, not just the first,
 * each with its file, line, column and YAML path.
 */
public final class SpecException extends Exception {
    private final List<SpecProblem> problems;

    /** @param problems at least one problem */
    public SpecException(List<SpecProblem> problems) {
        super(summary(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a SpecException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order. */
    public List<SpecProblem> problems() {
        return problems;
    }

    private static String summary(List<SpecProblem> problems) {
        return problems.size() + " problem(s) in service spec:\n"
                + problems.stream().map(SpecProblem::format).collect(Collectors.joining("\n"));
    }
}
