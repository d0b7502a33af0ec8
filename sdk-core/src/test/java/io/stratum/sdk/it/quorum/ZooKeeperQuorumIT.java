package io.stratum.sdk.it.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.it.LocalServices;
import io.stratum.sdk.it.Processes;
import io.stratum.sdk.it.RunLedger;
import io.stratum.sdk.it.SchedulerJvm;
import io.stratum.sdk.it.ServiceApi;
import io.stratum.sdk.it.ZooKeeperQuorum;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: {@code stratum run} (in a JVM of its own) over a real three-server ZooKeeper quorum on
 * loopback, deploying 6 pods of two tasks with volumes and readiness checks ({@link RunLedger}).
 *
 * <ul>
 *   <li>The ZooKeeper leader is SIGKILLed mid-deploy: the two others elect a new leader, the
 *       scheduler's session moves to one of them, and the deploy goes on and completes; the
 *       scheduler process never exits. Figures: seconds from the kill to the next change of a
 *       step, and the longest time no step changed during the deploy.
 *   <li>Two of the three servers are SIGKILLed mid-deploy (the quorum lost) for longer than the
 *       session: the scheduler stops acting at once (no task is launched while the quorum is lost),
 *       the API answers without hanging (what each endpoint answers is printed), and once the two
 *       servers are back the scheduler leads again in the same process and the deploy completes.
 * </ul>
 * In both, no task ever runs twice (one run line per volume, no overlap) and no line is lost.
 */
class ZooKeeperQuorumIT {
    private static final String[] PODS = {"app-0", "app-1", "app-2", "app-3", "app-4", "app-5"};
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Duration DEPLOY = Duration.ofMinutes(3);
    private static final List<String> PROBES = List.of("GET /v1/plans/deploy", "GET /v1/pod/status",
            "GET /v1/pod/app-0/info", "GET /v1/health", "GET /v1/configurations/targetId", "GET /v1/state/properties",
            "POST /v1/pod/app-5/restart");

    @RegisterExtension
    final LocalServices services = new LocalServices();

    @TempDir
    Path dir;

    private ZooKeeperQuorum quorum;
    private SchedulerJvm jvm;
    private boolean passed;

    @Test
    void killingTheZooKeeperLeaderMidDeployPausesLittleAndLosesNothing() throws Exception {
        ServiceApi api = startMidDeploy("zk-leader-kill");
        RunLedger ledger = new RunLedger(dir.resolve("work"));
        StepWatch watch = new StepWatch(api);
        watch.start();
        watch.awaitChange(); // the watch has seen the plan at least once

        int leader = quorum.leader().orElseThrow();
        long killed = System.nanoTime();
        quorum.kill(leader);
        watch.markFault(killed);
        await("a new ZooKeeper leader").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> quorum.leader().isPresent());
        double elected = (System.nanoTime() - killed) / 1e9;
        await("deploy COMPLETE after the ZooKeeper leader's kill").atMost(DEPLOY).pollInterval(LocalServices.POLL)
                .until(api::deployComplete);
        watch.stop();

