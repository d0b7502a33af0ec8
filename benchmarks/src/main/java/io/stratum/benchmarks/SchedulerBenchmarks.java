package io.stratum.benchmarks;

import io.stratum.sdk.internal.scheduler.ServiceScheduler;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.internal.state.Persister;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The real {@link ServiceScheduler} at scale, on the simulated cluster, one shot per deploy or
 * restart:
 *
 * <ul>
 *   <li>{@code deploy1000Pods}: 1,000 instances of a one-task pod ({@code hostname:UNIQUE}, a ROOT
 *       volume, a dynamic port, a readiness check) on 1,000 agents, in a parallel phase, from
 *       scheduler start to the deploy plan COMPLETE, with an in-memory store. Goal: under 10 s.</li>
 *   <li>{@code deploy1000PodsSerial}: the same in a serial phase, one instance per offer round,
 *       so 1,000 rounds of 1,000 offers each.</li>
 *   <li>{@code restart10000Tasks}: a new scheduler over a real ZooKeeper store holding 10,000
 *       running tasks (see {@link RestartFixture}), from connecting to ready to schedule. Goal:
 *       under 2 s.</li>
 * </ul>
 *
 * Every shot is checked after it, outside the timing, and the run fails if the answer is wrong.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// ZooKeeper and Curator log every connection at INFO; keep them out of the output
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=error"})
public class SchedulerBenchmarks {
    static final int PODS = 1_000;

    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public ServiceScheduler deploy1000Pods(ParallelDeploy deploy) {
        return deploy.run();
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public ServiceScheduler deploy1000PodsSerial(SerialDeploy deploy) {
        return deploy.run();
    }

    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public ServiceScheduler restart10000Tasks(RestartFixture fixture) {
        return fixture.restart();
    }

    /** A fresh cluster of 1,000 agents and a fresh in-memory store for every shot. */
    @State(Scope.Thread)
    public abstract static class DeployShot {
        private ServiceSpec spec;
        private SimDeployment deployment;

        /** @return the deploy phase's strategy */
        abstract String strategy();

        @Setup(Level.Trial)
        public void loadSpec() {
            spec = BenchServices.oneTaskPods(PODS, strategy(), "hostname:UNIQUE");
        }

        @Setup(Level.Invocation)
        public void createCluster() {
            deployment = new SimDeployment(PODS);
        }

        ServiceScheduler run() {
            ServiceScheduler scheduler = deployment.start(spec, Persister.inMemory());
            deployment.deployUntilComplete(2 * PODS + 10);
            return scheduler;
        }

        @TearDown(Level.Invocation)
        public void checkEveryPodRuns() {
            deployment.checkAllRunning(PODS, true);
            deployment = null;
        }
    }

    /** The deploy plan's phase is parallel: every instance is placed in the first offer round. */
    public static class ParallelDeploy extends DeployShot {
        @Override
        String strategy() {
            return "parallel";
        }
    }

    /** The deploy plan's phase is serial: one instance per offer round, each waiting for the last to be ready. */
    public static class SerialDeploy extends DeployShot {
        @Override
        String strategy() {
            return "serial";
        }
    }
}
