package io.stratum.sdk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.internal.spec.SpecJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code stratum update SPEC}: a config update of the running service. The spec is rendered and
 * validated here; the scheduler then checks it against its target (volumes can't change, pods
 * can't shrink without allow-decommission, ...) and rolls only the pods that changed.
 */
@Command(name = "update", mixinStandardHelpOptions = true, description = "Update the running service's config.")
final class UpdateCommand extends SpecCommand {
    @Mixin
    ApiOptions api;

    @Override
    int call(ServiceSpec spec) throws Exception {
        ApiClient.Reply reply = api.client(StratumCli.env(command)).put("/v1/configurations/target",
                new ObjectMapper().readTree(SpecJson.toJson(spec)));
        command.commandLine().getOut().println(api.json ? reply.text()
                : reply.body().path("message").asText() + " (target " + reply.body().path("targetId").asText() + ")");
        return StratumCli.OK;
    }
}
