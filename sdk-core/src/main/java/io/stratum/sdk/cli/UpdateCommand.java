package io.stratum.sdk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecJson;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stratum update SPEC}: a config update of the running service. The spec is rendered and
 * validated here; the scheduler then checks it against its target (volumes can't change, pods
 * can't shrink without allow-decommission, ...) and rolls only the pods that changed.
 */
@Command(name = "update", mixinStandardHelpOptions = true, description = "Update the running service's config.")
final class UpdateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "The new service spec.")
    Path file;

    @Mixin
    EnvOptions env;

    @Mixin
    ApiOptions api;

    @Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        java.util.Optional<ServiceSpec> loaded = ValidateCommand.loadOrReport(file, env, command.commandLine());
        if (loaded.isEmpty()) {
            return StratumCli.BAD_INPUT;
        }
        ServiceSpec spec = loaded.get();
        ApiClient.Reply reply = api.client().put("/v1/configurations/target",
                new ObjectMapper().readTree(SpecJson.toJson(spec)));
        command.commandLine().getOut().println(api.json ? reply.text()
                : reply.body().path("message").asText() + " (target " + reply.body().path("targetId").asText() + ")");
        return StratumCli.OK;
    }
}
