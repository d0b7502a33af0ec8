package io.stratum.sdk.spec;

/** The naming rules of specs, shared by the annotations and the cross-field checks. */
final class SpecNames {
    private SpecNames() {}

    /**
     * DNS-safe label: letters, digits and dashes, starting with a letter. DNS is case-insensitive,
     * so upper case is allowed (DC/OS specs use names like {@code custom-pod-A}).
     */
    static final String DNS_LABEL = "[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    static final String DNS_RULE = "must be DNS-safe: letters, digits and '-', starting with a "
            + "letter, not ending with '-', at most 63 characters";
    /**
     * Task names: a DNS-safe label that may also hold '_', as the DC/OS SDK allowed (its Cassandra
     * service has a task {@code init_system_keyspaces}). Task names are not host names themselves;
     * a task's DNS name comes from its {@code discovery.prefix} when it needs a clean one.
     */
    static final String TASK_NAME = "[A-Za-z]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?";
    static final String TASK_NAME_RULE = "must be letters, digits, '-' and '_', starting with a letter, "
            + "not ending with '-' or '_', at most 63 characters";
    private static final String LOWER_LABEL = "[a-z]([a-z0-9-]{0,61}[a-z0-9])?";
    /** Service names may be a folder path of lower-case DNS labels, as in DC/OS ({@code /folder/name}). */
    static final String SERVICE_NAME = "/?" + LOWER_LABEL + "(/" + LOWER_LABEL + ")*";
    static final String SERVICE_NAME_RULE = "must be DNS-safe: lower-case letters, digits and '-' "
            + "(folders separated by '/'), each part starting with a letter";
    /** Environment variable names. */
    static final String ENV_NAME = "[A-Za-z_][A-Za-z0-9_]*";
    static final String ENV_RULE = "must be a valid environment variable name (letters, digits, '_', "
            + "not starting with a digit)";

    static boolean isDnsLabel(String name) {
        return name != null && name.matches(DNS_LABEL);
    }
}
