package io.stratum.sdk.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the problems of one load, translating rendered-text positions back to the template
 * file the author wrote. Not thread-safe: one instance per load.
 */
final class Problems {
    private final String file;
    private final LineMap lineMap;
    private final List<SpecProblem> problems = new ArrayList<>();

    Problems(String file, LineMap lineMap) {
        this.file = file;
        this.lineMap = lineMap;
    }

    /** Adds a problem at a position of the rendered text. */
    void add(SpecLocation renderedLocation, String path, String message) {
        problems.add(new SpecProblem(file, lineMap.toTemplate(renderedLocation), path, message));
    }

    /**
     * Adds a problem found on the records, at the YAML path {@code recordPath} came from and the
     * location recorded for it.
     */
    void addAt(Locations locations, String recordPath, String message) {
        String path = locations.yamlPath(recordPath);
        add(locations.of(path), path, message);
    }

    /** @return whether a problem was already reported at {@code path} or inside it */
    boolean covers(String path) {
        return problems.stream().map(SpecProblem::path).anyMatch(p -> p.equals(path)
                || p.startsWith(path + ".") || p.startsWith(path + "["));
    }

    /** Adds a problem whose location is already a template location. */
    void addAtTemplate(SpecLocation templateLocation, String path, String message) {
        problems.add(new SpecProblem(file, templateLocation, path, message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    int size() {
        return problems.size();
    }

    /** Every problem in the order found, duplicates removed. */
    List<SpecProblem> inOrder() {
        return problems.stream().distinct().toList();
    }

    /** Every problem, sorted by line and column, duplicates removed. */
    List<SpecProblem> sorted() {
        return problems.stream()
                .distinct()
                .sorted(Comparator.comparingInt((SpecProblem p) -> p.location().line())
                        .thenComparingInt(p -> p.location().column()))
                .toList();
    }

    SpecException toException() {
        return new SpecException(sorted());
    }
}
