/**
 * The {@code stratum} command line ({@link io.stratum.sdk.cli.StratumCli}): {@code validate},
 * {@code schema}, {@code run}, {@code update}, {@code uninstall} and the client commands that talk
 * to a running service's API. Flags are parsed and named here only;
 * {@link io.stratum.sdk.cli.StratumCli#run(java.nio.file.Path, io.stratum.sdk.cli.StratumCli.ServiceFactory, String...)}
 * is a framework's {@code main}: {@code run}, {@code validate}, {@code update} and
 * {@code uninstall} of its service, made by its factory from its spec with its folder's
 * {@code options.env} defaults; {@link io.stratum.sdk.cli.StratumCli#run(io.stratum.sdk.service.Service, String...)}
 * runs an already built service with the flags of {@code stratum run}.
 */
package io.stratum.sdk.cli;
