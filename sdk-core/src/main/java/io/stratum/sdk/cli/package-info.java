/**
 * The {@code stratum} command line ({@link io.stratum.sdk.cli.StratumCli}): {@code validate},
 * {@code schema}, {@code run}, {@code update}, {@code uninstall} and the client commands that talk
 * to a running service's API. Flags are parsed and named here only;
 * {@link io.stratum.sdk.cli.StratumCli#run(io.stratum.sdk.service.Service, String...)} runs a
 * framework's service with the flags of {@code stratum run}.
 */
package io.stratum.sdk.cli;
