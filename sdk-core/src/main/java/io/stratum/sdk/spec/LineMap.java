package io.stratum.sdk.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps lines of the rendered spec back to lines of the mustache template, so errors point at what
 * the author wrote even when sections removed lines or a value spanned several.
 *
 * <p>{@link #between(String, String, Map)} renders the template a second time with every line
 * prefixed by a marker naming it: each rendered line then says which template line it came from,
 * whatever the sections did. Lines of a multi-line value carry no marker and keep the line of the
 * value's variable. Lines that hold only a section tag (which mustache removes from the output)
 * are dropped.
 *
 * <p>Should that ever disagree with the real rendering, {@link #between(String, String)} matches
 * by text instead: each template line becomes a pattern (its literal text, with every tag matching
 * anything) and rendered lines are matched to the next template line whose pattern they fit.
 * Text alone cannot tell identical lines apart, so a skipped section holding a line that also
 * follows it can shift the mapping.
 */
final class LineMap {
    private static final Pattern TAG = Pattern.compile("\\{\\{\\{.*?}}}|\\{\\{.*?}}");
    private static final Pattern STANDALONE = Pattern.compile("\\s*\\{\\{[#^/!][^}]*}}\\s*");
    /** Control characters a spec never holds, so markers cannot clash with its text. */
    private static final char MARK_START = '\u0001';
    private static final char MARK_END = '\u0002';
    private static final Pattern MARKER = Pattern.compile(MARK_START + "(\\d+)" + MARK_END);

    private final int[] templateLineOfRendered;

    private LineMap(int[] templateLineOfRendered) {
        this.templateLineOfRendered = templateLineOfRendered;
    }

    static LineMap identity() {
        return new LineMap(new int[0]);
    }

    /** The map from {@code rendered}, the rendering of {@code template} against {@code env}. */
    static LineMap between(String template, String rendered, Map<String, String> env) {
        if (template.equals(rendered)) {
            return identity();
        }
        String[] tLines = template.split("\n", -1);
        StringBuilder marked = new StringBuilder();
        for (int t = 0; t < tLines.length; t++) {
            marked.append(t == 0 ? "" : "\n").append(MARK_START).append(t + 1).append(MARK_END).append(tLines[t]);
        }
        Optional<String> markedOutput = TemplateRenderer.render(marked.toString(), env,
                new Problems("", identity()));
        int renderedLines = rendered.split("\n", -1).length;
        if (markedOutput.isPresent()) {
            int[] map = fromMarkers(markedOutput.get(), tLines);
            if (map.length == renderedLines) {
                return new LineMap(map);
            }
        }
        return between(template, rendered);
    }

    private static int[] fromMarkers(String markedOutput, String[] tLines) {
        List<Integer> lines = new ArrayList<>();
        int last = 1;
        for (String line : markedOutput.split("\n", -1)) {
            Matcher m = MARKER.matcher(line);
            if (m.lookingAt()) {
                int t = Integer.parseInt(m.group(1));
                String rest = line.substring(m.end());
                if (STANDALONE.matcher(tLines[t - 1]).matches() && rest.isBlank()) {
                    continue;
                }
                last = t;
            }
            lines.add(last);
        }
        return lines.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The map matched by text alone; see the class comment for its limits. */
    static LineMap between(String template, String rendered) {
        if (template.equals(rendered)) {
            return identity();
        }
        String[] tLines = template.split("\n", -1);
        String[] rLines = rendered.split("\n", -1);
        List<Pattern> patterns = new ArrayList<>();
        for (String line : tLines) {
            patterns.add(STANDALONE.matcher(line).matches() ? null : patternOf(line));
        }
        int[] map = new int[rLines.length];
        int next = 0;
        int last = 0;
        for (int r = 0; r < rLines.length; r++) {
            int found = -1;
            for (int t = next; t < tLines.length; t++) {
                Pattern p = patterns.get(t);
                if (p != null && p.matcher(rLines[r]).matches()) {
                    found = t;
                    break;
                }
            }
            if (found >= 0) {
                last = found;
                next = found + 1;
            }
            map[r] = last + 1;
        }
        return new LineMap(map);
    }

    private static Pattern patternOf(String line) {
        StringBuilder regex = new StringBuilder();
        Matcher m = TAG.matcher(line);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(line.substring(at, m.start()))).append("[\\s\\S]*?");
            at = m.end();
        }
        regex.append(Pattern.quote(line.substring(at)));
        return Pattern.compile(regex.toString());
    }

    /** The template location of a rendered location (the column is kept as is). */
    SpecLocation toTemplate(SpecLocation rendered) {
        int line = rendered.line();
        if (line <= 0 || templateLineOfRendered.length == 0 || line > templateLineOfRendered.length) {
            return rendered;
        }
        return new SpecLocation(templateLineOfRendered[line - 1], rendered.column());
    }
}
