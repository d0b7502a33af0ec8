package io.stratum.sdk.cli;

import picocli.CommandLine;

/** The version shown by {@code --version}, from the jar manifest when there is one. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = StratumCli.class.getPackage().getImplementationVersion();
        return new String[] {"stratum " + (version == null ? "development build" : version)};
    }
}
