package io.stratum.sdk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stratum pod ...}: pod instances of a running service, through its API. */
@Command(name = "pod", mixinStandardHelpOptions = true, description = "Show and control pod instances.",
        subcommands = {PodCommand.ListPods.class, PodCommand.Status.class, PodCommand.Info.class,
            PodCommand.Restart.class, PodCommand.Replace.class, PodCommand.Pause.class, PodCommand.Resume.class})
final class PodCommand {

    @Command(name = "list", description = "List pod instances.")
    static final class ListPods implements Runnable {
        @Mixin ApiOptions api;
        @Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            ApiClient.Reply reply = api.client().get("/v1/pod");
            PrintWriter out = spec.commandLine().getOut();
            if (api.json) {
                out.println(reply.text());
            } else {
                reply.body().forEach(n -> out.println(n.asText()));
            }
        }
    }

    @Command(name = "status", description = "Task states of every pod instance, or of one.")
    static final class Status implements Runnable {
        @Mixin ApiOptions api;
        @Parameters(index = "0", arity = "0..1", paramLabel = "POD", description = "A pod instance, e.g. hello-0.") String pod;
        @Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            ApiClient.Reply reply = api.client().get(pod == null ? "/v1/pod/status" : "/v1/pod/" + ApiClient.segment(pod) + "/status");
            PrintWriter out = spec.commandLine().getOut();
            if (api.json) {
                out.println(reply.text());
            } else if (pod == null) {
                for (JsonNode type : reply.body().path("pods")) {
                    type.path("instances").forEach(instance -> print(out, instance));
                }
            } else {
                print(out, reply.body());
            }
        }

        private static void print(PrintWriter out, JsonNode instance) {
            out.println(instance.path("name").asText() + (instance.path("paused").asBoolean() ? " (paused)" : ""));
            for (JsonNode task : instance.path("tasks")) {
                out.println("  " + task.path("name").asText() + " " + task.path("status").asText() + " " + task.path("id").asText());
            }
        }
    }

    @Command(name = "info", description = "Everything known about a pod instance's tasks.")
    static final class Info implements Runnable {
        @Mixin ApiOptions api;
        @Parameters(index = "0", paramLabel = "POD") String pod;
        @Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().getOut().println(api.client().get("/v1/pod/" + ApiClient.segment(pod) + "/info").text());
        }
    }

    /** A pod command through the API. */
    abstract static class PodAction implements Runnable {
        @Mixin ApiOptions api;
        @Parameters(index = "0", paramLabel = "POD", description = "A pod instance, e.g. hello-0.") String pod;
        @Spec picocli.CommandLine.Model.CommandSpec spec;

        abstract String action();

        @Override
        public void run() {
            ApiClient.Reply reply = api.client().post("/v1/pod/" + ApiClient.segment(pod) + "/" + action(), null);
            PrintWriter out = spec.commandLine().getOut();
            if (api.json) {
                out.println(reply.text());
            } else {
                out.println(action() + " " + pod + ": " + reply.body().path("tasks"));
            }
        }
    }

    @Command(name = "restart", description = "Relaunch a pod instance's tasks in place.")
    static final class Restart extends PodAction {
        @Override
        String action() {
            return "restart";
        }
    }

    @Command(name = "replace", description = "Relaunch a pod instance elsewhere on fresh resources.")
    static final class Replace extends PodAction {
        @Override
        String action() {
            return "replace";
        }
    }

    @Command(name = "pause", description = "Relaunch a pod instance's tasks idle (for debugging).")
    static final class Pause extends PodAction {
        @Override
        String action() {
            return "pause";
        }
    }

    @Command(name = "resume", description = "Relaunch a paused pod instance's tasks as specified.")
    static final class Resume extends PodAction {
        @Override
        String action() {
            return "resume";
        }
    }
}
