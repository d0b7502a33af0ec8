package io.stratum.sdk.spec;

/**
 * Reads health and readiness checks: exactly one of {@code cmd}, {@code http} or {@code tcp},
 * plus timings in seconds. Health checks default to interval 10 s, timeout 10 s, 3 failures;
 * readiness checks to interval 5 s, timeout 10 s.
 */
final class CheckReader {
    private CheckReader() {}

    static CheckSpec check(MappingReader m, boolean health) {
        if (m == null) {
            return null;
        }
        String cmd = m.string("cmd");
        CheckProbe http = http(m.child("http"));
        CheckProbe tcp = tcp(m.child("tcp"));
        int probes = (cmd != null ? 1 : 0) + (http != null ? 1 : 0) + (tcp != null ? 1 : 0);
        int interval = m.wholeOr("interval", health ? 10 : 5);
        int delay = m.wholeOr("delay", 0);
        int timeout = m.wholeOr("timeout", 10);
        int grace = health ? m.wholeOr("grace-period", 0) : 0;
        int failures = health ? m.wholeOr("max-consecutive-failures", 3) : 1;
        if (!health) {
            for (String key : new String[] {"grace-period", "max-consecutive-failures"}) {
                if (m.has(key)) {
                    m.problem(key, "'" + key + "' applies only to health checks");
                }
            }
        }
        m.finish();
        if (probes != 1) {
            m.problemHere(probes == 0
                    ? "a check needs one of 'cmd', 'http' or 'tcp'"
                    : "a check takes only one of 'cmd', 'http' or 'tcp'");
            return null;
        }
        CheckProbe probe = cmd != null ? new CheckProbe.Command(cmd) : http != null ? http : tcp;
        return new CheckSpec(probe, interval, delay, timeout, grace, failures);
    }

    private static CheckProbe http(MappingReader m) {
        if (m == null) {
            return null;
        }
        String port = m.requiredString("port");
        String path = m.string("path");
        String scheme = m.string("scheme");
        if (path != null && !path.startsWith("/")) {
            m.problem("path", "must start with '/', got '" + path + "'");
        }
        if (scheme != null && !scheme.equals("http") && !scheme.equals("https")) {
            m.problem("scheme", "must be http or https, got '" + scheme + "'");
        }
        m.finish();
        return port == null ? null : new CheckProbe.Http(port, path, scheme);
    }

    private static CheckProbe tcp(MappingReader m) {
        if (m == null) {
            return null;
        }
        String port = m.requiredString("port");
        m.finish();
        return port == null ? null : new CheckProbe.Tcp(port);
    }
}
