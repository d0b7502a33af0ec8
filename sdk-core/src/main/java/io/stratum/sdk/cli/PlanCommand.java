package io.stratum.sdk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stratum plan ...}: show and control the plans of a running service through its API. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Show and control plans.",
        subcommands = {PlanCommand.ListPlans.class, PlanCommand.Show.class, PlanCommand.Start.class,
            PlanCommand.Stop.class, PlanCommand.Continue.class, PlanCommand.Interrupt.class,
            PlanCommand.ForceComplete.class, PlanCommand.Restart.class})
final class PlanCommand {

    @Command(name = "list", description = "List the plans.")
    static final class ListPlans implements Runnable {
        @Mixin ApiOptions api;
        @Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            ApiClient.Reply reply = api.client().get("/v1/plans");
            PrintWriter out = spec.commandLine().getOut();
            if (api.json) {
                out.println(reply.text());
            } else {
                reply.body().forEach(name -> out.println(name.asText()));
            }
        }
    }

    @Command(name = "show", description = "Show a plan's phases and steps.")
    static final class Show implements Runnable {
        @Mixin ApiOptions api;
        @Parameters(index = "0", paramLabel = "PLAN", defaultValue = "deploy", description = "Default: deploy.") String plan;
        @Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            ApiClient.Reply reply = api.client().get("/v1/plans/" + ApiClient.segment(plan));
            PrintWriter out = spec.commandLine().getOut();
            if (api.json) {
                out.println(reply.text());
                return;
            }
            print(out, reply.body());
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
    abstract static class Control implements Runnable {
        @Mixin ApiOptions api;
        @Parameters(index = "0", paramLabel = "PLAN", description = "The plan.") String plan;
        @Spec picocli.CommandLine.Model.CommandSpec spec;

        abstract String command();

        Map<String, String> query() {
            return Map.of();
        }

        Object body() {
            return null;
        }

        @Override
        public void run() {
            ApiClient.Reply reply = api.client().post("/v1/plans/" + ApiClient.segment(plan) + "/" + command()
                    + ApiClient.query(query()), body());
            spec.commandLine().getOut().println(api.json ? reply.text() : reply.body().path("message").asText());
        }
    }

    /** A control that may target one phase. */
    abstract static class PhaseControl extends Control {
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

        @Override
        String command() {
            return "start";
        }

        @Override
        Object body() {
            return params;
        }
    }

    @Command(name = "stop", description = "Stop a plan: interrupt it and reset its progress.")
    static final class Stop extends Control {
        @Override
        String command() {
            return "stop";
        }
    }

    @Command(name = "continue", description = "Continue an interrupted plan or phase (or approve a canary).")
    static final class Continue extends PhaseControl {
        @Override
        String command() {
            return "continue";
        }
    }

    @Command(name = "interrupt", description = "Interrupt a plan or phase: no new step starts.")
    static final class Interrupt extends PhaseControl {
        @Override
        String command() {
            return "interrupt";
        }
    }

    @Command(name = "force-complete", description = "Mark a plan, phase or step complete.")
    static final class ForceComplete extends StepControl {
        @Override
        String command() {
            return "forceComplete";
        }
    }

    @Command(name = "restart", description = "Run a plan, phase or step again.")
    static final class Restart extends StepControl {
        @Override
        String command() {
            return "restart";
        }
    }
}
