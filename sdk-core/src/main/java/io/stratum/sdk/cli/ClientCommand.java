package io.stratum.sdk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * A command that talks to a running service's API ({@code --api}, {@code --api-token},
 * {@code --json}): subclasses make their calls in {@link #call} and print with {@link #show}.
 */
abstract class ClientCommand implements Runnable {
    @Mixin
    ApiOptions api;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final void run() {
        call(api.client(StratumCli.env(spec)), spec.commandLine().getOut());
    }

    /** Makes the command's calls through {@code client} and prints to {@code out}. */
    abstract void call(ApiClient client, PrintWriter out);

    /** Prints the reply's JSON as is under {@code --json}, else what {@code human} makes of its body. */
    final void show(PrintWriter out, ApiClient.Reply reply, Consumer<JsonNode> human) {
        if (api.json) {
            out.println(reply.text());
        } else {
            human.accept(reply.body());
        }
    }

    /** Prints a reply that is a list of names, one a line (or its JSON under {@code --json}). */
    final void showNames(PrintWriter out, ApiClient.Reply reply) {
        show(out, reply, names -> names.forEach(name -> out.println(name.asText())));
    }
}