        System.out.printf("FIGURE zk-leader-kill: new ZooKeeper leader elected after %.2f s%n", elected);
        System.out.printf("FIGURE zk-leader-kill: kill to the next step change: %.2f s%n", watch.faultToNextChange());
        System.out.printf("FIGURE zk-leader-kill: longest time no step changed during the deploy: %.2f s%n",
                watch.longestStill());
        System.out.println("FIGURE zk-leader-kill: scheduler terms lost and resumed: "
                + count(jvm.output(), "leading again: resumed"));
        assertNothingRanTwice(ledger);
        assertThat(jvm.handle().isAlive()).as("the scheduler process did not exit").isTrue();
        passed = true;
    }

    @Test
    void losingTheQuorumMidDeployStopsEveryMutationUntilItReturns() throws Exception {
        ServiceApi api = startMidDeploy("zk-quorum-loss");
        Path workDir = dir.resolve("work");
        RunLedger ledger = new RunLedger(workDir);

        int leader = quorum.leader().orElseThrow();
        int follower = (leader + 1) % 3;
        long lost = System.nanoTime();
        quorum.kill(leader);
        quorum.kill(follower);
        await("the scheduler stops acting").atMost(Duration.ofSeconds(30)).pollInterval(LocalServices.POLL)
                .until(() -> jvm.output().contains("lost leadership: stopped acting"));
        System.out.printf("FIGURE zk-quorum-loss: kill of 2 of 3 servers to the scheduler stopping: %.2f s%n",
                (System.nanoTime() - lost) / 1e9);
        assertThat(api.deployComplete()).as("still mid-deploy when the quorum was lost").isFalse();

        // The fault itself: the quorum stays lost for OUTAGE (longer than the 4 s session). Throughout,
        // no task is launched and the API answers.
        Set<Long> launched = new TreeSet<>(Processes.taskPids(workDir));
        Map<Path, String> runs = ledger.snapshot();
        List<String> answers = new ArrayList<>();
        long until = System.nanoTime() + OUTAGE.toNanos();
        while (System.nanoTime() < until) {
            if (answers.isEmpty()) {
                PROBES.forEach(probe -> answers.add(probe(api.base(), probe)));
            }
            assertThat(new TreeSet<>(Processes.taskPids(workDir))).as("no task launched while the quorum is lost")
                    .isEqualTo(launched);
            assertThat(ledger.snapshot()).as("no run recorded while the quorum is lost").isEqualTo(runs);
            Thread.sleep(200); // polling within the outage, not waiting for a condition
        }
        answers.forEach(a -> System.out.println("FIGURE zk-quorum-loss: API while the quorum is lost: " + a));
        assertThat(answers).as("every request answered").noneMatch(a -> a.contains("no answer"));
        assertThat(jvm.handle().isAlive()).as("the scheduler process did not exit").isTrue();

        long back = System.nanoTime();
        quorum.start(leader);
        quorum.start(follower);
        int resumedBefore = count(jvm.output(), "leading again: resumed");
        await("the scheduler leads again").atMost(DEPLOY).pollInterval(LocalServices.POLL)
                .until(() -> count(jvm.output(), "leading again: resumed") > 0);
        double resumed = (System.nanoTime() - back) / 1e9;
        await("deploy COMPLETE after the quorum returned").atMost(DEPLOY).pollInterval(LocalServices.POLL)
                .until(api::deployComplete);
        System.out.printf("FIGURE zk-quorum-loss: quorum back (2 servers restarted) to the scheduler leading again: %.2f s"
                + " (resumed before: %d)%n", resumed, resumedBefore);
        System.out.printf("FIGURE zk-quorum-loss: quorum back to deploy COMPLETE: %.2f s%n", (System.nanoTime() - back) / 1e9);
        assertNothingRanTwice(ledger);
        assertThat(jvm.handle().isAlive()).as("the scheduler process did not exit").isTrue();
        passed = true;
    }

    /** Starts the quorum and the scheduler on it; returns once a first task ran (mid-deploy). */
    private ServiceApi startMidDeploy(String name) throws Exception {
        long started = System.nanoTime();
        quorum = ZooKeeperQuorum.start(dir.resolve("zk"));
        System.out.printf("FIGURE %s: 3-server quorum up in %.2f s%n", name, (System.nanoTime() - started) / 1e9);
        Path workDir = dir.resolve("work");
        services.watch(workDir);
        RunLedger ledger = new RunLedger(workDir);
        Path spec = LocalServices.writeSpec(dir.resolve("spec"), RunLedger.spec(name, PODS.length));
        jvm = SchedulerJvm.run(spec, workDir, dir.resolve("scheduler.log"), "--zookeeper", quorum.connectString());
        ServiceApi api = jvm.awaitApi();
        await("a task running mid-deploy").atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                .until(() -> !ledger.snapshot().isEmpty());
        assertThat(api.deployComplete()).as("mid-deploy").isFalse();
        return api;
    }

    private void assertNothingRanTwice(RunLedger ledger) {
        ledger.assertNothingLostSince(Map.of());
        assertThat(ledger.runCounts()).as("each task ran once: %s", ledger.describe()).hasSize(2 * PODS.length)
                .allSatisfy((file, runs) -> assertThat(runs).isEqualTo(1L));
        assertThat(jvm.output()).doesNotContain("lost leadership: stopping this scheduler");
    }

    /** @return "METHOD path: code in s", or "no answer" if none came within 20 s */
    private static String probe(URI base, String probe) {
        String[] parts = probe.split(" ");
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(parts[1])).timeout(Duration.ofSeconds(20));
        request = parts[0].equals("GET") ? request.GET() : request.POST(HttpRequest.BodyPublishers.noBody());
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body().replaceAll("\\s+", " ");
            return String.format("%s -> %d in %.2f s (%s)", probe, response.statusCode(), (System.nanoTime() - sent) / 1e9,
                    body.length() > 100 ? body.substring(0, 100) + "..." : body);
        } catch (Exception e) {
            return String.format("%s -> no answer in %.2f s (%s)", probe, (System.nanoTime() - sent) / 1e9, e);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** Polls the deploy plan's step statuses and remembers when they changed. */
    private static final class StepWatch {
        private final ServiceApi api;
        private final List<Long> changes = new ArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong fault = new AtomicLong();
        private Thread thread;

        StepWatch(ServiceApi api) {
            this.api = api;
        }

        void start() {
            thread = new Thread(() -> {
                String last = null;
                while (running.get()) {
                    try {
                        String now = api.get("/v1/plans/deploy").body().findValues("status").toString();
                        if (!now.equals(last)) {
                            synchronized (changes) {
                                changes.add(System.nanoTime());
                            }
                            last = now;
                        }
                    } catch (UncheckedIOException e) {
                        // no answer this time: the step statuses are unknown, not changed
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "step-watch");
            thread.setDaemon(true);
            thread.start();
        }

        void awaitChange() {
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                synchronized (changes) {
                    return !changes.isEmpty();
                }
            });
        }

        void markFault(long at) {
            fault.set(at);
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }

        double faultToNextChange() {
            synchronized (changes) {
                return changes.stream().filter(t -> t > fault.get()).findFirst().map(t -> (t - fault.get()) / 1e9)
                        .orElse(Double.NaN);
            }
        }

        double longestStill() {
            synchronized (changes) {
                long longest = 0;
                for (int i = 1; i < changes.size(); i++) {
                    longest = Math.max(longest, changes.get(i) - changes.get(i - 1));
                }
                return longest / 1e9;
            }
        }
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (jvm != null) {
            jvm.close();
            if (!passed) {
                System.out.println("--- output of the scheduler JVM ---\n" + jvm.output());
            }
        }
        if (quorum != null) {
            if (!passed) {
                System.out.println(quorum.logs());
            }
            quorum.close();
        }
    }
}
