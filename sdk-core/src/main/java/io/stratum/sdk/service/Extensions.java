package io.stratum.sdk.service;

import io.stratum.sdk.backend.mesos.MesosBackendBuilder;
import io.stratum.sdk.http.ApiHandler;
import io.stratum.sdk.placement.PlacementRule;
import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.spec.ConfigValidator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A framework's extensions of the SDK, collected by {@link Service.Builder}.
 *
 * @param configValidators extra config update rules
 * @param planCustomizer   edits the generated plans
 * @param endpoints        framework API routes: path template to GET handler
 * @param placementRules   extra hard placement rules by pod type
 * @param mesos            adjusts the Mesos backend under {@code --mesos}
 */
record Extensions(List<ConfigValidator> configValidators, Consumer<Map<String, Plan>> planCustomizer,
        Map<String, ApiHandler> endpoints, Map<String, List<PlacementRule>> placementRules,
        Consumer<MesosBackendBuilder> mesos) {

    static final Extensions NONE = new Extensions(List.of(), plans -> { }, Map.of(), Map.of(), mesos -> { });
}
