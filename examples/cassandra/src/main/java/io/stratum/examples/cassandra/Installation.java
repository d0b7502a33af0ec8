package io.stratum.examples.cassandra;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where this framework's files are on this machine: its folder ({@code examples/cassandra}, with
 * {@code options.env}), the nodes' classpath its build assembles ({@code node/target/lib}) and the
 * classpath of the node probe ({@code target/classes}, JDK classes only otherwise).
 *
 * @param folder the framework's folder
 * @param tools  the classpath entry holding {@link io.stratum.examples.cassandra.probe.NodeProbe}
 */
record Installation(Path folder, Path tools) {
    Installation {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(tools, "tools");
    }

    /** @return the installation this class was loaded from ({@code <folder>/target/classes} or a jar in {@code target}) */
    static Installation ofThisFramework() {
        Path tools;
        try {
            tools = Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where the Cassandra framework's classes are", e);
        }
        Path target = tools.getParent();
        Path folder = target == null || target.getParent() == null ? tools : target.getParent();
        return new Installation(folder, tools);
    }

    /** @return the options' defaults, {@code options.env} */
    Path defaults() {
        return folder.resolve("options.env");
    }

    /** @return the nodes' classpath: a folder of jars */
    Path nodeLib() {
        return folder.resolve("node").resolve("target").resolve("lib");
    }
}
