package io.stratum.sdk.internal.offer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Why a pod instance could or could not be placed, as a tree: the root names the pod instance, its
 * children the offers, theirs the evaluation stages. Every failed node says why in words, e.g.
 * {@code offer o-17 on host a3: mem 512 < 1024 wanted by task node-2-server}. Kept for the API
 * ("why is this pod pending"). Immutable.
 *
 * @param passed   whether this node passed
 * @param text     what was checked and, if it failed, why
 * @param children the finer outcomes, in evaluation order
 */
public record EvaluationOutcome(boolean passed, String text, List<EvaluationOutcome> children) {

    public EvaluationOutcome {
        Objects.requireNonNull(text, "text");
        children = List.copyOf(children);
    }

    /** @return a passed leaf */
    public static EvaluationOutcome pass(String text) {
        return new EvaluationOutcome(true, text, List.of());
    }

    /** @return a failed node */
    public static EvaluationOutcome fail(String text, List<EvaluationOutcome> children) {
        return new EvaluationOutcome(false, text, children);
    }

    /** @return the texts of every failed node, depth first */
    public List<String> failures() {
        ArrayList<String> out = new ArrayList<>();
        collectFailures(out);
        return out;
    }

    private void collectFailures(List<String> out) {
        if (!passed) {
            out.add(text);
        }
        children.forEach(c -> c.collectFailures(out));
    }

    /** @return the tree as indented lines, {@code PASS}/{@code FAIL} first */
    public String render() {
        StringBuilder out = new StringBuilder();
        render(out, 0);
        return out.toString();
    }

    private void render(StringBuilder out, int depth) {
        out.append("  ".repeat(depth)).append(passed ? "PASS " : "FAIL ").append(text).append('\n');
        children.forEach(c -> c.render(out, depth + 1));
    }

    @Override
    public String toString() {
        return render();
    }
}
