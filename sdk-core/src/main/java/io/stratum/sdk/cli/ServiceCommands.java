package io.stratum.sdk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The read-only client commands: endpoints, configurations, state, and why a pod is pending. */
final class ServiceCommands {
    private ServiceCommands() {}

    @Command(name = "endpoints", mixinStandardHelpOptions = true,
            description = "List advertised endpoints, or show the addresses of one.")
    static final class Endpoints extends ClientCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "An endpoint's name.") String name;

        @Override
        void call(ApiClient client, PrintWriter out) {
            if (name == null) {
                showNames(out, client.get("/v1/endpoints"));
            } else {
                out.println(client.get("/v1/endpoints/" + ApiClient.segment("NAME", name)).text());
            }
        }
    }

    @Command(name = "config", mixinStandardHelpOptions = true, description = "Show stored configurations.",
            subcommands = {Config.ListConfigs.class, Config.Show.class, Config.Target.class})
    static final class Config {
        @Command(name = "list", description = "List configuration ids.")
        static final class ListConfigs extends ClientCommand {
            @Override
            void call(ApiClient client, PrintWriter out) {
                out.println(client.get("/v1/configurations").text());
            }
        }

        @Command(name = "show", description = "Show one configuration.")
        static final class Show extends ClientCommand {
            @Parameters(index = "0", paramLabel = "ID", description = "A configuration id (see config list).") String id;

            @Override
            void call(ApiClient client, PrintWriter out) {
                out.println(client.get("/v1/configurations/" + ApiClient.segment("ID", id)).text());
            }
        }

        @Command(name = "target", description = "Show the target configuration.")
        static final class Target extends ClientCommand {
            @Override
            void call(ApiClient client, PrintWriter out) {
                out.println(client.get("/v1/configurations/target").text());
            }
        }
    }

    @Command(name = "state", mixinStandardHelpOptions = true, description = "Show the framework id and stored properties.")
    static final class State extends ClientCommand {
        @Override
        void call(ApiClient client, PrintWriter out) {
            out.println("framework id: " + client.get("/v1/state/frameworkId").body().path("frameworkId").asText());
            out.println("properties: " + client.get("/v1/state/properties").text().strip());
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "Why a pod is pending: the last offer evaluation of its waiting steps.")
    static final class Explain extends ClientCommand {
        @Parameters(index = "0", paramLabel = "POD", description = "A pod type (hello) or instance (hello-0).") String pod;

        @Override
        void call(ApiClient client, PrintWriter out) {
            Pattern instanceOfType = Pattern.compile(Pattern.quote(pod) + "-\\d+");
            List<String> instances = new ArrayList<>();
            client.get("/v1/pod").body().forEach(name -> instances.add(name.asText()));
            if (instances.stream().noneMatch(name -> name.equals(pod) || instanceOfType.matcher(name).matches())) {
                throw CliException.refused("POD: no pod type or instance '" + pod + "'; pod instances: "
                        + (instances.isEmpty() ? "none" : String.join(", ", instances)));
            }
            JsonNode reasons = client.get("/v1/debug/offers").body();
            boolean any = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = reasons.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String step = entry.getKey();
                String instance = step.contains(":") ? step.substring(0, step.indexOf(':')) : step;
                if (instance.equals(pod) || instanceOfType.matcher(instance).matches()) {
                    any = true;
                    out.println(step + ":");
                    entry.getValue().asText().lines().forEach(line -> out.println("  " + line));
                }
            }
            if (!any) {
                out.println("nothing pending for " + pod + ": its steps are placed, or have not been offered resources yet");
            }
        }
    }
}
