package io.stratum.sdk.cli;

import io.stratum.sdk.internal.spec.ServiceSpecSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code stratum schema}: prints the JSON Schema of service specs (for editor completion). */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of service specs.")
final class SchemaCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public void run() {
        command.commandLine().getOut().print(ServiceSpecSchema.json());
        command.commandLine().getOut().flush();
    }
}
