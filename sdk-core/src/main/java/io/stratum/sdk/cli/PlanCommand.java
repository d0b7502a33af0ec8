package io.stratum.sdk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stratum plan ...}: show and control the plans of a running service through its API. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Show and control plans.",
        subcommands = {PlanCommand.ListPlans.class, PlanCommand.Show.class, PlanCommand.Start.class,
            PlanCommand.Stop.class, PlanCommand.Continue.class, PlanCommand.Interrupt.class,
            PlanCommand.ForceComplete.class, PlanCommand.Restart.class})
final class PlanCommand {

    @Command(name = "list", description = "List the plans.")
    static final class ListPlans extends ClientCommand {
        @Override
        void call(ApiClient client, PrintWriter out) {
            showNames(out, client.get("/v1/plans"));
        }
    }

    @Command(name = "show", description = "Show a plan's phases and steps.")
    static final class Show extends ClientCommand {
        @Parameters(index = "0", paramLabel = "PLAN", defaultValue = "deploy", description = "Default: deploy.") String plan;

        @Override
        void call(ApiClient client, PrintWriter out) {
            show(out, client.get("/v1/plans/" + ApiClient.segment("PLAN", plan)), body -> print(out, body));
        }

        static void print(PrintWriter out, JsonNode plan) {
            out.println(plan.path("name").asText() + " (" + plan.path("strategy").asText() + ") "
                    + plan.path("status").asText());
            for (JsonNode error : plan.path("errors")) {
                out.println("  error: " + error.asText());
            }
            for (JsonNode phase : plan.path("phases")) {
                out.println("  " + phase.path("name").asText() + " (" + phase.path("strategy").asText() + ") "
                        + phase.path("status").asText());
                for (JsonNode step : phase.path("steps")) {
                    out.println("    " + step.path("name").asText() + " " + step.path("status").asText());
                }
            }
        }
    }

    /** Runs one plan control through the API. */
    abstract static class Control extends ClientCommand {
        @Parameters(index = "0", paramLabel = "PLAN", description = "The plan.") String plan;
        private final String command;

        /** @param command the API's name of the control, e.g. {@code forceComplete} */
        Control(String command) {
            this.command = command;
        }

        Map<String, String> query() {
            return Map.of();
        }

        Object body() {
            return null;
        }

        @Override
        void call(ApiClient client, PrintWriter out) {
            show(out, client.post("/v1/plans/" + ApiClient.segment("PLAN", plan) + "/" + command + ApiClient.query(query()), body()),
                    reply -> out.println(reply.path("message").asText()));
        }
    }

    /** A control that may target one phase. */
    abstract static class PhaseControl extends Control {
        PhaseControl(String command) {
            super(command);
        }

        @Option(names = "--phase", paramLabel = "PHASE", description = "Only this phase (name or id).") String phase;

        @Override
        Map<String, String> query() {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("phase", phase);
            return q;
        }
    }

    /** A control that may target one phase or one step. */
    abstract static class StepControl extends PhaseControl {
        StepControl(String command) {
            super(command);
        }

        @Option(names = "--step", paramLabel = "STEP", description = "Only this step (name or id); needs --phase.") String step;

        @Override
        Map<String, String> query() {
            if (step != null && phase == null) {
                throw CliException.badInput("--step needs --phase");
            }
            Map<String, String> q = super.query();
            q.put("step", step);
            return q;
        }
    }

    @Command(name = "start", description = "Start a plan, with parameters for its tasks' environment.")
    static final class Start extends Control {
        @Option(names = {"-p", "--param"}, paramLabel = "K=V", description = "A parameter (repeatable).")
        Map<String, String> params = new LinkedHashMap<>();

        Start() {
            super("start");
        }

        @Override
        Object body() {
            return params;
        }
    }

    @Command(name = "stop", description = "Stop a plan: interrupt it and reset its progress.")
    static final class Stop extends Control {
        Stop() {
            super("stop");
        }
    }

    @Command(name = "continue", description = "Continue an interrupted plan or phase (or approve a canary).")
    static final class Continue extends PhaseControl {
        Continue() {
            super("continue");
        }
    }

    @Command(name = "interrupt", description = "Interrupt a plan or phase: no new step starts.")
    static final class Interrupt extends PhaseControl {
        Interrupt() {
            super("interrupt");
        }
    }

    @Command(name = "force-complete", description = "Mark a plan, phase or step complete.")
    static final class ForceComplete extends StepControl {
        ForceComplete() {
            super("forceComplete");
        }
    }

    @Command(name = "restart", description = "Run a plan, phase or step again.")
    static final class Restart extends StepControl {
        Restart() {
            super("restart");
        }
    }
}
