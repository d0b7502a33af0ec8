package io.stratum.sdk.internal.check;

import io.stratum.sdk.internal.process.ProcessGroup;
import io.stratum.sdk.internal.process.Setsid;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs {@code /bin/sh -c command} in the task's sandbox with the task's environment, in a session
 * (and process group) of its own; passes on exit 0. Its output, stdout and stderr together, goes
 * to a file in the sandbox, whose tail is the outcome's output: written as {@code <file>.running}
 * while the command runs and renamed over the file when it ends, so the file always holds one
 * whole run (the last finished), however often the check runs. When the probe ends, for whatever
 * reason, whatever is left of its group is killed, so a check can leave no process behind.
 */
final class CommandProbe implements Probe {
    private final Setsid setsid;
    private final String command;
    private final CheckContext context;
    private final Path output;
    private final Path running;

    CommandProbe(Setsid setsid, String command, CheckContext context, Path output) {
        this.setsid = setsid;
        this.command = command;
        this.context = context;
        this.output = output;
        this.running = output.resolveSibling(output.getFileName() + ".running");
    }

    @Override
    public CompletableFuture<ProbeOutcome> start() {
        CompletableFuture<ProbeOutcome> result = new CompletableFuture<>();
        Process process;
        try {
            Files.createDirectories(output.getParent());
            ProcessBuilder builder = new ProcessBuilder(setsid.wrap(List.of("/bin/sh", "-c", command)))
                    .directory(context.sandbox().dir().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(running.toFile())
                    .redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(context.sandbox().environment());
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            result.complete(ProbeOutcome.failed("cannot run the check command: " + ProbeOutcome.describe(e)));
            return result;
        }
        ProcessGroup group = new ProcessGroup(process.pid());
        result.whenComplete((outcome, error) -> {
            if (!group.isEmpty()) {
                group.signal(ProcessGroup.Signal.KILL);
            }
        });
        process.onExit().thenAccept(done -> result.complete(outcome(done.exitValue())));
        return result;
    }

    private ProbeOutcome outcome(int exitCode) {
        String tail = tail();
        try {
            Files.move(running, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the sandbox went away (the task was removed): the outcome stands without the file
        }
        return new ProbeOutcome(exitCode == 0, "exit " + exitCode + (tail.isEmpty() ? "" : ": " + tail));
    }

    private String tail() {
        try (RandomAccessFile file = new RandomAccessFile(running.toFile(), "r")) {
            long start = Math.max(0, file.length() - CheckResult.MAX_OUTPUT);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
