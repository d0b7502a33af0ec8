package io.stratum.sdk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stratum.sdk.internal.spec.SpecJson;
import io.stratum.sdk.service.Service;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code stratum update SPEC}: a config update of the running service. The spec is rendered and
 * validated here (a framework's: with its defaults, through its factory, exactly as its {@code run}
 * renders it); the scheduler then checks it against its target (volumes can't change, pods can't
 * shrink without allow-decommission, the framework's own validators, ...) and rolls only the pods
 * that changed.
 */
@Command(name = "update", mixinStandardHelpOptions = true, description = "Update the running service's config.")
final class UpdateCommand extends SpecCommand {
    @Mixin
    ApiOptions api;

    UpdateCommand() {
        this(SpecSource.spec());
    }

    UpdateCommand(SpecSource source) {
        super(source);
    }

    @Override
    int call(Service service) throws Exception {
        ApiClient.Reply reply = api.client(processEnv()).put("/v1/configurations/target",
                new ObjectMapper().readTree(SpecJson.toJson(service.spec())));
        command.commandLine().getOut().println(api.json ? reply.text()
                : reply.body().path("message").asText() + " (target " + reply.body().path("targetId").asText() + ")");
        return StratumCli.OK;
    }
}
