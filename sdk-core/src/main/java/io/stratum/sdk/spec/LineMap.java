package io.stratum.sdk.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps lines of the rendered spec back to lines of the mustache template, so errors point at what
 * the author wrote even when sections removed lines or a value spanned several.
 *
 * <p>Each template line becomes a pattern (its literal text, with every tag matching anything);
 * rendered lines are matched to the next template line whose pattern they fit. Lines that hold
 * only a section tag render to nothing and are skipped. Where no template line fits (a value
 * with line breaks), the rendered line keeps the last template line found.
 */
final class LineMap {
    private static final Pattern TAG = Pattern.compile("\\{\\{\\{.*?}}}|\\{\\{.*?}}");
    private static final Pattern STANDALONE = Pattern.compile("\\s*\\{\\{[#^/!][^}]*}}\\s*");

    private final int[] templateLineOfRendered;

    private LineMap(int[] templateLineOfRendered) {
        this.templateLineOfRendered = templateLineOfRendered;
    }

    static LineMap identity() {
        return new LineMap(new int[0]);
    }

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
