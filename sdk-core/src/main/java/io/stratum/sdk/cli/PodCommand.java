package io.stratum.sdk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code stratum pod ...}: pod instances of a running service, through its API. */
@Command(name = "pod", mixinStandardHelpOptions = true, description = "Show and control pod instances.",
        subcommands = {PodCommand.ListPods.class, PodCommand.Status.class, PodCommand.Info.class,
            PodCommand.Restart.class, PodCommand.Replace.class, PodCommand.Pause.class, PodCommand.Resume.class})
final class PodCommand {

    @Command(name = "list", description = "List pod instances.")
    static final class ListPods extends ClientCommand {
        @Override
        void call(ApiClient client, PrintWriter out) {
            showNames(out, client.get("/v1/pod"));
        }
    }

    @Command(name = "status", description = "Task states of every pod instance, or of one.")
    static final class Status extends ClientCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "POD", description = "A pod instance, e.g. hello-0.") String pod;

        @Override
        void call(ApiClient client, PrintWriter out) {
            if (pod != null) {
                show(out, client.get("/v1/pod/" + ApiClient.segment("POD", pod) + "/status"), body -> print(out, body));
                return;
            }
            show(out, client.get("/v1/pod/status"), body -> body.path("pods")
                    .forEach(type -> type.path("instances").forEach(instance -> print(out, instance))));
        }

        private static void print(PrintWriter out, JsonNode instance) {
            out.println(instance.path("name").asText() + (instance.path("paused").asBoolean() ? " (paused)" : ""));
            for (JsonNode task : instance.path("tasks")) {
                out.println("  " + task.path("name").asText() + " " + task.path("status").asText() + " " + task.path("id").asText());
            }
        }
    }

    @Command(name = "info", description = "Everything known about a pod instance's tasks.")
    static final class Info extends ClientCommand {
        @Parameters(index = "0", paramLabel = "POD", description = "A pod instance, e.g. hello-0.") String pod;

        @Override
        void call(ApiClient client, PrintWriter out) {
            out.println(client.get("/v1/pod/" + ApiClient.segment("POD", pod) + "/info").text());
        }
    }

    /** A pod command through the API. */
    abstract static class PodAction extends ClientCommand {
        @Parameters(index = "0", paramLabel = "POD", description = "A pod instance, e.g. hello-0.") String pod;
        private final String action;

        /** @param action the API's name of the action, e.g. {@code restart} */
        PodAction(String action) {
            this.action = action;
        }

        @Override
        void call(ApiClient client, PrintWriter out) {
            show(out, client.post("/v1/pod/" + ApiClient.segment("POD", pod) + "/" + action, null),
                    body -> out.println(action + " " + pod + ": " + body.path("tasks")));
        }
    }

    @Command(name = "restart", description = "Relaunch a pod instance's tasks in place.")
    static final class Restart extends PodAction {
        Restart() {
            super("restart");
        }
    }

    @Command(name = "replace", description = "Relaunch a pod instance elsewhere on fresh resources.")
    static final class Replace extends PodAction {
        Replace() {
            super("replace");
        }
    }

    @Command(name = "pause", description = "Relaunch a pod instance's tasks idle (for debugging).")
    static final class Pause extends PodAction {
        Pause() {
            super("pause");
        }
    }

    @Command(name = "resume", description = "Relaunch a paused pod instance's tasks as specified.")
    static final class Resume extends PodAction {
        Resume() {
            super("resume");
        }
    }
}
