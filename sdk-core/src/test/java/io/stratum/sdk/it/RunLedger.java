package io.stratum.sdk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the fault tests' tasks leave on their volumes: each run of a task takes an exclusive
 * {@code flock} on {@code <volume>/lock} (held by its process for as long as it runs) and appends
 * {@code run <pid>} to {@code <volume>/runs}; a run that finds the lock held, because another run
 * of the same task is still alive, appends {@code overlap <pid>} and exits. So a volume's
 * {@code runs} file holds every run of its task in order, and an {@code overlap} line proves that
 * a task ran twice at once. {@link #snapshot} and {@link #assertNothingLostSince} check that no
 * line ever disappears (volume data kept across restarts and relaunches).
 */
public final class RunLedger {
    private final Path workDir;

    public RunLedger(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * The fault tests' service: {@code pods} pod instances of two tasks, each task with a ROOT
     * volume and a readiness check that passes once the run is recorded on it.
     */
    public static String spec(String name, int pods) {
        return """
                name: %s
                pods:
                  app:
                    count: %d
                    tasks:
                      main:
                        cmd: %s
                        cpus: 0.1
                        memory: 32
                        volume: {path: data, type: ROOT, size: 16}
                        readiness-check: {cmd: grep -q run data/runs, interval: 1, delay: 0}
                      side:
                        cmd: %s
                        cpus: 0.1
                        memory: 32
                        volume: {path: side-data, type: ROOT, size: 16}
                        readiness-check: {cmd: grep -q run side-data/runs, interval: 1, delay: 0}
                """.formatted(name, pods, command("data"), command("side-data"));
    }

    /** @return the shell command of a task whose volume is at {@code volume}: lock, record the run, sleep */
    public static String command(String volume) {
        return "'exec 9>>" + volume + "/lock; if ! flock -n 9; then echo \"overlap $$\" >> " + volume
                + "/runs; exit 1; fi; echo \"run $$\" >> " + volume + "/runs; exec sleep 100000'";
    }

    /** @return every task volume's {@code runs} file and its content, by path */
    public Map<Path, String> snapshot() {
        Map<Path, String> runs = new TreeMap<>();
        Path agents = workDir.resolve("cluster").resolve("agents");
        if (!Files.isDirectory(agents)) {
            return runs;
        }
        try (Stream<Path> files = Files.find(agents, 4, (p, a) -> p.getFileName().toString().equals("runs")
                && p.getParent().getParent().getFileName().toString().equals("volumes"))) {
            for (Path file : files.toList()) {
                runs.put(file, Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return runs;
    }

    /** Every line recorded before is still there (each file only grew), and no run overlapped another. */
    public Map<Path, String> assertNothingLostSince(Map<Path, String> before) {
        Map<Path, String> now = snapshot();
        before.forEach((file, content) -> assertThat(now.get(file)).as("volume file %s kept its lines", file)
                .startsWith(content));
        now.forEach((file, content) -> assertThat(content).as("no two runs of the task of %s overlapped", file)
                .doesNotContain("overlap"));
        return now;
    }

    /** @return how many runs each volume recorded, by path */
    public Map<Path, Long> runCounts() {
        Map<Path, Long> counts = new TreeMap<>();
        snapshot().forEach((file, content) -> counts.put(file, content.lines().filter(l -> l.startsWith("run ")).count()));
        return counts;
    }

    /** @return the lines of every runs file, for a failure message */
    public List<String> describe() {
        return snapshot().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().lines().toList()).toList();
    }
}
