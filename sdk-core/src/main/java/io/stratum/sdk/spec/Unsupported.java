package io.stratum.sdk.spec;

/**
 * DC/OS SDK spec fields whose features need DC/OS itself (its secret store, virtual networks,
 * certificate authority, Docker volume drivers, seccomp profiles, IPC isolation). They are
 * recognised, so a DC/OS spec gets a clear "not supported: ..." instead of "unknown field".
 */
final class Unsupported {
    private Unsupported() {}

    static void podFields(MappingReader m) {
        networks(m);
        m.unsupported("secrets", "secrets (the DC/OS secret store)");
        if (m.bool("seccomp-unconfined", false)) {
            m.problem("seccomp-unconfined", "not supported: seccomp-unconfined (DC/OS seccomp profiles)");
        }
        m.unsupported("seccomp-profile-name", "seccomp-profile-name (DC/OS seccomp profiles)");
        m.unsupported("external-volumes", "external-volumes (DC/OS external Docker volume drivers)");
        m.unsupported("ipc-mode", "ipc-mode (Mesos IPC namespace isolation)");
        m.unsupported("shm-size", "shm-size (Mesos /dev/shm isolation)");
    }

    /** {@code networks} of a pod (or of its older {@code container} form): only {@code host} runs. */
    static void networks(MappingReader m) {
        YamlNode networks = m.node("networks");
        if (networks instanceof YamlNode.Mapping mapping) {
            for (String network : mapping.entries().keySet()) {
                if (!network.equals("host")) {
                    m.problem("networks", "not supported: virtual network '" + network
                            + "' (DC/OS overlay networks); tasks use the agent's host network");
                }
            }
        } else if (networks != null) {
            m.problem("networks", "expected a mapping of network names, got " + networks.describe());
        }
    }

    static void taskFields(MappingReader m) {
        m.unsupported("transport-encryption", "transport-encryption (TLS certificates from the DC/OS CA)");
        m.unsupported("ipc-mode", "ipc-mode (Mesos IPC namespace isolation)");
        m.unsupported("shm-size", "shm-size (Mesos /dev/shm isolation)");
    }
}
