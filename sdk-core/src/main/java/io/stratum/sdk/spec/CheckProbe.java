package io.stratum.sdk.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/**
 * What a check does. In a spec: {@code cmd: ...} (the DC/OS form), or the extensions
 * {@code http: {port: <port name>, path: /health}} and {@code tcp: {port: <port name>}}, where
 * the port is one of the task's named ports.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CheckProbe.Command.class, name = "cmd"),
    @JsonSubTypes.Type(value = CheckProbe.Http.class, name = "http"),
    @JsonSubTypes.Type(value = CheckProbe.Tcp.class, name = "tcp")
})
public sealed interface CheckProbe {

    /** Passes when {@code cmd} ({@code /bin/sh -c}, in the task's sandbox) exits 0. */
    record Command(String cmd) implements CheckProbe {
        public Command {
            Objects.requireNonNull(cmd, "cmd");
        }
    }

    /** Passes on an HTTP 2xx/3xx answer to GET {@code path} on the named port. */
    record Http(String port, String path, String scheme) implements CheckProbe {
        public Http {
            Objects.requireNonNull(port, "port");
            path = path == null ? "/" : path;
            scheme = scheme == null ? "http" : scheme;
        }
    }

    /** Passes when a TCP connection to the named port opens. */
    record Tcp(String port) implements CheckProbe {
        public Tcp {
            Objects.requireNonNull(port, "port");
        }
    }

    /** @return the named port the probe uses, or null for a command */
    default String portName() {
        if (this instanceof Http http) {
            return http.port();
        }
        return this instanceof Tcp tcp ? tcp.port() : null;
    }
}
