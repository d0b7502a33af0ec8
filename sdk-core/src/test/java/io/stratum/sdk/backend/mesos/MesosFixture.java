package io.stratum.sdk.backend.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test master (or several over one cluster) and the backends under test, closed after each test,
 * which then requires that the master saw no protocol or schema error and that no listener was
 * ever called concurrently.
 */
final class MesosFixture implements AfterEachCallback {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration POLL = Duration.ofMillis(10);

    final FakeCluster cluster = new FakeCluster();
    private final List<TestMaster> masters = new ArrayList<>();
    private final List<MesosBackend> backends = new ArrayList<>();
    private final List<Events> listeners = new ArrayList<>();

    TestMaster master() throws Exception {
        TestMaster master = TestMaster.start(cluster);
        masters.add(master);
        return master;
    }

    /**
     * @return a backend for {@code master} with the role and principal of the offer evaluator's
     *     defaults, and timings for tests: short backoff and timeouts
     */
    MesosBackend.Builder builder(String master) {
        return MesosBackend.builder(master).withFrameworkName("test-service").withUser("tester")
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200)).withRequestTimeout(Duration.ofSeconds(2));
    }

    /** Closes {@code backend} after the test. */
    void track(MesosBackend backend) {
        backends.add(backend);
    }

    /** Starts {@code backend} with a recording listener, which acknowledges through it. */
    Events start(MesosBackend backend, Optional<String> frameworkId) {
        Events events = new Events();
        events.backend = backend;
        backends.add(backend);
        listeners.add(events);
        backend.start(frameworkId, events);
        return events;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        backends.forEach(MesosBackend::close);
        masters.forEach(TestMaster::close);
        assertThat(cluster.errors).as("protocol and schema errors the master saw").isEmpty();
        assertThat(listeners).noneMatch(l -> l.overlapped);
    }
}
