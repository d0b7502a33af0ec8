package io.stratum.sdk.internal.http;

import io.stratum.sdk.backend.ArtifactStore;
import io.stratum.sdk.http.ApiException;
import io.stratum.sdk.http.ApiResponse;
import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.scheduler.SchedulerLoop;
import io.stratum.sdk.internal.scheduler.ServiceScheduler;
import io.stratum.sdk.internal.state.PropertyStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Everything the API serves, over a running scheduler: reads go to the scheduler directly (its
 * read methods are thread-safe), commands run on its loop thread.
 */
public final class SchedulerApi implements PlanRegistry {
    private final Supplier<ServiceScheduler> scheduler;
    private final Supplier<SchedulerLoop> loop;
    private final PropertyStore properties;
    private final ArtifactStore artifacts;

    /** An API whose backend serves no artifacts (it writes config files itself, as the local one). */
    public SchedulerApi(ServiceScheduler scheduler, SchedulerLoop loop, PropertyStore properties) {
        this(() -> scheduler, () -> loop, properties, null);
    }

    /**
     * An API over the scheduler of the current term of leadership (a scheduler that lost its lock
     * and leads again runs a new one): {@code scheduler} and {@code loop} are asked on every request.
     *
     * @param artifacts the files the backend publishes for its tasks to fetch, or null for none
     */
    public SchedulerApi(Supplier<ServiceScheduler> scheduler, Supplier<SchedulerLoop> loop, PropertyStore properties,
            ArtifactStore artifacts) {
        this.scheduler = scheduler;
        this.loop = loop;
        this.properties = properties;
        this.artifacts = artifacts;
    }

    ServiceScheduler scheduler() {
        return scheduler.get();
    }

    PropertyStore properties() {
        return properties;
    }

    /** Runs a command on the scheduler's thread; a refused command becomes a 4xx. */
    <T> T command(Callable<T> command) {
        try {
            SchedulerLoop current = loop.get();
            return current == null ? command.call() : current.call(command);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("name", e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(409, "name", e.getMessage());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, Plan> plans() {
        return scheduler().plans();
    }

    @Override
    public void changed(Plan plan) {
        command(() -> {
            scheduler().tick();
            return null;
        });
    }

    /** @return an API server builder with every route of the v1 API */
    public ApiServer.Builder routes(ApiServer.Builder builder) {
        new PlansResource(this).register(builder);
        new PodsResource(this).register(builder);
        new ServiceResource(this).register(builder);
        new ArtifactsResource(artifacts).register(builder);
        builder.route("GET", "/v1/openapi.json", r -> ApiResponse.raw(200, "application/json", openApi()));
        return builder;
    }

    /** @return the OpenAPI 3 document of the v1 API */
    public static byte[] openApi() {
        try (InputStream in = SchedulerApi.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
